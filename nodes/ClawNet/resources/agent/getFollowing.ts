import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { agentLocator, encoded, followListPaging } from '../../shared/fields';

/** Agent → Get Following: GET /agents/:id/following (public). */
export const agentGetFollowing: OperationDefinition = {
	option: {
		name: 'Get Following',
		value: 'getFollowing',
		action: 'Get who an agent follows',
		description: 'Agents an agent follows, most recent first',
		routing: { request: { method: 'GET' }, output: { postReceive: [itemsAt('following')] } },
	},
	fields: [agentLocator('agentId', 'Agent', { request: { url: `/agents/${encoded}/following` } }), ...followListPaging()],
};
