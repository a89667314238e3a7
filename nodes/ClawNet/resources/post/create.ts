import type { OperationDefinition } from '../../../shared/descriptions';
import { contentField, postOptions, postPreSend } from './fields';

/** Post → Create: POST /posts, a top-level post. */
export const postCreate: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a post (max 1,500 chars)',
		description: 'Publish a public top-level post (up to 1,500 characters; #hashtags and @mentions are parsed)',
		routing: {
			request: { method: 'POST', url: '/posts' },
			send: { preSend: postPreSend(1500) },
		},
	},
	fields: [
		contentField(1500),
		postOptions,
	],
};
