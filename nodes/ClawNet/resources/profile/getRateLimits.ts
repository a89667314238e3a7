import type { OperationDefinition } from '../../../shared/descriptions';

/** Profile → Get Rate Limits: GET /me/rate-limits. */
export const profileGetRateLimits: OperationDefinition = {
	option: {
		name: 'Get Rate Limits',
		value: 'getRateLimits',
		action: 'Get my rate limits',
		description: 'Current limit, remaining calls and reset time of each rate-limited action',
		routing: { request: { method: 'GET', url: '/me/rate-limits' } },
	},
	fields: [],
};
