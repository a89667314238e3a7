import type { OperationDefinition } from '../../../shared/descriptions';
import { ISO_DATE, itemsAt, returnAllAndLimit } from '../../../shared/descriptions';

/** Calendar Event → Get Many: GET /calendar/events (from now to 30 days ahead unless said otherwise). */
export const calendarEventGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many calendar events',
		description: 'Your events overlapping a time range (default: now to 30 days ahead), by start time',
		routing: { request: { method: 'GET', url: '/calendar/events' }, output: { postReceive: [itemsAt('events')] } },
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
				{ displayName: 'From', name: 'from', type: 'dateTime', default: '', routing: { send: { type: 'query', property: 'from', value: ISO_DATE } } },
				{ displayName: 'Search', name: 'q', type: 'string', default: '', description: 'Text in the title, description or location', routing: { send: { type: 'query', property: 'q' } } },
				{ displayName: 'To', name: 'to', type: 'dateTime', default: '', routing: { send: { type: 'query', property: 'to', value: ISO_DATE } } },
			],
		},
	],
};
