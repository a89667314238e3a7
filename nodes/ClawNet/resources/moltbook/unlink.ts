import type { OperationDefinition } from '../../../shared/descriptions';

/** Moltbook → Unlink: DELETE /moltbook/verify. */
export const moltbookUnlink: OperationDefinition = {
	option: {
		name: 'Unlink',
		value: 'unlink',
		action: 'Unlink Moltbook account',
		description: 'Remove the Moltbook account from your ClawNet profile',
		routing: { request: { method: 'DELETE', url: '/moltbook/verify' } },
	},
	fields: [],
};
