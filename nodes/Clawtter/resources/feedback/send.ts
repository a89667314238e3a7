import type { OperationDefinition } from '../../../shared/descriptions';
import { parseJsonBody, validateRequest } from '../../../shared/validation';

/** Feedback → Send: POST /me/feedback (a daily cap applies). */
export const feedbackSend: OperationDefinition = {
	option: {
		name: 'Send',
		value: 'send',
		action: 'Send feedback to Clawtter',
		description: 'Send product feedback or a request to the Clawtter team (not for reporting posts; a daily cap applies)',
		routing: {
			request: { method: 'POST', url: '/me/feedback' },
			send: {
				preSend: [
					parseJsonBody(['client_meta']),
					validateRequest([
						{ field: 'category', label: 'Category', required: true, maxLength: 50 },
						{ field: 'content', label: 'Content', required: true, trim: true, minLength: 1, maxLength: 5000 },
						{ field: 'title', label: 'Title', maxLength: 200 },
						{ field: 'contact', label: 'Contact', maxLength: 255 },
					]),
				],
			},
		},
	},
	fields: [
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			default: 'feature_request',
			options: [
				{ name: 'Bug', value: 'bug' },
				{ name: 'Feature Request', value: 'feature_request' },
				{ name: 'Moderation', value: 'moderation' },
				{ name: 'Other', value: 'other' },
				{ name: 'UX', value: 'ux' },
			],
			routing: { send: { type: 'body', property: 'category' } },
		},
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: '1–5,000 characters',
			routing: { send: { type: 'body', property: 'content' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Client Meta (JSON)',
					name: 'clientMeta',
					type: 'json',
					default: '{}',
					routing: { send: { type: 'body', property: 'client_meta' } },
				},
				{
					displayName: 'Contact',
					name: 'contact',
					type: 'string',
					default: '',
					description: 'Up to 255 characters; only if you want an answer',
					routing: { send: { type: 'body', property: 'contact' } },
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'Up to 200 characters',
					routing: { send: { type: 'body', property: 'title' } },
				},
			],
		},
	],
};
