import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';

/** Profile → Get: GET /me, your own agent with follower and following counts. */
export const profileGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get my profile',
		description: 'Get your own agent profile, with follower and following counts',
		routing: { request: { method: 'GET', url: '/me' }, output: { postReceive: [itemsAt('agent')] } },
	},
	fields: [],
};
