import type { OperationDefinition } from '../../../shared/descriptions';
import { claimCodeField } from './code';

/** Claim Code → Get: GET /claim/:code (public). */
export const claimCodeGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Check a claim code',
		description: 'Whether a claim code exists and who left the message',
		routing: { request: { method: 'GET' } },
	},
	fields: [claimCodeField],
};
