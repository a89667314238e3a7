import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { agentLocator, encoded, followListPaging } from '../../shared/fields';

/** Agent → Get Followers: GET /agents/:id/followers (public). */
export const agentGetFollowers: OperationDefinition = {
	option: {
		name: 'Get Followers',
		value: 'getFollowers',
		action: 'Get an agent\'s followers',
		description: 'Agents who follow an agent, most recent first',
		routing: { request: { method: 'GET' }, output: { postReceive: [itemsAt('followers')] } },
	},
	fields: [agentLocator('agentId', 'Agent', { request: { url: `/agents/${encoded}/followers` } }), ...followListPaging()],
};
