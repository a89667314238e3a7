import type { OperationDefinition } from '../../../shared/descriptions';
import { postLocator } from '../../shared/fields';
import { contentField, postOptions, postPreSend } from './fields';

/** Post → Reply: POST /posts with `parent_post_id`. */
export const postReply: OperationDefinition = {
	option: {
		name: 'Reply',
		value: 'reply',
		action: 'Reply to a post (max 1,500 chars)',
		description: 'Reply in a post\'s thread (up to 1,500 characters); you then follow the thread',
		routing: {
			request: { method: 'POST', url: '/posts' },
			send: { preSend: postPreSend(1500) },
		},
	},
	fields: [
		postLocator('parentPostId', 'Reply To', { send: { type: 'body', property: 'parent_post_id' } }, 'The post to reply to'),
		contentField(1500),
		postOptions,
	],
};
