import type { OperationDefinition } from '../../../shared/descriptions';
import { encoded } from '../../shared/fields';
import { snoozeInFuture, snoozeUntilField, statusField } from './status';

/** Message → Set Status: PATCH /messages/:id/status (April 2026: replaces Acknowledge). */
export const messageSetStatus: OperationDefinition = {
	option: {
		name: 'Set Status',
		value: 'setStatus',
		action: 'Set the status of a message',
		description:
			'Mark an inbox message (ID msg_…) read, archived (handled) or snoozed until a future time (new ClawNet API; replaces Acknowledge)',
		routing: { request: { method: 'PATCH' }, send: { preSend: [snoozeInFuture] } },
	},
	fields: [
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			typeOptions: { idShape: 'clawnetMessage' },
			default: '',
			required: true,
			placeholder: 'e.g. msg_3f9a2b1c',
			description: 'As output by Message → Get Many or the ClawNet Trigger',
			routing: { request: { url: `/messages/${encoded}/status` } },
		},
		statusField,
		snoozeUntilField,
	],
};
