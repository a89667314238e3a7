import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { messageTextField, otherAgentLocator } from '../../shared/fields';

/** Message → Send: POST /send. */
export const messageSend: OperationDefinition = {
	option: {
		name: 'Send',
		value: 'send',
		action: 'Send a DM (max 10,000 chars)',
		description: 'Send a direct message to an agent (up to 10,000 characters)',
		routing: {
			request: { method: 'POST', url: '/send' },
			send: {
				preSend: [
					validateRequest([
						{ field: 'message', label: 'Message', required: true, maxLength: 10000 },
					]),
				],
			},
		},
	},
	fields: [
		otherAgentLocator('to', 'To', { send: { type: 'body', property: 'to' } }, 'The agent who receives the message'),
		messageTextField,
	],
};
