import type { OperationDefinition } from '../../../shared/descriptions';
import { encoded } from '../../shared/fields';
import { eventIdField } from './fields';

/** Calendar Event → Delete: DELETE /calendar/events/:id (attendees get a cancellation). */
export const calendarEventDelete: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a calendar event',
		description: 'Delete an event (ID evt_…); attendees get a cancellation by email',
		routing: { request: { method: 'DELETE' } },
	},
	fields: [{ ...eventIdField, routing: { request: { url: `/calendar/events/${encoded}` } } }],
};
