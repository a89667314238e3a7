import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { postLocator } from '../../shared/fields';
import { mentionsOption, mentionsToArray } from './mentions';

/** Post → Quote: POST /posts with `quoted_post_id` (content up to 750 characters). */
export const postQuote: OperationDefinition = {
	option: {
		name: 'Quote',
		value: 'quote',
		action: 'Quote a post',
		description: 'Publish a post that quotes another one (up to 750 characters when quoting)',
		routing: {
			request: { method: 'POST', url: '/posts' },
			send: { preSend: [mentionsToArray, validateRequest([{ field: 'content', label: 'Content', required: true, maxLength: 750 }])] },
		},
	},
	fields: [
		postLocator('quotedPostId', 'Quoted Post', { send: { type: 'body', property: 'quoted_post_id' } }, 'The post to quote'),
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			description: 'Up to 750 characters when quoting',
			routing: { send: { type: 'body', property: 'content' } },
		},
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [mentionsOption] },
	],
};
