/**
 * Declared fields (query parameters and JSON body fields), checked the way Clawtter's FastAPI
 * server checks them: every problem is collected and answered together as a 422 `detail` list.
 * The same declarations describe the parameters and bodies in GET /openapi.json.
 */
import { chars } from '../core/http';
import type { Problem } from './errors';

interface Common {
	description?: string;
	required?: boolean;
}

export interface StringField extends Common {
	type: 'string';
	minLength?: number;
	maxLength?: number;
	/** Lengths are counted after trimming and the trimmed value is used. */
	trim?: boolean;
	enum?: readonly string[];
	default?: string;
	/** `email` is checked; `image` is documentation only (images.ts checks image strings, 400). */
	format?: 'email' | 'image' | 'uuid';
}

export interface IntegerField extends Common {
	type: 'integer';
	minimum?: number;
	maximum?: number;
	default?: number;
}

export interface BooleanField extends Common {
	type: 'boolean';
	default?: boolean;
}

export interface ObjectField extends Common {
	type: 'object';
}

export interface ArrayField extends Common {
	type: 'array';
	items: StringField;
	maxItems?: number;
}

export type Field = StringField | IntegerField | BooleanField | ObjectField | ArrayField;
export type Fields = Record<string, Field>;

/** Checked values, read with the getter of the declared type (undefined when absent). */
export class Values {
	constructor(private readonly values: Record<string, unknown>) {}

	has(name: string): boolean {
		return this.values[name] !== undefined;
	}

	str(name: string): string | undefined {
		return this.values[name] as string | undefined;
	}

	int(name: string): number {
		return this.values[name] as number;
	}

	bool(name: string): boolean {
		return this.values[name] === true;
	}

	obj(name: string): Record<string, unknown> | undefined {
		return this.values[name] as Record<string, unknown> | undefined;
	}

	list(name: string): string[] | undefined {
		return this.values[name] as string[] | undefined;
	}
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

function checkString(field: StringField, value: unknown, loc: Array<string | number>, problems: Problem[]): string | undefined {
	if (typeof value !== 'string') {
		problems.push({ type: 'string_type', loc, msg: 'Input should be a valid string', input: value });
		return undefined;
	}
	const text = field.trim ? value.trim() : value;
	const length = chars(text);
	if (field.minLength !== undefined && length < field.minLength) {
		problems.push({
			type: 'string_too_short',
			loc,
			msg: `String should have at least ${field.minLength} character${field.minLength === 1 ? '' : 's'}`,
			input: value,
			ctx: { min_length: field.minLength },
		});
	}
	if (field.maxLength !== undefined && length > field.maxLength) {
		problems.push({
			type: 'string_too_long',
			loc,
			msg: `String should have at most ${field.maxLength} characters`,
			input: `${Array.from(text).slice(0, 50).join('')}…`,
			ctx: { max_length: field.maxLength },
		});
	}
	if (field.enum && !field.enum.includes(text)) {
		const options = field.enum.map((v) => `'${v}'`);
		const expected = options.length > 1 ? `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}` : options[0];
		problems.push({ type: 'enum', loc, msg: `Input should be ${expected}`, input: value, ctx: { expected } });
	}
	if (field.format === 'email' && !EMAIL.test(text)) {
		problems.push({ type: 'value_error', loc, msg: 'value is not a valid email address', input: value });
	}
	if (field.format === 'uuid' && !UUID.test(text)) {
		problems.push({ type: 'uuid_parsing', loc, msg: 'Input should be a valid UUID', input: value });
	}
	return text;
}

function checkInteger(field: IntegerField, value: unknown, loc: Array<string | number>, problems: Problem[]): number | undefined {
	let n: number | undefined;
	if (typeof value === 'number' && Number.isInteger(value)) n = value;
	else if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) n = Number(value);
	if (n === undefined) {
		problems.push({ type: 'int_parsing', loc, msg: 'Input should be a valid integer, unable to parse string as an integer', input: value });
		return undefined;
	}
	if (field.minimum !== undefined && n < field.minimum) {
		problems.push({ type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${field.minimum}`, input: value, ctx: { ge: field.minimum } });
	}
	if (field.maximum !== undefined && n > field.maximum) {
		problems.push({ type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${field.maximum}`, input: value, ctx: { le: field.maximum } });
	}
	return n;
}

function checkBoolean(value: unknown, loc: Array<string | number>, problems: Problem[]): boolean | undefined {
	if (typeof value === 'boolean') return value;
	const text = String(value).toLowerCase();
	if (TRUE.includes(text)) return true;
	if (FALSE.includes(text)) return false;
	problems.push({ type: 'bool_parsing', loc, msg: 'Input should be a valid boolean, unable to interpret input', input: value });
	return undefined;
}

function checkValue(field: Field, value: unknown, loc: Array<string | number>, problems: Problem[]): unknown {
	switch (field.type) {
		case 'string':
			return checkString(field, value, loc, problems);
		case 'integer':
			return checkInteger(field, value, loc, problems);
		case 'boolean':
			return checkBoolean(value, loc, problems);
		case 'object':
			if (typeof value !== 'object' || value === null || Array.isArray(value)) {
				problems.push({ type: 'dict_type', loc, msg: 'Input should be a valid dictionary', input: value });
				return undefined;
			}
			return value;
		case 'array': {
			if (!Array.isArray(value)) {
				problems.push({ type: 'list_type', loc, msg: 'Input should be a valid list', input: value });
				return undefined;
			}
			if (field.maxItems !== undefined && value.length > field.maxItems) {
				problems.push({
					type: 'too_long',
					loc,
					msg: `List should have at most ${field.maxItems} item${field.maxItems === 1 ? '' : 's'} after validation, not ${value.length}`,
					ctx: { field_type: 'List', max_length: field.maxItems, actual_length: value.length },
				});
			}
			return value.map((item, i) => checkValue(field.items, item, [...loc, i], problems));
		}
	}
}

/**
 * Checks `source` (query strings or a JSON object) against the declared fields. Absent and null
 * are the same (FastAPI's optional fields); a default fills an absent value. Unknown fields are
 * ignored.
 */
export function checkFields(where: 'query' | 'body', fields: Fields, source: Record<string, unknown>, problems: Problem[]): Values {
	const out: Record<string, unknown> = {};
	for (const [name, field] of Object.entries(fields)) {
		const raw = source[name];
		const loc = [where, name];
		if (raw === undefined || raw === null || (where === 'query' && raw === '' && field.type !== 'string')) {
			if (field.required) problems.push({ type: 'missing', loc, msg: 'Field required', input: null });
			else if ('default' in field && field.default !== undefined) out[name] = field.default;
			continue;
		}
		out[name] = checkValue(field, raw, loc, problems);
	}
	return new Values(out);
}
