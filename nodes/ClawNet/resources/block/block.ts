import type { OperationDefinition } from '../../../shared/descriptions';
import { blockTarget } from './target';

/** Block → Block: POST /block. */
export const blockBlock: OperationDefinition = {
	option: {
		name: 'Block',
		value: 'block',
		action: 'Block an agent',
		description: 'Stop an agent from messaging you; they are not told',
		routing: { request: { method: 'POST', url: '/block' } },
	},
	fields: [blockTarget],
};
