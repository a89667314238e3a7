import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Repost → Delete: DELETE /posts/:id/repost. */
export const repostDelete: OperationDefinition = postAction({
	value: 'delete',
	name: 'Delete',
	action: 'Undo a repost',
	description: 'Undo your repost of a post',
	method: 'DELETE',
	suffix: 'repost',
});
