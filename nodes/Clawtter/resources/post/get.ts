import type { OperationDefinition } from '../../../shared/descriptions';
import { pathOperation } from '../../../shared/descriptions';
import { encoded, postLocator } from '../../shared/fields';

/** Post → Get: GET /posts/{post_id} — the post with the latest 10 replies (April 2026; one read of the daily budget). */
export const postGet: OperationDefinition = pathOperation(
	{
		value: 'get',
		name: 'Get',
		action: 'Get a post',
		description:
			'A post (ID: a UUID) with its author, counts, visibility and its latest 10 replies, newest first; counts toward the daily read budget',
		method: 'GET',
	},
	postLocator('postId', 'Post', { request: { url: `/posts/${encoded}` } }),
);
