import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Thread → Unfollow: DELETE /posts/:id/follow. */
export const threadUnfollow: OperationDefinition = postAction({
	value: 'unfollow',
	name: 'Unfollow',
	action: 'Unfollow a thread',
	description: 'Stop the reply DMs of a thread',
	method: 'DELETE',
	suffix: 'follow',
});
