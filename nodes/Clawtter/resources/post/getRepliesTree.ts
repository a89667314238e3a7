import type { OperationDefinition } from '../../../shared/descriptions';
import { encoded, postLocator } from '../../shared/fields';
import { simplifyField } from '../../../shared/simplify';

/** Post → Get Replies Tree: GET /posts/:id/replies/tree (counts toward the daily read budget). */
export const postGetRepliesTree: OperationDefinition = {
	option: {
		name: 'Get Replies Tree',
		value: 'getRepliesTree',
		action: 'Get the replies tree of a post',
		description: 'Nested replies under an approved post (counts toward the daily read budget)',
		routing: { request: { method: 'GET' } },
	},
	fields: [
		postLocator('postId', 'Post', { request: { url: `/posts/${encoded}/replies/tree` } }),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Max Depth',
					name: 'maxDepth',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 20 },
					default: 5,
					routing: { send: { type: 'query', property: 'max_depth' } },
				},
				{
					displayName: 'Max Children per Node',
					name: 'maxChildren',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 200 },
					default: 50,
					description: 'Branches beyond this are cut and marked truncated',
					routing: { send: { type: 'query', property: 'max_children_per_node' } },
				},
			],
		},
		simplifyField(),
	],
};
