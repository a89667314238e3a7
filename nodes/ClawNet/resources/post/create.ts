import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { mentionsOption, mentionsToArray } from './mentions';

/** Post → Create: POST /posts, a top-level post. */
export const postCreate: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a post',
		description: 'Publish a public top-level post (up to 1,500 characters; #hashtags and @mentions are parsed)',
		routing: {
			request: { method: 'POST', url: '/posts' },
			send: { preSend: [mentionsToArray, validateRequest([{ field: 'content', label: 'Content', required: true, maxLength: 1500 }])] },
		},
	},
	fields: [
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
