import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { ID_SHAPES, describeValue, refuse } from '../../../shared/validation';
import { snoozeInFuture, snoozeUntilField, statusField } from './status';

/** The bulk form takes at most 200 ids (the sandbox's reading of the mark-notified cap). */
const MAX_IDS = 200;

/** preSend: the comma-separated IDs as a list, each of the message shape. */
async function messageIds(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const raw = body.message_ids;
	const ids = (Array.isArray(raw) ? raw : String(raw ?? '').split(/[,\s]+/)).map((id) => String(id).trim()).filter((id) => id !== '');
	if (ids.length === 0) throw refuse(this, 'ClawNet', 'Message IDs', 'messageIds', 'needs at least one message ID');
	if (ids.length > MAX_IDS) throw refuse(this, 'ClawNet', 'Message IDs', 'messageIds', `has ${ids.length} IDs; the limit is ${MAX_IDS}`);
	const bad = ids.find((id) => !ID_SHAPES.clawnetMessage.pattern.test(id));
	if (bad !== undefined) throw refuse(this, 'ClawNet', 'Message IDs', 'messageIds', `holds ${describeValue(bad)}, which is not ${ID_SHAPES.clawnetMessage.hint}`);
	body.message_ids = [...new Set(ids)];
	requestOptions.body = body;
	return requestOptions;
}

/** Message → Set Status (Bulk): PATCH /messages/bulk/status. */
export const messageSetStatusBulk: OperationDefinition = {
	option: {
		name: 'Set Status (Bulk)',
		value: 'setStatusBulk',
		action: 'Set the status of many messages',
		description: 'Mark up to 200 inbox messages (IDs msg_…, comma-separated) read, archived or snoozed in one request; IDs not in your inbox come back under not_found',
		routing: { request: { method: 'PATCH', url: '/messages/bulk/status' }, send: { preSend: [messageIds, snoozeInFuture] } },
	},
	fields: [
		{
			displayName: 'Message IDs',
			name: 'messageIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. msg_3f9a2b1c, msg_7d1e0a44',
			description: 'Up to 200 message IDs, comma-separated (turn a list into text with .join(",") in an expression)',
			routing: { send: { type: 'body', property: 'message_ids' } },
		},
		statusField,
		snoozeUntilField,
	],
};
