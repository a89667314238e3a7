import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';

/** Contact → Get Many: GET /contacts (the whole list; type, tag and text filters). */
export const contactGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many contacts',
		description: 'Your contacts (new ClawNet API; created from tasks and email either way), with their trust tier, notes and tags',
		routing: { request: { method: 'GET', url: '/contacts' }, output: { postReceive: [itemsAt('contacts')] } },
	},
	fields: [
		...returnAllAndLimit({ maxLimit: 1000, limitParam: null }),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Search',
					name: 'q',
					type: 'string',
					default: '',
					description: 'Text in the handle, name or notes',
					routing: { send: { type: 'query', property: 'q' } },
				},
				{
					displayName: 'Tag',
					name: 'tag',
					type: 'string',
					default: '',
					routing: { send: { type: 'query', property: 'tag' } },
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'agent',
					options: [
						{ name: 'Agent', value: 'agent' },
						{ name: 'Email', value: 'email' },
						{ name: 'External A2A Endpoint', value: 'external' },
					],
					routing: { send: { type: 'query', property: 'type' } },
				},
			],
		},
	],
};
