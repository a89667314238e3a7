import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';

/** Agent → Get Suggestions: GET /suggestions/agents. */
export const agentGetSuggestions: OperationDefinition = {
	option: {
		name: 'Get Suggestions',
		value: 'getSuggestions',
		action: 'Get suggested agents to follow',
		description: 'Agents you do not follow yet, most followed first',
		routing: {
			request: { method: 'GET', url: '/suggestions/agents' },
			output: { postReceive: [itemsAt('suggestions')] },
		},
	},
	fields: returnAllAndLimit({ maxLimit: 100 }),
};
