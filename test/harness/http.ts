/** A plain HTTP client for sandbox conformance tests (undici), with the package's User-Agent by default. */
import { request } from 'undici';

import { USER_AGENT } from '../../nodes/shared/version';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conformance tests read arbitrary JSON
export interface HttpResult<T = any> {
	status: number;
	headers: Record<string, string>;
	body: T;
	text: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see HttpResult
export async function http<T = any>(
	method: string,
	url: string,
	options: { headers?: Record<string, string>; json?: unknown; body?: string | Buffer } = {},
): Promise<HttpResult<T>> {
	const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...(options.headers ?? {}) };
	let body = options.body;
	if (options.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.json);
	}
	const response = await request(url, { method: method as 'GET', headers, body });
	const text = await response.body.text();
	let parsed: unknown = text;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = text;
	}
	const outHeaders: Record<string, string> = {};
	for (const [k, v] of Object.entries(response.headers)) if (v !== undefined) outHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
	return { status: response.statusCode, headers: outHeaders, body: parsed as T, text };
}
