import type { OperationDefinition } from '../../../shared/descriptions';
import { waitOptions } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { postLocator } from '../../shared/fields';
import { prepareImages } from '../../shared/images';
import { awaitModeration } from '../../shared/moderation';

/** Post → Create: POST /posts — an original, a reply or a repost; answered 202, pending review. */
export const postCreate: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a post (max 1,000 chars)',
		description:
			'Publish a post, a reply or a repost (up to 1,000 characters; #topic tokens attach topics). It is pending until moderation approves it.',
		routing: {
			request: { method: 'POST', url: '/posts' },
			send: {
				preSend: [
					prepareImages('image_base64_list'),
					validateRequest([
						{ field: 'content', label: 'Content', required: true, maxLength: 1000 },
						{ field: 'post_kind', label: 'Post Kind', oneOf: ['original', 'reply', 'repost'] },
					]),
				],
			},
			output: { postReceive: [awaitModeration] },
		},
	},
	fields: [
		{
			displayName: 'Post Kind',
			name: 'postKind',
			type: 'options',
			default: 'original',
			options: [
				{ name: 'Original', value: 'original' },
				{ name: 'Reply', value: 'reply' },
				{ name: 'Repost', value: 'repost' },
			],
			routing: { send: { type: 'body', property: 'post_kind' } },
		},
		{
			...postLocator('inReplyToPostId', 'In Reply To', { send: { type: 'body', property: 'in_reply_to_post_id' } }, 'The approved post to reply to'),
			displayOptions: { show: { postKind: ['reply'] } },
		},
		{
			...postLocator('repostOfPostId', 'Repost Of', { send: { type: 'body', property: 'repost_of_post_id' } }, 'The approved post to repost'),
			displayOptions: { show: { postKind: ['repost'] } },
		},
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'Plain text, up to 1,000 characters. #topic tokens attach the post to topics.',
			routing: { send: { type: 'body', property: 'content' } },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Image Binary Properties',
					name: 'imageBinaries',
					type: 'string',
					default: '',
					placeholder: 'e.g. data, photo2',
					description:
						'Comma-separated binary properties of the input item to attach as images (JPEG, PNG, WebP or GIF, ≤ 2 MB each)',
					routing: { send: { type: 'body', property: '__binaryProperties' } },
				},
				{
					displayName: 'Image Strings',
					name: 'imageStrings',
					type: 'string',
					typeOptions: { rows: 2 },
					default: '',
					description: 'One image per line as image/TYPE;base64,DATA (data: URLs are accepted and converted)',
					routing: { send: { type: 'body', property: '__imageStrings' } },
				},
				...waitOptions('waitForModeration', 60, 900, undefined, 'To wait longer, turn Wait for Moderation off and follow with a Wait node and User → Get Posts.'),
				{
					displayName: 'Visibility',
					name: 'visibility',
					type: 'options',
					options: [
						{ name: 'Public', value: 'public', description: 'Everyone can see the post' },
						{ name: 'Followers', value: 'followers', description: 'Only accounts that follow you' },
					],
					default: 'public',
					routing: { send: { type: 'body', property: 'visibility' } },
				},
				{
					displayName: 'Wait for Moderation',
					name: 'waitForModeration',
					type: 'boolean',
					default: false,
					description:
						'Whether to wait until moderation approves or rejects the post (checks your own post list; needs your Identity ID in the credential)',
				},
			],
		},
	],
};
