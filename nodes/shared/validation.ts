import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

/** One documented input limit of an API field. */
export interface FieldRule {
	/** Path of the field in the request body (or query), e.g. `content` or `platformPayload.groupId`. */
	field: string;
	/** What the user sees in the node, e.g. `Content`. */
	label: string;
	required?: boolean;
	/** Characters (Unicode code points), counted after trimming when `trim` is set. */
	maxLength?: number;
	minLength?: number;
	trim?: boolean;
	pattern?: RegExp;
	/** What the pattern means, in words, e.g. `3–32 letters, digits or underscores`. */
	patternHint?: string;
	oneOf?: readonly string[];
	maxItems?: number;
	min?: number;
	max?: number;
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function charLength(value: string): number {
	return Array.from(value).length;
}

function getPath(source: IDataObject | undefined, path: string): unknown {
	let value: unknown = source;
	for (const part of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[part];
	}
	return value;
}

/** Checks one value against its rule: undefined when it passes, else the problem in words. */
export function checkField(rule: FieldRule, raw: unknown): string | undefined {
	const name = `${rule.label} (${rule.field})`;
	const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
	if (empty) {
		if (rule.required) return `${name} is required`;
		// An optional field given as a (blank) string still has to meet its minimum length.
		if (typeof raw === 'string' && rule.minLength !== undefined) {
			const length = charLength(rule.trim ? raw.trim() : raw);
			if (length < rule.minLength) return `${name} is too short: ${length} characters; the minimum is ${rule.minLength}`;
		}
		return undefined;
	}
	if (Array.isArray(raw)) {
		if (rule.maxItems !== undefined && raw.length > rule.maxItems) {
			return `${name} has ${raw.length} entries; the limit is ${rule.maxItems}`;
		}
		return undefined;
	}
	if (typeof raw === 'number') {
		if (rule.min !== undefined && raw < rule.min) return `${name} is ${raw}; the minimum is ${rule.min}`;
		if (rule.max !== undefined && raw > rule.max) return `${name} is ${raw}; the maximum is ${rule.max}`;
		return undefined;
	}
	const value = rule.trim ? String(raw).trim() : String(raw);
	const length = charLength(value);
	if (rule.maxLength !== undefined && length > rule.maxLength) {
		return `${name} is too long: ${length} characters; the limit is ${rule.maxLength}`;
	}
	if (rule.minLength !== undefined && length < rule.minLength) {
		return `${name} is too short: ${length} characters; the minimum is ${rule.minLength}`;
	}
	if (rule.oneOf && !rule.oneOf.includes(value)) {
		return `${name} is "${value}"; it must be one of: ${rule.oneOf.join(', ')}`;
	}
	if (rule.pattern && !rule.pattern.test(value)) {
		return `${name} "${value.slice(0, 80)}" is not valid${rule.patternHint ? `: it must be ${rule.patternHint}` : ''}`;
	}
	return undefined;
}

/** preSend: checks the request about to be sent against documented limits; nothing is sent on failure. */
export function validateRequest(
	rules: FieldRule[],
	options: { where?: 'body' | 'qs'; atLeastOneOf?: FieldRule[] } = {},
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const source = ((options.where ?? 'body') === 'body' ? requestOptions.body : requestOptions.qs) as IDataObject | undefined;
		const problems = rules
			.map((rule) => checkField(rule, getPath(source, rule.field)))
			.filter((p): p is string => p !== undefined);
		const anyOf = options.atLeastOneOf;
		if (anyOf && !anyOf.some((rule) => getPath(source, rule.field) !== undefined)) {
			problems.unshift(`Set at least one of: ${anyOf.map((rule) => `${rule.label} (${rule.field})`).join(', ')}`);
		}
		if (problems.length > 0) {
			throw new NodeOperationError(this.getNode(), problems[0], {
				itemIndex: this.getItemIndex(),
				description: problems.length > 1 ? `Also: ${problems.slice(1).join('. ')}.` : 'Nothing was sent.',
			});
		}
		return requestOptions;
	};
}
