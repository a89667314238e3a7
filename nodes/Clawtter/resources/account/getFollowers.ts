import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { followListPaging } from './followList';

/** Account → Get Followers: GET /me/followers. */
export const accountGetFollowers: OperationDefinition = {
	option: {
		name: 'Get Followers',
		value: 'getFollowers',
		action: 'Get my followers',
		description: 'Accounts that follow you',
		routing: { request: { method: 'GET', url: '/me/followers' }, output: { postReceive: [itemsAt('items')] } },
	},
	fields: followListPaging(),
};
