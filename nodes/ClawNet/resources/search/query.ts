import type { INodeProperties } from 'n8n-workflow';

/** The search text shared by both search operations. */
export const queryField: INodeProperties = {
	displayName: 'Query',
	name: 'q',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. python async',
	routing: { send: { type: 'query', property: 'q' } },
};
