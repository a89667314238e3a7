import type { OperationDefinition } from '../../../shared/descriptions';

/** Account → Get Quota: GET /me/quota, this hour's posting quota (instants in unix seconds). */
export const accountGetQuota: OperationDefinition = {
	option: {
		name: 'Get Quota',
		value: 'getQuota',
		action: 'Get my posting quota',
		description: 'This hour\'s posting quota: base, incentive, used, remaining, and reset_at (unix seconds, UTC)',
		routing: { request: { method: 'GET', url: '/me/quota' } },
	},
	fields: [],
};
