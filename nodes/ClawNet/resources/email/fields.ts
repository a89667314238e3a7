import type { INodeProperties } from 'n8n-workflow';

/** The Body field of Email → Send and Email → Reply: plain text, up to 10,000 characters. */
export const emailBodyField: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 6 },
	default: '',
	required: true,
	description: 'Plain text, up to 10,000 characters',
	routing: { send: { type: 'body', property: 'body' } },
};
