import { NodeHelpers, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodeTypeDescription,
	PreSendAction,
} from 'n8n-workflow';

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
		return `${name} is not valid${rule.patternHint ? `: it must be ${rule.patternHint}` : ''}; it is ${describeValue(value)}`;
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
			throw new NodeOperationError(this.getNode(), `${problems[0]}. ${refusedBeforeSending()}`, {
				itemIndex: this.getItemIndex(),
				description: problems.length > 1 ? `Also: ${problems.slice(1).join('. ')}.` : 'Nothing was sent.',
			});
		}
		return requestOptions;
	};
}

/** The shape of one kind of id, as the references and the sandbox agree on it. */
export interface IdShape {
	pattern: RegExp;
	/** What the shape means, in words, starting with "a"/"an" ("a ClawNet post ID: post_…"). */
	hint: string;
	maxLength: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every id that goes into a path or a body, per network. A field names its shape with
 * `typeOptions: { idShape: '<key>' }` (see `idShapeOf`); the input layer checks it before sending.
 */
export const ID_SHAPES = {
	clawnetAgent: { pattern: /^[A-Za-z0-9_]{3,32}$/, hint: 'a ClawNet agent ID: 3–32 letters, digits or underscores (e.g. Tom)', maxLength: 32 },
	clawnetPost: { pattern: /^post_[A-Za-z0-9_-]{1,64}$/, hint: 'a ClawNet post ID: post_ then letters, digits, _ or - (e.g. post_abc123)', maxLength: 69 },
	clawnetMessage: { pattern: /^msg_[A-Za-z0-9_-]{1,64}$/, hint: 'a ClawNet message ID: msg_ then letters, digits, _ or - (e.g. msg_abc123)', maxLength: 68 },
	clawnetClaimCode: { pattern: /^(?!\.+$)[A-Za-z0-9_.-]{1,64}$/, hint: 'a claim code: 1–64 letters, digits, _ . or - (not only dots; e.g. CLAWNET-DEMO)', maxLength: 64 },
	moltbookPost: { pattern: /^[A-Za-z0-9_-]{1,100}$/, hint: 'a Moltbook post ID: 1–100 letters, digits, _ or -', maxLength: 100 },
	clawtterPost: { pattern: UUID, hint: 'a Clawtter post ID: a UUID (e.g. 3f1c9a2e-5b7d-4c1e-9a2b-0c4d6e8f1a2b)', maxLength: 36 },
	clawtterUser: {
		pattern: /^(?!\.+$)[\p{L}\p{N}._~@+-]{1,64}$/u,
		hint: 'an identity_id or clawtter_id: 1–64 letters (any script), digits or . _ ~ @ + - (not only dots)',
		maxLength: 64,
	},
	// The reference puts no rule on topic names beyond the path segment (`ai-agents`, `AI agents` and
	// non-Latin names are all accepted); a lone dot segment or a control character is not a name.
	clawtterTopic: { pattern: /^(?!#?\.{1,2}$)#?[^\p{Cc}\p{Cf}/\\?#]{1,64}$/u, hint: 'a topic name: 1–64 characters, no control or invisible characters and no / \\ ? # inside (an optional leading #), not "." or ".."', maxLength: 65 },
	clawpostJob: { pattern: UUID, hint: 'a Claw Post job ID: a UUID', maxLength: 36 },
	// ClawNet, April 2026 (clawnet-current.md): the ids the API hands out, one path segment each.
	clawnetTask: { pattern: /^[A-Za-z0-9_-]{1,128}$/, hint: 'a ClawNet task ID: 1–128 letters, digits, _ or - (e.g. task_3f9a2b1c)', maxLength: 128 },
	clawnetThread: { pattern: /^[A-Za-z0-9_-]{1,128}$/, hint: 'a ClawNet email thread ID: 1–128 letters, digits, _ or - (e.g. thr_3f9a2b1c)', maxLength: 128 },
	clawnetContact: { pattern: /^[A-Za-z0-9_-]{1,128}$/, hint: 'a ClawNet contact ID: 1–128 letters, digits, _ or - (e.g. ct_3f9a2b1c)', maxLength: 128 },
	clawnetEvent: { pattern: /^[A-Za-z0-9_-]{1,128}$/, hint: 'a ClawNet calendar event ID: 1–128 letters, digits, _ or - (e.g. evt_3f9a2b1c)', maxLength: 128 },
	clawnetPageSlug: { pattern: /^[a-z0-9-]{1,128}$/, hint: 'a page slug: 1–128 lowercase letters, digits or hyphens (e.g. launch-2026)', maxLength: 128 },
	facebookGroup: { pattern: /^[0-9]{1,30}$/, hint: 'a Facebook group ID: its number (e.g. 1577315533418837)', maxLength: 30 },
} satisfies Record<string, IdShape>;

export type IdShapeName = keyof typeof ID_SHAPES;

/** Text fields without a documented limit: longer values are refused rather than sent. */
export const MAX_TEXT_LENGTH = 10000;

/** What a refused value is, in words, without repeating it whole: its type, length and a safe excerpt. */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'empty';
	if (Array.isArray(value)) return `a list of ${value.length} entries`;
	if (typeof value === 'number') return Number.isNaN(value) ? 'NaN (not a number)' : `the number ${value}`;
	if (typeof value === 'boolean') return `the boolean ${String(value)}`;
	if (typeof value === 'object') return 'an object';
	if (typeof value !== 'string') return `a ${typeof value}`;
	const length = charLength(value);
	// Control, format (bidi, zero-width) and separator characters are shown as \u{…}, never raw.
	const shown = Array.from(value)
		.slice(0, 80)
		.map((c) => (/[\p{C}\p{Z}]/u.test(c) && c !== ' ' ? `\\u{${c.codePointAt(0)!.toString(16)}}` : c))
		.join('');
	return `"${shown}${length > 80 ? '…' : ''}" (${length} character${length === 1 ? '' : 's'})`;
}

/** The sentence every local refusal ends with: it is not an API error, and nothing left n8n. */
export function refusedBeforeSending(network?: string): string {
	return `Refused by the node before sending: nothing was sent${network ? ` to ${network}` : ''}.`;
}

/**
 * A refusal of one field before anything is sent, in the input layer's words:
 * "<Label> (<path>) <problem>. Refused by the node before sending: nothing was sent to <network>."
 */
export function refuse(
	ctx: IExecuteSingleFunctions,
	network: string,
	label: string,
	path: string,
	problem: string,
	description = 'Nothing was sent.',
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${label} (${path}) ${problem}. ${refusedBeforeSending(network)}`, {
		itemIndex: ctx.getItemIndex(),
		description,
	});
}

/** A parameter's value (a locator's extracted value), the fallback when the field is not shown. */
export function param(ctx: IExecuteSingleFunctions, name: string, fallback: unknown = ''): unknown {
	try {
		return ctx.getNodeParameter(name, fallback, { extractValue: true });
	} catch {
		return fallback;
	}
}

/** A text parameter, trimmed; '' when empty or not shown. */
export function text(ctx: IExecuteSingleFunctions, name: string): string {
	const value = param(ctx, name);
	return typeof value === 'string' ? value.trim() : '';
}

/** A node parameter as the input layer sees it: its description and the path of its value. */
interface ParameterRef {
	property: INodeProperties;
	path: string;
}

/** The shape named by a field (`typeOptions.idShape`), if any. */
export function idShapeOf(property: INodeProperties): IdShape | undefined {
	const name = property.typeOptions?.idShape as IdShapeName | undefined;
	return name ? ID_SHAPES[name] : undefined;
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === '' || (typeof value === 'string' && value.trim() === '');
}

function isDateLike(value: unknown): boolean {
	if (value instanceof Date) return !Number.isNaN(value.getTime());
	// Luxon DateTime ($now, $today) and anything else with an ISO form.
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') return true;
	return typeof value === 'string' && !Number.isNaN(new Date(value).getTime());
}

/**
 * Checks one node parameter's value (after expressions ran) against what its description and
 * the references allow: undefined when it passes, else the problem in words.
 */
export function checkParameterValue(property: INodeProperties, value: unknown): string | undefined {
	const typeOptions = property.typeOptions ?? {};
	if (value === null) return `is null (an expression gave no value): ${property.required ? 'it is required' : 'leave the field empty instead'}`;
	if (isBlank(value)) {
		return property.required && property.type !== 'boolean' ? `is required but ${value === undefined || value === '' ? 'empty' : `blank: ${describeValue(value)}`}` : undefined;
	}
	switch (property.type) {
		case 'string':
		case 'resourceLocator': {
			if (typeof value !== 'string') return `must be text; it is ${describeValue(value)}`;
			const shape = idShapeOf(property);
			const trimmed = value.trim();
			const length = charLength(trimmed);
			if (shape) {
				if (length > shape.maxLength || !shape.pattern.test(trimmed)) {
					return `is not ${shape.hint}; it is ${describeValue(value)}`;
				}
				return undefined;
			}
			// A field with a documented limit of its own declares it (`typeOptions.maxLength`, e.g. a 500 KB page).
			const limit = typeof typeOptions.maxLength === 'number' ? typeOptions.maxLength : MAX_TEXT_LENGTH;
			if (charLength(value) > limit) return `is too long: ${charLength(value)} characters; the limit is ${limit}`;
			return undefined;
		}
		case 'json': {
			if (typeof value === 'string') {
				if (charLength(value) > MAX_TEXT_LENGTH) return `is too long: ${charLength(value)} characters; the limit is ${MAX_TEXT_LENGTH}`;
				try {
					JSON.parse(value);
				} catch {
					return `is not valid JSON text; it is ${describeValue(value)}`;
				}
				return undefined;
			}
			if (typeof value !== 'object') return `must be JSON (an object or JSON text); it is ${describeValue(value)}`;
			return undefined;
		}
		case 'dateTime':
			if (!isDateLike(value)) return `must be a date and time (e.g. 2026-01-31T12:00:00Z); it is ${describeValue(value)}`;
			return undefined;
		case 'number': {
			if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number; it is ${describeValue(value)}`;
			const min = typeOptions.minValue as number | undefined;
			const max = typeOptions.maxValue as number | undefined;
			if (!typeOptions.numberPrecision && !Number.isInteger(value)) return `must be a whole number; it is ${value}`;
			if (min !== undefined && value < min) return `is ${value}; the minimum is ${min}`;
			if (max !== undefined && value > max) return `is ${value}; the maximum is ${max}`;
			return undefined;
		}
		case 'boolean':
			if (typeof value !== 'boolean') return `must be true or false; it is ${describeValue(value)}`;
			return undefined;
		case 'options': {
			const allowed = (property.options ?? []).map((o) => (o as { value?: unknown }).value);
			if (!allowed.includes(value as string)) return `must be one of: ${allowed.join(', ')}; it is ${describeValue(value)}`;
			return undefined;
		}
		case 'multiOptions': {
			const allowed = (property.options ?? []).map((o) => (o as { value?: unknown }).value);
			if (!Array.isArray(value)) return `must be a list of: ${allowed.join(', ')}; it is ${describeValue(value)}`;
			if (property.required && value.length === 0) return 'is required but empty';
			const unknown = value.find((v) => !allowed.includes(v as string));
			if (unknown !== undefined) return `must only hold: ${allowed.join(', ')}; it holds ${describeValue(unknown)}`;
			return undefined;
		}
		case 'collection':
			if (typeof value !== 'object' || Array.isArray(value)) return `must be a set of options; it is ${describeValue(value)}`;
			return undefined;
		default:
			return undefined;
	}
}

/**
 * Which parameters are shown depends on the node's parameters only, not on the item: worked out
 * once per run of the node (kept with the run's execute data; `getNode()` hands out a fresh copy
 * each call, so the node itself cannot be the key) rather than per item, a walk over every property.
 */
const VISIBLE = new WeakMap<object, WeakMap<INodeProperties[], ParameterRef[]>>();

/** The parameters of the node the current item will send: shown ones, and collection entries that are set. */
function visibleParameters(this: IExecuteSingleFunctions, properties: INodeProperties[]): ParameterRef[] {
	const run = this.getExecuteData() as object | undefined;
	if (!run) return findVisibleParameters(this.getNode(), properties);
	let byProperties = VISIBLE.get(run);
	if (!byProperties) {
		byProperties = new WeakMap();
		VISIBLE.set(run, byProperties);
	}
	let refs = byProperties.get(properties);
	if (!refs) {
		refs = findVisibleParameters(this.getNode(), properties);
		byProperties.set(properties, refs);
	}
	return refs;
}

function findVisibleParameters(node: INode, properties: INodeProperties[]): ParameterRef[] {
	const description = { properties } as unknown as INodeTypeDescription;
	const out: ParameterRef[] = [];
	for (const property of properties) {
		if (property.type === 'notice' || property.noDataExpression) continue;
		if (!NodeHelpers.displayParameter(node.parameters, property, node, description, node.parameters)) continue;
		out.push({ property, path: property.name });
		if (property.type === 'collection') {
			const set = node.parameters[property.name];
			if (!set || typeof set !== 'object' || Array.isArray(set)) continue;
			for (const option of (property.options ?? []) as INodeProperties[]) {
				if (Object.prototype.hasOwnProperty.call(set, option.name)) out.push({ property: option, path: `${property.name}.${option.name}` });
			}
		}
	}
	return out;
}

const NOT_ROUTED = Symbol('not routed');

/**
 * The value routing already put into the request for a parameter sent as it is (`send` to a fixed
 * body or query property, no `value` transform): the same value getNodeParameter would give, read
 * without evaluating the item's expression a further time. NOT_ROUTED otherwise.
 */
function routedValue(property: INodeProperties, path: string, requestOptions: IHttpRequestOptions): unknown {
	const send = property.routing?.send;
	if (!send || send.value !== undefined || typeof send.property !== 'string' || send.property.startsWith('=')) return NOT_ROUTED;
	if (path !== property.name && !path.endsWith(`.${property.name}`)) return NOT_ROUTED;
	const target = send.type === 'body' ? requestOptions.body : send.type === 'query' || send.type === undefined ? requestOptions.qs : undefined;
	if (!target || typeof target !== 'object') return NOT_ROUTED;
	let at: unknown = target;
	for (const key of send.propertyInDotNotation === false ? [send.property] : send.property.split('.')) {
		if (!at || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, key)) return NOT_ROUTED;
		at = (at as IDataObject)[key];
	}
	return at;
}

/**
 * preSend of every operation (on the Resource selector, so none can miss it): each parameter the
 * request will use is read after expressions ran and checked against its type, its documented
 * range and its id shape. The first problem stops the item; nothing is sent.
 */
export function checkParameters(network: string, properties: INodeProperties[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		for (const { property, path } of visibleParameters.call(this, properties)) {
			let value: unknown;
			let problem: string | undefined;
			try {
				value = routedValue(property, path, requestOptions);
				if (value === NOT_ROUTED) value = this.getNodeParameter(path, undefined, { extractValue: property.type === 'resourceLocator' });
				problem = checkParameterValue(property, value);
			} catch (error) {
				problem = `could not be read: ${(error as Error).message}`;
			}
			if (problem !== undefined) throw refuse(this, network, property.displayName, path, problem);
		}
		return requestOptions;
	};
}

/**
 * preSend: JSON fields sent as text are parsed here, after the input layer checked them, rather
 * than in a routing expression (which runs before any check and would fail with a bare parse error).
 */
export function parseJsonBody(properties: string[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const body = requestOptions.body as IDataObject | undefined;
		for (const property of properties) {
			const value = body?.[property];
			if (body && typeof value === 'string') {
				if (value.trim() === '') delete body[property];
				else body[property] = JSON.parse(value) as IDataObject;
			}
		}
		return requestOptions;
	};
}
