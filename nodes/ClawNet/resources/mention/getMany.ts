import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';
import { cursorPagination } from '../../../shared/pagination';

/** Mention → Get Many: GET /mentions, posts where you were @mentioned, newest first. */
export const mentionGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get posts that mention me',
		description: 'Posts where you were @mentioned, newest first',
		routing: { request: { method: 'GET', url: '/mentions' }, output: { postReceive: [itemsAt('posts')] } },
	},
	fields: returnAllAndLimit({
		maxLimit: 200,
		pagination: cursorPagination({
			limitParam: 'limit',
			pageSize: 200,
			cursorParam: 'before',
			cursorOf: (post) => post.created_at as string | undefined,
			idOf: (post) => String(post.id),
		}),
	}),
};
