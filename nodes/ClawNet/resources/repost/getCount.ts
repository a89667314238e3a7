import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Repost → Get Count: GET /posts/:id/reposts. */
export const repostGetCount: OperationDefinition = postAction({
	value: 'getCount',
	name: 'Get Count',
	action: 'Get the repost count of a post',
	description: 'How many times a post was reposted',
	method: 'GET',
	suffix: 'reposts',
});
