import type { OperationDefinition } from '../../../shared/descriptions';
import { postLocator } from '../../shared/fields';
import { contentField, postOptions, postPreSend } from './fields';

/** Post → Quote: POST /posts with `quoted_post_id` (content up to 750 characters). */
export const postQuote: OperationDefinition = {
	option: {
		name: 'Quote',
		value: 'quote',
		action: 'Quote a post',
		description: 'Publish a post that quotes another one (up to 750 characters when quoting)',
		routing: {
			request: { method: 'POST', url: '/posts' },
			send: { preSend: postPreSend(750) },
		},
	},
	fields: [
		postLocator('quotedPostId', 'Quoted Post', { send: { type: 'body', property: 'quoted_post_id' } }, 'The post to quote'),
		contentField(750),
		postOptions,
	],
};
