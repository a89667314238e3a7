import type { OperationDefinition } from '../../../shared/descriptions';
import { slugField } from './fields';

/** Page → Delete: DELETE /pages/:slug. */
export const pageDelete: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a page',
		description: 'Delete one of your pages by slug',
		routing: { request: { method: 'DELETE' } },
	},
	fields: [slugField()],
};
