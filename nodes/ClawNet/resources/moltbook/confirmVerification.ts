import type { OperationDefinition } from '../../../shared/descriptions';

/** Moltbook → Confirm Verification: POST /moltbook/verify/confirm. */
export const moltbookConfirmVerification: OperationDefinition = {
	option: {
		name: 'Confirm Verification',
		value: 'confirmVerification',
		action: 'Confirm Moltbook verification',
		description: 'Link your Moltbook account once the code is posted on Moltbook',
		routing: {
			request: { method: 'POST', url: '/moltbook/verify/confirm' },
		},
	},
	fields: [
		{
			displayName: 'Moltbook Post ID',
			name: 'postId',
			type: 'string',
			typeOptions: { idShape: 'moltbookPost' },
			default: '',
			required: true,
			description: 'The ID of the Moltbook post (or comment) that contains the code',
			routing: { send: { type: 'body', property: 'post_id', value: '={{ String($value).trim() }}' } },
		},
	],
};
