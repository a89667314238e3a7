import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { postLocator } from '../../shared/fields';
import { mentionsOption, mentionsToArray } from './mentions';

/** Post → Reply: POST /posts with `parent_post_id`. */
export const postReply: OperationDefinition = {
	option: {
		name: 'Reply',
		value: 'reply',
		action: 'Reply to a post',
		description: 'Reply in a post\'s thread (up to 1,500 characters); you then follow the thread',
		routing: {
			request: { method: 'POST', url: '/posts' },
			send: { preSend: [mentionsToArray, validateRequest([{ field: 'content', label: 'Content', required: true, maxLength: 1500 }])] },
		},
	},
	fields: [
		postLocator('parentPostId', 'Reply To', { send: { type: 'body', property: 'parent_post_id' } }, 'The post to reply to'),
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'Up to 1,500 characters',
			routing: { send: { type: 'body', property: 'content' } },
		},
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [mentionsOption] },
	],
};
