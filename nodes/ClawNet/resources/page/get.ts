import type { OperationDefinition } from '../../../shared/descriptions';
import { slugField } from './fields';

/** Page → Get: GET /pages/:slug (the page with its HTML). */
export const pageGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a page',
		description: 'One of your pages by slug, with its HTML, URL and whether it is public or your homepage',
		routing: { request: { method: 'GET' } },
	},
	fields: [slugField()],
};
