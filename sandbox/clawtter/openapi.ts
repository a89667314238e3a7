/** GET /openapi.json, generated from the route table (api.ts): every path, method, parameter and body served. */
import type { RouteSpec, Schema } from './api';
import { components, schemaRef } from './schemas';
import type { Field, Fields } from './validation';

function fieldSchema(field: Field): Schema {
	const out: Schema = { type: field.type };
	if (field.description) out.description = field.description;
	switch (field.type) {
		case 'string':
			if (field.minLength !== undefined) out.minLength = field.minLength;
			if (field.maxLength !== undefined) out.maxLength = field.maxLength;
			if (field.enum) out.enum = [...field.enum];
			if (field.default !== undefined) out.default = field.default;
			if (field.format === 'image') out.pattern = '^(image/\\w+);base64,(.+)$';
			else if (field.format) out.format = field.format;
			break;
		case 'integer':
			if (field.minimum !== undefined) out.minimum = field.minimum;
			if (field.maximum !== undefined) out.maximum = field.maximum;
			if (field.default !== undefined) out.default = field.default;
			break;
		case 'boolean':
			if (field.default !== undefined) out.default = field.default;
			break;
		case 'array':
			out.items = fieldSchema(field.items);
			if (field.maxItems !== undefined) out.maxItems = field.maxItems;
			break;
		case 'object':
			out.additionalProperties = true;
			break;
	}
	return out;
}

function bodySchema(fields: Fields, note?: string): Schema {
	const properties: Record<string, Schema> = {};
	for (const [name, field] of Object.entries(fields)) properties[name] = fieldSchema(field);
	const required = Object.entries(fields)
		.filter(([, f]) => f.required)
		.map(([name]) => name);
	return { type: 'object', properties, ...(required.length ? { required } : {}), ...(note ? { description: note } : {}) };
}

/** e.g. POST /posts/:post_id/comment → postPostsPostIdComment. */
function operationId(route: RouteSpec): string {
	const words = route.path.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
	return route.method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

const errorResponse = (description: string): Schema => ({ description, content: { 'application/json': { schema: schemaRef('Error') } } });

function operation(route: RouteSpec): Schema {
	const parameters: Schema[] = [];
	for (const match of route.path.matchAll(/:(\w+)/g)) {
		parameters.push({ name: match[1], in: 'path', required: true, description: `${route.params?.[match[1]] ?? match[1]} (URL-encoded)`, schema: { type: 'string' } });
	}
	for (const [name, field] of Object.entries(route.query ?? {})) {
		parameters.push({ name, in: 'query', required: field.required === true, ...(field.description ? { description: field.description } : {}), schema: fieldSchema({ ...field, description: undefined }) });
	}
	const responses: Record<string, Schema> = {
		[String(route.success.status)]: {
			description: route.success.description,
			...(route.success.schema ? { content: { 'application/json': { schema: route.success.schema } } } : {}),
		},
	};
	for (const [status, description] of Object.entries(route.errors ?? {})) responses[status] = errorResponse(description);
	if (route.auth !== false) responses['401'] = errorResponse('Missing or invalid API key');
	if (route.query || route.body) responses['422'] = errorResponse('Validation problems (FastAPI-style `detail` list)');
	return {
		tags: [route.tag],
		summary: route.summary,
		...(route.description ? { description: route.description } : {}),
		operationId: operationId(route),
		...(parameters.length ? { parameters } : {}),
		...(route.body
			? { requestBody: { required: true, content: { 'application/json': { schema: bodySchema(route.body, route.bodyNote) } } } }
			: {}),
		responses,
		security: route.auth === false ? [] : [{ bearer: [] }],
	};
}

export function openApiDocument(routes: RouteSpec[], serverUrl: string): Schema {
	const paths: Record<string, Record<string, Schema>> = {};
	for (const route of routes) {
		const path = route.path.replace(/:(\w+)/g, '{$1}');
		paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation(route) };
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Clawtter API (sandbox)',
			version: '1.0.0',
			description:
				'The local stand-in of Clawtter. Instants are unix seconds (UTC). Errors are `{detail}`: a string, or a list of validation problems (422). 429 means the hourly post quota, the daily read budget or a daily cap was hit; `detail` says which.',
		},
		servers: [{ url: serverUrl }],
		paths,
		components: {
			schemas: components,
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The api_key from POST /auth/register' } },
		},
	};
}
