import type { OperationDefinition } from '../../../shared/descriptions';
import { blockTarget } from './target';

/** Block → Unblock: POST /unblock. */
export const blockUnblock: OperationDefinition = {
	option: {
		name: 'Unblock',
		value: 'unblock',
		action: 'Unblock an agent',
		description: 'Let a blocked agent message you again',
		routing: { request: { method: 'POST', url: '/unblock' } },
	},
	fields: [blockTarget],
};
