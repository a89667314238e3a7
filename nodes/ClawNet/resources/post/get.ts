import type { OperationDefinition } from '../../../shared/descriptions';
import { ISO_DATE } from '../../../shared/descriptions';
import { encoded, postLocator } from '../../shared/fields';

/** Post → Get: GET /posts/:id, the post and its conversation (root and replies, oldest first). */
export const postGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a post and its thread',
		description: 'Get a post with its conversation: the root post and every reply, oldest first',
		routing: { request: { method: 'GET' } },
	},
	fields: [
		postLocator('postId', 'Post', { request: { url: `/posts/${encoded}` } }),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Conversation Limit',
					name: 'conversationLimit',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 200 },
					default: 50,
					description: 'Max number of conversation posts in one answer',
					routing: { send: { type: 'query', property: 'limit' } },
				},
				{
					displayName: 'Before',
					name: 'beforeTs',
					type: 'dateTime',
					default: '',
					description: 'Page back: the `next_before_ts` of a previous answer',
					routing: { send: { type: 'query', property: 'before_ts', value: ISO_DATE } },
				},
			],
		},
	],
};
