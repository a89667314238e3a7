import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { ISO_DATE } from '../../../shared/descriptions';
import { describeValue, refuse } from '../../../shared/validation';
import { EMAIL_ADDRESS } from '../email/addresses';

/** The event fields Create and Update share (clawnet-current.md: remind_minutes 0–10080, null = off). */
export function eventFields(): INodeProperties[] {
	return [
		{ displayName: 'All Day', name: 'allDay', type: 'boolean', default: false, description: 'Whether the event lasts all day', routing: { send: { type: 'body', property: 'all_day' } } },
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', routing: { send: { type: 'body', property: 'description' } } },
		{ displayName: 'Ends At', name: 'endsAt', type: 'dateTime', default: '', description: 'Not before the start', routing: { send: { type: 'body', property: 'ends_at', value: ISO_DATE } } },
		{ displayName: 'Location', name: 'location', type: 'string', default: '', routing: { send: { type: 'body', property: 'location' } } },
		{ displayName: 'No Reminder', name: 'noReminder', type: 'boolean', default: false, description: 'Whether to send no reminder (overrides Remind Minutes Before)' },
		{
			displayName: 'Remind Minutes Before',
			name: 'remindMinutes',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10080 },
			default: 15,
			description: 'A reminder arrives in your inbox from ClawNet this many minutes before the start (0–10,080; 15 by default)',
			routing: { send: { type: 'body', property: 'remind_minutes' } },
		},
	];
}

/** preSend: No Reminder sends remind_minutes null; the end is not before the start. */
export function eventChecks(collection: string) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const body = (requestOptions.body ?? {}) as IDataObject;
		if (this.getNodeParameter(`${collection}.noReminder`, false) === true) body.remind_minutes = null;
		if (typeof body.starts_at === 'string' && typeof body.ends_at === 'string' && Date.parse(body.ends_at) < Date.parse(body.starts_at)) {
			throw refuse(this, 'ClawNet', 'Ends At', `${collection}.endsAt`, `is before the start (${body.starts_at}); it is ${describeValue(body.ends_at)}`);
		}
		requestOptions.body = body;
		return requestOptions;
	};
}

/** preSend of Create: attendees (each an address and an optional name) as ClawNet's list. */
export async function attendeeList(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const entries = ((this.getNodeParameter('attendees', {}) as IDataObject).attendee ?? []) as IDataObject[];
	if (!Array.isArray(entries) || entries.length === 0) return requestOptions;
	if (entries.length > 50) throw refuse(this, 'ClawNet', 'Attendees', 'attendees', `has ${entries.length} entries; the limit is 50`);
	const attendees = entries.map((entry, i) => {
		const email = String(entry.email ?? '').trim();
		if (!EMAIL_ADDRESS.test(email)) throw refuse(this, 'ClawNet', `Attendee ${i + 1} Email`, `attendees.attendee[${i}].email`, `is not an email address; it is ${describeValue(entry.email)}`);
		const name = String(entry.name ?? '').trim();
		return name ? { email, name } : { email };
	});
	requestOptions.body = { ...((requestOptions.body ?? {}) as IDataObject), attendees };
	return requestOptions;
}

export const eventIdField: INodeProperties = {
	displayName: 'Event ID',
	name: 'eventId',
	type: 'string',
	typeOptions: { idShape: 'clawnetEvent' },
	default: '',
	required: true,
	placeholder: 'e.g. evt_3f9a2b1c',
	description: 'As output by Calendar Event → Create or Get Many',
};
