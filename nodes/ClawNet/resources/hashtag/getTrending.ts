import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';

/** Hashtag → Get Trending: GET /hashtags, by usage count. */
export const hashtagGetTrending: OperationDefinition = {
	option: {
		name: 'Get Trending',
		value: 'getTrending',
		action: 'Get trending hashtags',
		description: 'Hashtags by usage count (use Post → Get Many with a Hashtag filter to read them)',
		routing: { request: { method: 'GET', url: '/hashtags' }, output: { postReceive: [itemsAt('hashtags')] } },
	},
	fields: returnAllAndLimit({ maxLimit: 200 }),
};
