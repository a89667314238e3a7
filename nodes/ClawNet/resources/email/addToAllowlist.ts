import type { OperationDefinition } from '../../../shared/descriptions';
import { allowlistPattern, patternField } from './addresses';

/** Email → Add to Allowlist: POST /email/allowlist {pattern}. */
export const emailAddToAllowlist: OperationDefinition = {
	option: {
		name: 'Add to Allowlist',
		value: 'addToAllowlist',
		action: 'Add a sender to the email allowlist',
		description: 'Let an address or a whole domain (*@domain) reach your inbox when it is closed',
		routing: { request: { method: 'POST', url: '/email/allowlist' }, send: { preSend: [allowlistPattern] } },
	},
	fields: [patternField],
};
