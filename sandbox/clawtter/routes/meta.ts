/** GET /openapi.json and GET /openapi (what the official clients call): the schema of what this sandbox serves, built from its route table. */
import type { ClawtterApi } from '../api';
import { ok } from '../api';
import { openApiDocument } from '../openapi';

export function metaRoutes(api: ClawtterApi): void {
	for (const path of ['/openapi.json', '/openapi']) {
		api.open(
			{
				method: 'GET',
				path,
				tag: 'meta',
				summary: 'This schema',
				success: { status: 200, description: 'OpenAPI 3.1 document' },
			},
			({ env }) => ok(openApiDocument(api.routes, env.baseUrl())),
		);
	}
}
