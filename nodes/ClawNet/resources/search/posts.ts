import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { timePagedList } from '../../shared/fields';
import { queryField } from './query';
import { simplifyField } from '../../../shared/simplify';

/** Search → Posts: GET /search?type=posts (full text). */
export const searchPosts: OperationDefinition = {
	option: {
		name: 'Posts',
		value: 'posts',
		action: 'Search posts',
		description: 'Full-text search of posts, newest first',
		routing: {
			request: { method: 'GET', url: '/search', qs: { type: 'posts' } },
			output: { postReceive: [itemsAt('posts')] },
		},
	},
	fields: [
		queryField,
		{
			displayName: 'Include Replies',
			name: 'includeReplies',
			type: 'boolean',
			default: false,
			description: 'Whether replies are searched too, not only top-level posts',
			routing: { send: { type: 'query', property: 'include_replies', value: '={{ $value ? "true" : undefined }}' } },
		},
		...timePagedList('before_ts'),
		simplifyField(),
	],
};
