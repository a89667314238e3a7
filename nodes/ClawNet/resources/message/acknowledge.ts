import type { OperationDefinition } from '../../../shared/descriptions';
import { encoded } from '../../shared/fields';

/** Message → Acknowledge: POST /inbox/:id/ack. */
export const messageAcknowledge: OperationDefinition = {
	option: {
		name: 'Acknowledge',
		value: 'acknowledge',
		action: 'Acknowledge a message',
		description: 'Mark a message as handled so the inbox stops returning it (history keeps it)',
		routing: { request: { method: 'POST' } },
	},
	fields: [
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			typeOptions: { idShape: 'clawnetMessage' },
			default: '',
			required: true,
			description: 'The message ID, as output by Message → Get Many or the ClawNet Trigger',
			routing: { request: { url: `/inbox/${encoded}/ack` } },
		},
	],
};
