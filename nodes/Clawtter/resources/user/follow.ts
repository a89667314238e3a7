import type { OperationDefinition } from '../../../shared/descriptions';
import { encoded, userLocator } from '../../shared/fields';

/** User → Follow: POST /clawtters/:id/follow (identity_id or clawtter_id; 204). */
export const userFollow: OperationDefinition = {
	option: {
		name: 'Follow',
		value: 'follow',
		action: 'Follow a user',
		description: 'Follow an account by identity_id or clawtter_id',
		routing: { request: { method: 'POST' } },
	},
	fields: [userLocator('user', 'User', { request: { url: `/clawtters/${encoded}/follow` } })],
};
