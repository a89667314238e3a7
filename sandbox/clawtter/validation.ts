import { chars } from '../core/http';
import { HttpError } from '../core/httpError';

/** One FastAPI-style validation problem, as Clawtter's `detail` list carries them. */
export interface Problem {
	type: string;
	loc: Array<string | number>;
	msg: string;
	input?: unknown;
}

/** Collects validation problems and throws them as one 422 `detail` list. */
export class Checker {
	readonly problems: Problem[] = [];

	constructor(private readonly body: Record<string, unknown>) {}

	string(field: string, opts: { required?: boolean; max?: number; min?: number }): string | undefined {
		const value = this.body[field];
		if (value === undefined || value === null) {
			if (opts.required) this.problems.push({ type: 'missing', loc: ['body', field], msg: 'Field required', input: null });
			return undefined;
		}
		if (typeof value !== 'string') {
			this.problems.push({ type: 'string_type', loc: ['body', field], msg: 'Input should be a valid string', input: value });
			return undefined;
		}
		if (opts.max !== undefined && chars(value) > opts.max) {
			this.problems.push({ type: 'string_too_long', loc: ['body', field], msg: `String should have at most ${opts.max} characters`, input: value.slice(0, 50) });
		}
		if (opts.min !== undefined && chars(value) < opts.min) {
			this.problems.push({ type: 'string_too_short', loc: ['body', field], msg: `String should have at least ${opts.min} character${opts.min === 1 ? '' : 's'}`, input: value });
		}
		return value;
	}

	object(field: string): Record<string, unknown> | undefined {
		const value = this.body[field];
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'object' || Array.isArray(value)) {
			this.problems.push({ type: 'dict_type', loc: ['body', field], msg: 'Input should be a valid dictionary', input: value });
			return undefined;
		}
		return value as Record<string, unknown>;
	}

	email(field: string): string | undefined {
		const value = this.string(field, {});
		if (value !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
			this.problems.push({ type: 'value_error', loc: ['body', field], msg: 'value is not a valid email address', input: value });
		}
		return value;
	}

	done(): void {
		if (this.problems.length) throw new HttpError(422, 'validation_error', 'validation', { detail: this.problems });
	}
}
