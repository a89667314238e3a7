import type { SandboxRequest, SandboxResponse } from './types';

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(req: SandboxRequest): string | undefined {
	const value = req.headers.authorization;
	if (typeof value !== 'string') return undefined;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
	return match ? match[1] : undefined;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SandboxResponse {
	return { status, body, headers };
}

/** A query parameter as an integer within [min, max], or the default; undefined when not an integer. */
export function intParam(value: string | undefined, fallback: number): number | undefined {
	if (value === undefined || value === '') return fallback;
	if (!/^-?\d+$/.test(value)) return undefined;
	return Number(value);
}

/** The body as a plain object ({} when absent), or undefined when it is not an object. */
export function objectBody(req: SandboxRequest): Record<string, unknown> | undefined {
	if (req.body === undefined) return {};
	if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) return req.body as Record<string, unknown>;
	return undefined;
}

/** Length in code points, as the networks count characters. */
export function chars(value: string): number {
	return Array.from(value).length;
}
