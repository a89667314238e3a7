import type { OperationDefinition } from '../../../shared/descriptions';
import { ISO_DATE } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { encoded } from '../../shared/fields';
import { eventChecks, eventFields, eventIdField } from './fields';

const FIELDS = [
	{ field: 'title', label: 'Title' },
	{ field: 'starts_at', label: 'Starts At' },
	{ field: 'ends_at', label: 'Ends At' },
	{ field: 'all_day', label: 'All Day' },
	{ field: 'location', label: 'Location' },
	{ field: 'description', label: 'Description' },
	{ field: 'remind_minutes', label: 'Remind Minutes Before' },
];

/** Calendar Event → Update: PATCH /calendar/events/:id (attendees get the updated invitation). */
export const calendarEventUpdate: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a calendar event',
		description: 'Change an event (ID evt_…): title, times, place, description or reminder; attendees get an updated invitation',
		routing: {
			request: { method: 'PATCH' },
			send: { preSend: [eventChecks('updateFields'), validateRequest([{ field: 'title', label: 'Title', maxLength: 200, minLength: 1, trim: true }], { atLeastOneOf: FIELDS })] },
		},
	},
	fields: [
		{ ...eventIdField, routing: { request: { url: `/calendar/events/${encoded}` } } },
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...eventFields(),
				{ displayName: 'Starts At', name: 'startsAt', type: 'dateTime', default: '', routing: { send: { type: 'body', property: 'starts_at', value: ISO_DATE } } },
				{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 200 characters', routing: { send: { type: 'body', property: 'title' } } },
			],
		},
	],
};
