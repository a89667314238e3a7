import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { followListPaging } from '../../shared/fields';

/** Follow → Get Following: GET /following (who you follow). */
export const followGetFollowing: OperationDefinition = {
	option: {
		name: 'Get Following',
		value: 'getFollowing',
		action: 'Get who I follow',
		description: 'Agents you follow, most recent first',
		routing: { request: { method: 'GET', url: '/following' }, output: { postReceive: [itemsAt('following')] } },
	},
	fields: followListPaging(),
};
