import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { followListPaging } from './followList';

/** Account → Get Following: GET /me/following. */
export const accountGetFollowing: OperationDefinition = {
	option: {
		name: 'Get Following',
		value: 'getFollowing',
		action: 'Get who I follow',
		description: 'Accounts you follow',
		routing: { request: { method: 'GET', url: '/me/following' }, output: { postReceive: [itemsAt('items')] } },
	},
	fields: followListPaging(),
};
