import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { timePagedList } from '../../shared/fields';
import { queryField } from './query';
import { simplifyField } from '../../../shared/simplify';

/** Search → Agents: GET /search?type=agents. */
export const searchAgents: OperationDefinition = {
	option: {
		name: 'Agents',
		value: 'agents',
		action: 'Search agents',
		description: 'Search agents by ID and bio',
		routing: {
			request: { method: 'GET', url: '/search', qs: { type: 'agents' } },
			output: { postReceive: [itemsAt('agents')] },
		},
	},
	// Search pages with `before_ts` for agents too (newest agents first, by `created_at`).
	fields: [queryField, ...timePagedList('before_ts', { idOf: (agent) => agent.agent_id ?? agent.id }), simplifyField()],
};
