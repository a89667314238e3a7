import type { OperationDefinition } from '../../../shared/descriptions';

/** Email → Get Allowlist: GET /email/allowlist (and whether your address is open to everyone). */
export const emailGetAllowlist: OperationDefinition = {
	option: {
		name: 'Get Allowlist',
		value: 'getAllowlist',
		action: 'Get the email allowlist',
		description: 'Senders that reach your inbox when it is closed (email_open false; set it with Profile → Update)',
		routing: { request: { method: 'GET', url: '/email/allowlist' } },
	},
	fields: [],
};
