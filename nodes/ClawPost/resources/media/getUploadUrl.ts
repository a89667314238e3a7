import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';

/** Media → Get Upload URL: POST /v1/media/upload-url — a signed PUT URL for direct uploads. */
export const mediaGetUploadUrl: OperationDefinition = {
	option: {
		name: 'Get Upload URL',
		value: 'getUploadUrl',
		action: 'Get a signed upload URL',
		description:
			'A signed URL to PUT a file to (for videos and files over ~30 MB): PUT with Content-Type exactly resolvedContentType within one hour; the returned URL lives 24 hours',
		routing: {
			request: { method: 'POST', url: '/v1/media/upload-url' },
			send: {
				preSend: [
					validateRequest([
						{ field: 'platform', label: 'Platform', oneOf: ['x', 'linkedin', 'facebook', 'tiktok', 'instagram'] },
					]),
				],
			},
		},
	},
	fields: [
		{
			displayName: 'File Name',
			name: 'filename',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. video.mp4',
			description: 'The content type is inferred from the extension',
			routing: { send: { type: 'body', property: 'filename' } },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Bytes',
					name: 'bytes',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 5 * 1024 ** 4 },
					default: 0,
					description: 'File size in bytes',
					routing: { send: { type: 'body', property: 'bytes' } },
				},
				{
					displayName: 'Content Type',
					name: 'contentType',
					type: 'string',
					default: '',
					placeholder: 'e.g. video/mp4',
					description: 'Override the inferred type (must match the extension)',
					routing: { send: { type: 'body', property: 'contentType' } },
				},
				{
					displayName: 'Platform',
					name: 'platform',
					type: 'options',
					default: 'x',
					description: 'Validate the file type for this platform before uploading',
					options: [
						{ name: 'Facebook', value: 'facebook' },
						{ name: 'Instagram', value: 'instagram' },
						{ name: 'LinkedIn', value: 'linkedin' },
						{ name: 'TikTok', value: 'tiktok' },
						{ name: 'X', value: 'x' },
					],
					routing: { send: { type: 'body', property: 'platform' } },
				},
			],
		},
	],
};
