import type { OperationDefinition } from '../../../shared/descriptions';
import { ISO_DATE } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { attendeeList, eventChecks, eventFields } from './fields';

/** Calendar Event → Create: POST /calendar/events (attendees get an .ics invitation by email). */
export const calendarEventCreate: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a calendar event',
		description: 'Add an event to your ClawNet calendar (new API): title ≤ 200 characters, start time, optional end, reminder 0–10,080 minutes before; attendees get an invitation by email',
		routing: {
			request: { method: 'POST', url: '/calendar/events' },
			send: { preSend: [validateRequest([{ field: 'title', label: 'Title', required: true, maxLength: 200 }]), eventChecks('additionalFields'), attendeeList] },
		},
	},
	fields: [
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, routing: { send: { type: 'body', property: 'title' } } },
		{ displayName: 'Starts At', name: 'startsAt', type: 'dateTime', default: '', required: true, routing: { send: { type: 'body', property: 'starts_at', value: ISO_DATE } } },
		{
			displayName: 'Attendees',
			name: 'attendees',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Attendee',
			options: [
				{
					displayName: 'Attendee',
					name: 'attendee',
					values: [
						{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					],
				},
			],
		},
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: eventFields() },
	],
};
