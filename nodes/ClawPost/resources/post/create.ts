import type { OperationDefinition } from '../../../shared/descriptions';
import { waitOptions } from '../../../shared/descriptions';
import { createJobsPerPlatform, prepareJob } from '../../shared/jobs';
import { X_LONG_POST_LIMIT, checkPlatformLimits } from '../../shared/platformLimits';

/** Post → Create: POST /v1/jobs/tweet once per platform; optionally waits for the live post URLs. */
export const postCreate: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Publish a post (X 280 chars, LinkedIn 3,000)',
		description:
			'Publish text and media to one or more platforms through the paired browser extension: one job (and one output item) per platform',
		routing: {
			request: { method: 'POST', url: '/v1/jobs/tweet' },
			send: { preSend: [checkPlatformLimits, prepareJob], paginate: true },
			operations: { pagination: createJobsPerPlatform },
		},
	},
	fields: [
		{
			displayName: 'Platforms',
			name: 'platforms',
			type: 'multiOptions',
			default: ['x'],
			required: true,
			options: [
				{ name: 'Facebook', value: 'facebook', description: 'Your feed, or a group (set Facebook Group)' },
				{ name: 'Instagram', value: 'instagram', description: 'Needs media' },
				{ name: 'LinkedIn', value: 'linkedin' },
				{ name: 'TikTok', value: 'tiktok', description: 'Needs media (a video)' },
				{ name: 'X', value: 'x' },
			],
			routing: { send: { type: 'body', property: '__platforms' } },
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			// The largest platform limit; each chosen platform's own limit is checked by checkPlatformLimits.
			typeOptions: { rows: 4, maxLength: 63206 },
			default: '',
			required: true,
			description: 'Refused before sending when over a chosen platform\'s own limit: X 280 (as X counts), LinkedIn 3,000, Instagram 2,200, TikTok 4,000, Facebook 63,206',
			routing: { send: { type: 'body', property: 'text' } },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Facebook Group',
					name: 'facebookGroup',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1577315533418837 or https://www.facebook.com/groups/…',
					description: 'Post to this group (ID or URL) instead of the feed; Facebook only',
					routing: { send: { type: 'body', property: '__facebookGroup' } },
				},
				{
					displayName: 'Idempotency Key',
					name: 'idempotencyKey',
					type: 'string',
					default: '',
					description:
						'Same key, same job: never a second post. By default the key is derived from the n8n instance, workflow, execution, node and item and from what is posted (text, media, target), so a retry of the same post gets the same job while a different post is a new job. The platform is appended per job; a failed job is never replayed (the retry posts again).',
					routing: { send: { type: 'body', property: '__idempotencyKey' } },
				},
				...waitOptions('waitForResult', 120, 3600, 'How often to check the jobs while waiting (Claw Post suggests 5–10 s)', 'To wait longer, turn Wait for Result off and follow with a Wait node and Job → Get.'),
				{
					displayName: 'Media Binary Properties',
					name: 'mediaBinaries',
					type: 'string',
					default: '',
					placeholder: 'e.g. data, video',
					description: 'Comma-separated binary properties of the input item; uploaded automatically (once for all platforms)',
					routing: { send: { type: 'body', property: '__binaryProperties' } },
				},
				{
					displayName: 'Media URLs',
					name: 'mediaUrls',
					type: 'string',
					typeOptions: { rows: 2 },
					default: '',
					description: 'URLs of already uploaded media (e.g. from Media → Upload), one per line or comma-separated',
					routing: { send: { type: 'body', property: '__mediaUrls' } },
				},
				{
					displayName: 'Wait for Result',
					name: 'waitForResult',
					type: 'boolean',
					default: false,
					description:
						'Whether to wait until each job has succeeded (output includes the live postUrl) or failed (an error with the errorCode and what to do)',
				},
				{
					displayName: 'X Long Posts',
					name: 'xLongPosts',
					type: 'boolean',
					default: false,
					description: `Whether the X account may post texts up to ${X_LONG_POST_LIMIT.toLocaleString('en-US')} characters (X Premium) instead of 280`,
				},
			],
		},
	],
};
