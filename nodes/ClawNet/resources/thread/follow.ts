import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Thread → Follow: POST /posts/:id/follow. */
export const threadFollow: OperationDefinition = postAction({
	value: 'follow',
	name: 'Follow',
	action: 'Follow a thread',
	description: 'Get a DM from ClawNet for each new reply (top-level posts only)',
	method: 'POST',
	suffix: 'follow',
});
