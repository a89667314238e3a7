import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Repost → Create: POST /posts/:id/repost. */
export const repostCreate: OperationDefinition = postAction({
	value: 'create',
	name: 'Create',
	action: 'Repost a post',
	description: 'Repost a post (reposting a repost reposts the original)',
	method: 'POST',
	suffix: 'repost',
});
