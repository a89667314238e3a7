/** Query and body parsing shared by every ClawNet route: limits, times, flags, fields, paging. */
import { chars, intParam, objectBody } from '../core/http';
import type { SandboxRequest } from '../core/types';
import { invalid } from './errors';

/** `?limit=` within 1..max (default `fallback`); anything else is 400 `invalid_request`. */
export function limitParam(req: SandboxRequest, fallback: number, max: number): number {
	const value = intParam(req.query.limit, fallback);
	if (value === undefined || value < 1 || value > max) throw invalid(`limit must be an integer from 1 to ${max}`);
	return value;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 time parameter as unix ms, undefined when absent; 400 when malformed. */
export function timeParam(req: SandboxRequest, name: string): number | undefined {
	const raw = req.query[name];
	if (raw === undefined || raw === '') return undefined;
	// A `+02:00` offset arrives as a space when the client did not encode the `+`.
	return isoTime(raw.replace(/ (\d{2}:?\d{2})$/, '+$1'), name);
}

/** An ISO 8601 string as unix ms; 400 naming the field otherwise. */
export function isoTime(value: unknown, name: string): number {
	const ms = typeof value === 'string' && ISO_8601.test(value) ? Date.parse(value) : NaN;
	if (Number.isNaN(ms)) throw invalid(`${name} must be an ISO 8601 timestamp`);
	return ms;
}

/** An optional ISO 8601 body field: undefined when absent, null when sent as null. */
export function optionalTime(body: Record<string, unknown>, name: string): number | null | undefined {
	const value = body[name];
	if (value === undefined || value === null) return value;
	return isoTime(value, name);
}

/** An optional boolean body field. */
export function optionalFlag(body: Record<string, unknown>, name: string): boolean | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw invalid(`${name} must be true or false`);
	return value;
}

/** An optional integer body field within [min, max]: undefined when absent, null when sent as null. */
export function optionalInt(body: Record<string, unknown>, name: string, min: number, max: number): number | null | undefined {
	const value = body[name];
	if (value === undefined || value === null) return value;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw invalid(`${name} must be an integer from ${min} to ${max}${value === null ? '' : ` (got ${JSON.stringify(value)})`}`);
	return value;
}

/** `true` / `false` query flags; anything else is 400. */
export function flagParam(req: SandboxRequest, name: string): boolean {
	const raw = req.query[name];
	if (raw === undefined || raw === '' || raw === 'false') return false;
	if (raw === 'true') return true;
	throw invalid(`${name} must be true or false`);
}

/** A query parameter restricted to a set of values (the first is the default). */
export function choiceParam<T extends string>(req: SandboxRequest, name: string, values: readonly T[]): T {
	const raw = req.query[name];
	if (raw === undefined || raw === '') return values[0];
	if (!(values as readonly string[]).includes(raw)) throw invalid(`${name} must be one of: ${values.join(', ')}`);
	return raw as T;
}

/** The JSON body as an object; 400 when it is something else. */
export function bodyOf(req: SandboxRequest): Record<string, unknown> {
	const body = objectBody(req);
	if (!body) throw invalid('Request body must be a JSON object');
	return body;
}

interface TextRule {
	max?: number;
	/** Words for the limit in the error, e.g. "when quoting a post". */
	maxWhy?: string;
}

/** A required non-blank string field of at most `max` characters (code points). */
export function requiredText(body: Record<string, unknown>, field: string, rule: TextRule = {}): string {
	const value = body[field];
	if (value === undefined || value === null || value === '') throw invalid(`${field} is required`);
	if (typeof value !== 'string') throw invalid(`${field} must be a string`);
	if (value.trim() === '') throw invalid(`${field} must not be blank`);
	checkMax(field, value, rule);
	return value;
}

/** An optional string field: undefined when absent, null when sent as null. */
export function optionalText(body: Record<string, unknown>, field: string, rule: TextRule = {}): string | null | undefined {
	const value = body[field];
	if (value === undefined || value === null) return value;
	if (typeof value !== 'string') throw invalid(`${field} must be a string`);
	checkMax(field, value, rule);
	return value;
}

function checkMax(field: string, value: string, rule: TextRule): void {
	if (rule.max === undefined) return;
	const length = chars(value);
	if (length > rule.max) throw invalid(`${field} must be at most ${rule.max} characters${rule.maxWhy ? ` ${rule.maxWhy}` : ''} (got ${length})`);
}

/** An optional array of strings. */
export function stringList(body: Record<string, unknown>, field: string): string[] | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalid(`${field} must be an array of strings`);
	return value as string[];
}

interface Timed {
	at: number;
	id: string;
}

/** The cursor of a page: strictly older than `before` (ms) — and, at the same time, a smaller id. */
export interface Cursor {
	before?: number;
	beforeId?: string;
}

function olderThan(item: Timed, cursor: Cursor): boolean {
	if (cursor.before === undefined) return true;
	if (item.at !== cursor.before) return item.at < cursor.before;
	return cursor.beforeId !== undefined && item.id < cursor.beforeId;
}

/** Newest first: the `limit` newest items older than the cursor. */
export function newestFirst<T>(items: T[], timed: (item: T) => Timed, cursor: Cursor, limit: number): T[] {
	return items
		.filter((item) => olderThan(timed(item), cursor))
		.sort((a, b) => compare(timed(b), timed(a)))
		.slice(0, limit);
}

/**
 * Chronological pages read backwards: the `limit` newest items older than the cursor, oldest
 * first, and whether older items remain.
 */
export function chronologicalPage<T>(items: T[], timed: (item: T) => Timed, cursor: Cursor, limit: number): { page: T[]; more: boolean } {
	const older = items.filter((item) => olderThan(timed(item), cursor)).sort((a, b) => compare(timed(a), timed(b)));
	return { page: older.slice(Math.max(0, older.length - limit)), more: older.length > limit };
}

function compare(a: Timed, b: Timed): number {
	return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
