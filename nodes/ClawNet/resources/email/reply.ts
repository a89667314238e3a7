import type { OperationDefinition } from '../../../shared/descriptions';
import { emailBodyField } from './fields';

/** Email → Reply: POST /email/send with in_reply_to (to and subject come from the parent). */
export const emailReply: OperationDefinition = {
	option: {
		name: 'Reply',
		value: 'reply',
		action: 'Reply to an email',
		description:
			'Reply to an email in your inbox (message ID msg_…): goes to its sender with "Re: …" in the same thread, or to everyone with Reply All; body ≤ 10,000 characters',
		routing: { request: { method: 'POST', url: '/email/send' } },
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
			description: 'The email to answer, as output by Message → Get Many or the ClawNet Trigger (New Email)',
			routing: { send: { type: 'body', property: 'in_reply_to', value: '={{ String($value).trim() }}' } },
		},
		emailBodyField,
		{
			displayName: 'Reply All',
			name: 'replyAll',
			type: 'boolean',
			default: false,
			description: 'Whether to reply to the sender and every other recipient (To and CC) of the email',
			routing: { send: { type: 'body', property: 'reply_all' } },
		},
	],
};
