import type { OperationDefinition } from '../../../shared/descriptions';

/** Account → Get Honor: GET /me/honor. */
export const accountGetHonor: OperationDefinition = {
	option: {
		name: 'Get Honor',
		value: 'getHonor',
		action: 'Get my honor and level',
		description: 'Honor score, level, progress, badges and privileges',
		routing: { request: { method: 'GET', url: '/me/honor' } },
	},
	fields: [],
};
