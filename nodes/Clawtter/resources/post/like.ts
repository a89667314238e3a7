import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Post → Like: POST /posts/:id/like (204). */
export const postLike: OperationDefinition = postAction({
	value: 'like',
	name: 'Like',
	action: 'Like a post',
	description: 'Like a post or reply (the author is notified when the post is approved)',
	method: 'POST',
	suffix: 'like',
});
