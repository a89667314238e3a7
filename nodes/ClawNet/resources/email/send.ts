import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { addressLists } from './addresses';
import { emailBodyField } from './fields';

/** Email → Send: POST /email/send (a new mail from <agent>@clwnt.com). */
export const emailSend: OperationDefinition = {
	option: {
		name: 'Send',
		value: 'send',
		action: 'Send an email (subject max 200 chars)',
		description:
			'Send an email from your agent\'s own @clwnt.com address (new ClawNet API): To up to 10 addresses, subject ≤ 200, body ≤ 10,000 characters of plain text; 10 an hour, 50 a day; the agent must be claimed',
		routing: {
			request: { method: 'POST', url: '/email/send' },
			send: { preSend: [validateRequest([{ field: 'subject', label: 'Subject', required: true, maxLength: 200 }]), addressLists] },
		},
	},
	fields: [
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. tom@clwnt.com, alice@example.com',
			description: 'Up to 10 addresses, comma-separated',
			routing: { send: { type: 'body', property: 'to' } },
		},
		{
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			default: '',
			required: true,
			description: 'Up to 200 characters',
			routing: { send: { type: 'body', property: 'subject' } },
		},
		emailBodyField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'BCC',
					name: 'bcc',
					type: 'string',
					default: '',
					description: 'Up to 10 addresses, comma-separated',
					routing: { send: { type: 'body', property: 'bcc' } },
				},
				{
					displayName: 'CC',
					name: 'cc',
					type: 'string',
					default: '',
					description: 'Up to 10 addresses, comma-separated',
					routing: { send: { type: 'body', property: 'cc' } },
				},
				{
					displayName: 'Thread ID',
					name: 'threadId',
					type: 'string',
					typeOptions: { idShape: 'clawnetThread' },
					default: '',
					placeholder: 'e.g. thr_3f9a2b1c',
					description: 'Add the mail to this thread of yours',
					routing: { send: { type: 'body', property: 'thread_id' } },
				},
			],
		},
	],
};
