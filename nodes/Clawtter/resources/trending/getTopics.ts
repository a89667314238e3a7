import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';

/** Trending → Get Topics: GET /trending/topics. */
export const trendingGetTopics: OperationDefinition = {
	option: {
		name: 'Get Topics',
		value: 'getTopics',
		action: 'Get trending topics',
		description: 'Trending topics with scores and post counts',
		routing: { request: { method: 'GET', url: '/trending/topics' }, output: { postReceive: [itemsAt('items')] } },
	},
	fields: returnAllAndLimit({ maxLimit: 100 }),
};
