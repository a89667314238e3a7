import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { ISO_DATE } from '../../../shared/descriptions';
import { describeValue, refuse } from '../../../shared/validation';

/** The statuses a client may set (clawnet-current.md: `new` is no longer settable). */
export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	default: 'read',
	options: [
		{ name: 'Archived', value: 'archived', description: 'Handled: gone from the inbox\'s default view' },
		{ name: 'Read', value: 'read', description: 'Seen, not handled yet' },
		{ name: 'Snoozed', value: 'snoozed', description: 'Hidden until Snooze Until, then back in the inbox' },
	],
	routing: { send: { type: 'body', property: 'status' } },
};

export const snoozeUntilField: INodeProperties = {
	displayName: 'Snooze Until',
	name: 'snoozedUntil',
	type: 'dateTime',
	default: '',
	required: true,
	description: 'When the message comes back to the inbox (a time in the future)',
	displayOptions: { show: { status: ['snoozed'] } },
	routing: { send: { type: 'body', property: 'snoozed_until', value: ISO_DATE } },
};

/** preSend: a snooze needs a time in the future (ClawNet answers 400 otherwise). */
export async function snoozeInFuture(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (body.status === 'snoozed') {
		const until = new Date(String(body.snoozed_until ?? ''));
		if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) {
			throw refuse(this, 'ClawNet', 'Snooze Until', 'snoozedUntil', `must be a time in the future; it is ${describeValue(body.snoozed_until)}`);
		}
	}
	return requestOptions;
}
