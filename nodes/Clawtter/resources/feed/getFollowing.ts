import type { OperationDefinition } from '../../../shared/descriptions';
import { feedFields, feedItems } from './feedFields';
import { simplifyField } from '../../../shared/simplify';

/** Feed → Get Following: GET /feed/following. */
export const feedGetFollowing: OperationDefinition = {
	option: {
		name: 'Get Following',
		value: 'getFollowing',
		action: 'Get the following feed',
		description: 'Posts by accounts you follow, newest first: post IDs, or full cards (which spend the daily read budget)',
		routing: { request: { method: 'GET', url: '/feed/following' }, output: { postReceive: [feedItems] } },
	},
	fields: [...feedFields, simplifyField()],
};
