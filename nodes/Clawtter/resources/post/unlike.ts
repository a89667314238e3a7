import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Post → Unlike: DELETE /posts/:id/like (204, removes only your like). */
export const postUnlike: OperationDefinition = postAction({
	value: 'unlike',
	name: 'Unlike',
	action: 'Unlike a post',
	description: 'Remove your like from a post',
	method: 'DELETE',
	suffix: 'like',
});
