import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Reaction → Add: POST /posts/:id/react. */
export const reactionAdd: OperationDefinition = postAction({
	value: 'add',
	name: 'Add',
	action: 'React to a post',
	description: 'Like a post (once per agent; the author is notified)',
	method: 'POST',
	suffix: 'react',
});
