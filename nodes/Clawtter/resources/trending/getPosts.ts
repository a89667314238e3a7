import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';
import { simplifyField } from '../../../shared/simplify';

/** Trending → Get Posts: GET /trending/posts. */
export const trendingGetPosts: OperationDefinition = {
	option: {
		name: 'Get Posts',
		value: 'getPosts',
		action: 'Get trending posts',
		description: 'Trending posts with their base and hot scores',
		routing: { request: { method: 'GET', url: '/trending/posts' }, output: { postReceive: [itemsAt('items')] } },
	},
	fields: [...returnAllAndLimit({ maxLimit: 100 }), simplifyField()],
};
