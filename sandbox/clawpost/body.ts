/** Reading Claw Post request bodies: JSON objects, strings, URLs. Problems are 400 INVALID_REQUEST naming the field. */
import type { SandboxRequest } from '../core/types';
import { invalid } from './errors';

/** The JSON object body ({} when there is no body at all). */
export function jsonBody(req: SandboxRequest): Record<string, unknown> {
	if (req.body === undefined) {
		if (req.rawBody.length > 0) throw invalid('Request body must be JSON (Content-Type: application/json)');
		return {};
	}
	if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) throw invalid('Request body must be a JSON object');
	return req.body as Record<string, unknown>;
}

/** An optional field: undefined and null both mean "not given". */
export function given(body: Record<string, unknown>, field: string): boolean {
	return body[field] !== undefined && body[field] !== null;
}

export function requiredString(body: Record<string, unknown>, field: string, options: { max?: number } = {}): string {
	const value = body[field];
	if (typeof value !== 'string' || value.trim() === '') throw invalid(`${field} is required and must be a non-empty string`);
	if (options.max !== undefined && value.length > options.max) throw invalid(`${field} must be at most ${options.max} characters (got ${value.length})`);
	return value;
}

export function optionalString(body: Record<string, unknown>, field: string, options: { max?: number } = {}): string | undefined {
	return given(body, field) ? requiredString(body, field, options) : undefined;
}

export function optionalObject(body: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
	if (!given(body, field)) return undefined;
	const value = body[field];
	if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`${field} must be an object`);
	return value as Record<string, unknown>;
}

export function optionalInteger(body: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
	if (!given(body, field)) return undefined;
	const value = body[field];
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw invalid(`${field} must be an integer between ${min} and ${max}`);
	}
	return value;
}

export function isHttpUrl(value: unknown): value is string {
	if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return false;
	try {
		new URL(value);
		return true;
	} catch {
		return false;
	}
}
