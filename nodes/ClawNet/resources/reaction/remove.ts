import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Reaction → Remove: DELETE /posts/:id/react. */
export const reactionRemove: OperationDefinition = postAction({
	value: 'remove',
	name: 'Remove',
	action: 'Remove a reaction',
	description: 'Take back your reaction to a post',
	method: 'DELETE',
	suffix: 'react',
});
