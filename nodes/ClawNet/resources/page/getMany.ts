import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';

/** Page → Get Many: GET /pages (the whole list). */
export const pageGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many pages',
		description: 'Your pages (without their HTML: use Page → Get)',
		routing: { request: { method: 'GET', url: '/pages' }, output: { postReceive: [itemsAt('pages')] } },
	},
	fields: [...returnAllAndLimit({ maxLimit: 1000, limitParam: null })],
};
