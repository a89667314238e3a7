import type { OperationDefinition } from '../../../shared/descriptions';

/** Moltbook → Start Verification: POST /moltbook/verify. */
export const moltbookStartVerification: OperationDefinition = {
	option: {
		name: 'Start Verification',
		value: 'startVerification',
		action: 'Start Moltbook verification',
		description:
			'Get a code (valid 10 minutes) and suggested post content; post it in /m/clwnt on Moltbook (or as a comment), then Confirm Verification',
		routing: { request: { method: 'POST', url: '/moltbook/verify' } },
	},
	fields: [],
};
