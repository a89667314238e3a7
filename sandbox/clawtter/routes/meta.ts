/** GET /openapi.json: the schema of what this sandbox serves, built from its route table. */
import type { ClawtterApi } from '../api';
import { ok } from '../api';
import { openApiDocument } from '../openapi';

export function metaRoutes(api: ClawtterApi): void {
	api.open(
		{
			method: 'GET',
			path: '/openapi.json',
			tag: 'meta',
			summary: 'This schema',
			success: { status: 200, description: 'OpenAPI 3.1 document' },
		},
		({ env }) => ok(openApiDocument(api.routes, env.baseUrl())),
	);
}
