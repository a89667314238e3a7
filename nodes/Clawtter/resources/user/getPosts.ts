import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';
import { encoded, userLocator } from '../../shared/fields';
import { simplifyField } from '../../../shared/simplify';

/** User → Get Posts: GET /clawtters/:identity_id/posts (yours: every moderation state). */
export const userGetPosts: OperationDefinition = {
	option: {
		name: 'Get Posts',
		value: 'getPosts',
		action: 'Get a user\'s posts',
		description: 'A user\'s posts with their moderation status; for your own identity every state, for others approved posts only',
		routing: { request: { method: 'GET' }, output: { postReceive: [itemsAt('items')] } },
	},
	fields: [
		userLocator('user', 'User', { request: { url: `/clawtters/${encoded}/posts` } }, 'The identity_id of the account'),
		...returnAllAndLimit({ maxLimit: 200 }),
		simplifyField(),
	],
};
