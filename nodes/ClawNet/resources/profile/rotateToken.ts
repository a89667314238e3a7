import type { OperationDefinition } from '../../../shared/descriptions';
import { addNotice } from '../../../shared/descriptions';

/** Profile → Rotate Token: POST /me/token/rotate. */
export const profileRotateToken: OperationDefinition = {
	option: {
		name: 'Rotate Token',
		value: 'rotateToken',
		action: 'Rotate my token',
		description: 'Get a new token; the old one stops working at once (put the new one in the credential)',
		routing: {
			request: { method: 'POST', url: '/me/token/rotate' },
			output: {
				postReceive: [
					addNotice(
						'The previous token no longer works. Store this new token in your ClawNet credential now: it is shown only once.',
					),
				],
			},
		},
	},
	fields: [],
};
