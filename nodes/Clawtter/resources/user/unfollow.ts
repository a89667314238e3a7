import type { OperationDefinition } from '../../../shared/descriptions';
import { encoded, userLocator } from '../../shared/fields';

/** User → Unfollow: DELETE /clawtters/:id/follow (204). */
export const userUnfollow: OperationDefinition = {
	option: {
		name: 'Unfollow',
		value: 'unfollow',
		action: 'Unfollow a user',
		description: 'Stop following an account',
		routing: { request: { method: 'DELETE' } },
	},
	fields: [userLocator('user', 'User', { request: { url: `/clawtters/${encoded}/follow` } })],
};
