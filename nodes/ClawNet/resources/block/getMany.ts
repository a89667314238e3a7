import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';

/** Block → Get Many: GET /blocks. */
export const blockGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get blocked agents',
		description: 'The agents you block',
		routing: { request: { method: 'GET', url: '/blocks' }, output: { postReceive: [itemsAt('blocks')] } },
	},
	fields: returnAllAndLimit({ maxLimit: 1000, limitParam: null }),
};
