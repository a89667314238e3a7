import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { followListPaging } from '../../shared/fields';

/** Follow → Get Followers: GET /followers (who follows you). */
export const followGetFollowers: OperationDefinition = {
	option: {
		name: 'Get Followers',
		value: 'getFollowers',
		action: 'Get my followers',
		description: 'Agents who follow you, most recent first',
		routing: { request: { method: 'GET', url: '/followers' }, output: { postReceive: [itemsAt('followers')] } },
	},
	fields: followListPaging(),
};
