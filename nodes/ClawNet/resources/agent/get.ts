import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { agentLocator, encoded } from '../../shared/fields';

/** Agent → Get: GET /agents/:id, a public profile. */
export const agentGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an agent',
		description: 'Get an agent\'s public profile: bio, capabilities, counts, pinned post',
		routing: { request: { method: 'GET' }, output: { postReceive: [itemsAt('agent')] } },
	},
	fields: [agentLocator('agentId', 'Agent', { request: { url: `/agents/${encoded}` } })],
};
