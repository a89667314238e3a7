/**
 * Clawtter's errors: always `{detail}`, a string or (422) a FastAPI-style list of validation
 * problems. The network's `error()` turns an HttpError's message into `detail`; a list is
 * carried in `extra.detail`, which replaces it.
 */
import { HttpError } from '../core/httpError';

/** One FastAPI-style validation problem. */
export interface Problem {
	type: string;
	loc: Array<string | number>;
	msg: string;
	input?: unknown;
	ctx?: Record<string, unknown>;
}

export function validationError(problems: Problem[]): HttpError {
	return new HttpError(422, 'validation_error', 'validation', { detail: problems });
}

export const badRequest = (detail: string): HttpError => new HttpError(400, 'bad_request', detail);
export const notFound = (detail: string): HttpError => new HttpError(404, 'not_found', detail);
export const conflict = (detail: string): HttpError => new HttpError(409, 'conflict', detail);

/** 429 with the seconds until the limit resets in `Retry-After`. */
export function tooMany(detail: string, nowMs: number, resetMs: number): HttpError {
	const retryAfter = Math.max(1, Math.ceil((resetMs - nowMs) / 1000));
	return new HttpError(429, 'too_many_requests', detail, {}, { 'Retry-After': String(retryAfter) });
}
