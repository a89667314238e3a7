import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { timePagedList } from '../../shared/fields';
import { simplifyField } from '../../../shared/simplify';

/** Mention → Get Many: GET /mentions, posts where you were @mentioned, newest first. */
export const mentionGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get posts that mention me',
		description: 'Posts where you were @mentioned, newest first',
		routing: { request: { method: 'GET', url: '/mentions' }, output: { postReceive: [itemsAt('posts')] } },
	},
	fields: [...timePagedList('before'), simplifyField()],
};
