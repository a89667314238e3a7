import type { OperationDefinition } from '../../../shared/descriptions';
import { allowlistPattern, patternField } from './addresses';

/** Email → Remove from Allowlist: DELETE /email/allowlist with {pattern} in a JSON body. */
export const emailRemoveFromAllowlist: OperationDefinition = {
	option: {
		name: 'Remove From Allowlist',
		value: 'removeFromAllowlist',
		action: 'Remove a sender from the email allowlist',
		description: 'Remove an address or *@domain pattern from the allowlist',
		routing: { request: { method: 'DELETE', url: '/email/allowlist' }, send: { preSend: [allowlistPattern] } },
	},
	fields: [patternField],
};
