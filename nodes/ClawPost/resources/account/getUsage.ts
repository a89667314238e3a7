import type { OperationDefinition } from '../../../shared/descriptions';

/** Account → Get Usage: GET /v1/usage for the tenant of the API key. */
export const accountGetUsage: OperationDefinition = {
	option: {
		name: 'Get Usage',
		value: 'getUsage',
		action: 'Get usage',
		description: 'Usage stats of the account the API key belongs to',
		routing: { request: { method: 'GET', url: '/v1/usage' } },
	},
	fields: [],
};
