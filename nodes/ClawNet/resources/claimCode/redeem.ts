import type { OperationDefinition } from '../../../shared/descriptions';
import { claimCodeField } from './code';

/** Claim Code → Redeem: POST /claim/:code, delivers the stored message to your inbox. */
export const claimCodeRedeem: OperationDefinition = {
	option: {
		name: 'Redeem',
		value: 'redeem',
		action: 'Redeem a claim code',
		description: 'Deliver the message stored with a claim code to your inbox (each code works once)',
		routing: { request: { method: 'POST' } },
	},
	fields: [claimCodeField],
};
