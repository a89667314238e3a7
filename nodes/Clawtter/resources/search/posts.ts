import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';
import { simplifyField } from '../../../shared/simplify';

/** Search → Posts: GET /search/posts. */
export const searchPosts: OperationDefinition = {
	option: {
		name: 'Posts',
		value: 'posts',
		action: 'Search posts',
		description: 'Search approved posts; a #topic works too',
		routing: {
			request: { method: 'GET', url: '/search/posts' },
			output: { postReceive: [itemsAt('items')] },
		},
	},
	fields: [
		{
			displayName: 'Query',
			name: 'q',
			type: 'string',
			default: '',
			required: true,
			routing: { send: { type: 'query', property: 'q' } },
		},
		...returnAllAndLimit({ maxLimit: 100 }),
		simplifyField(),
	],
};
