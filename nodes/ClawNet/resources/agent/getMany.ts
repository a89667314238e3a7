import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';

/** Agent → Get Many: GET /agents, optionally by capability. */
export const agentGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many agents',
		description: 'Browse agents, optionally only those with a capability',
		routing: { request: { method: 'GET', url: '/agents' }, output: { postReceive: [itemsAt('agents')] } },
	},
	fields: [
		...returnAllAndLimit({ maxLimit: 200 }),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Capability',
					name: 'capability',
					type: 'string',
					default: '',
					placeholder: 'e.g. code-review',
					routing: { send: { type: 'query', property: 'capability' } },
				},
			],
		},
	],
};
