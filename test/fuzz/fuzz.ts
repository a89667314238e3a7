/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only code: the fuzz suite loads the built package and inspects errors with node:util */
/**
 * The input fuzz suite: every parameter of every operation, enumerated from the BUILT node
 * descriptions (dist/), gets hostile values (oversize, blank, control and bidi characters, dot
 * segments, slashes, 100,000-character ids, null / numbers / objects / lists through expressions)
 * and runs through real n8n-core against the sandbox. Every operation also meets network faults
 * and servers that echo an oddly shaped key. What counts as invalid is decided here from the
 * description alone (type, range, required, whether the value names a resource), not by asking
 * the node's own input layer.
 */
import { join } from 'node:path';
import { inspect } from 'node:util';

import type { ICredentialDataDecryptedObject, INodeParameters, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { OWN_VALUE } from '../../nodes/shared/pathValue';
import { registerNodeType, runNode } from '../harness/n8n';
import type { TestSandbox } from '../harness/sandbox';
import { seededKey } from '../harness/sandbox';

type Network = 'clawnet' | 'clawtter' | 'clawpost';

export interface NodeUnderFuzz {
	type: string;
	network: Network;
	credentialType: string;
	secretField: string;
	nodeType: INodeType;
}

const BUILT: Array<Omit<NodeUnderFuzz, 'nodeType'> & { file: string; className: string }> = [
	{ type: 'clawNet', network: 'clawnet', credentialType: 'clawNetApi', secretField: 'token', file: 'ClawNet/ClawNet.node.js', className: 'ClawNet' },
	{ type: 'clawtter', network: 'clawtter', credentialType: 'clawtterApi', secretField: 'apiKey', file: 'Clawtter/Clawtter.node.js', className: 'Clawtter' },
	{ type: 'clawPost', network: 'clawpost', credentialType: 'clawPostApi', secretField: 'apiKey', file: 'ClawPost/ClawPost.node.js', className: 'ClawPost' },
];

/** The built action nodes (npm run build first), registered so that runNode runs the built code. */
export function loadBuiltNodes(): NodeUnderFuzz[] {
	return BUILT.map((b) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(join(__dirname, '../../dist/nodes', b.file)) as Record<string, new () => INodeType>;
		const nodeType = new mod[b.className]();
		registerNodeType(nodeType);
		return { type: b.type, network: b.network, credentialType: b.credentialType, secretField: b.secretField, nodeType };
	});
}

export interface Parameter {
	/** Path in the node's parameters: `content`, `options.mentions`. */
	path: string;
	property: INodeProperties;
	topLevel: boolean;
}

export interface Operation {
	node: NodeUnderFuzz;
	resource: string;
	operation: string;
	method: string;
	/** The operation's own route: method and path pattern (path parameters as one segment). */
	routes: RegExp[];
	parameters: Parameter[];
}

function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	return !!show?.resource?.includes(resource) && !!show?.operation?.includes(operation);
}

/**
 * A routing url such as `=/posts/{{ … }}/react` or `/posts/{value}/react` (a path field, see
 * OWN_VALUE) as a pattern: each expression or placeholder is one real segment.
 */
function routePattern(method: string, url: string): RegExp {
	const segment = '(?!\\.\\.?(?:/|$))[^/]+';
	const parts = url.replace(/^=/, '').split(/\{\{[\s\S]*?\}\}|\{value\}/);
	const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${method} ${escaped.join(segment)}$`);
}

/** Every operation of every node with its parameters (collection options included), from the descriptions. */
export function enumerateOperations(nodes: NodeUnderFuzz[]): Operation[] {
	const out: Operation[] = [];
	for (const node of nodes) {
		const properties = node.nodeType.description.properties;
		const resource = properties.find((p) => p.name === 'resource')!;
		for (const r of resource.options as INodePropertyOptions[]) {
			const operationProperty = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(String(r.value)))!;
			for (const o of operationProperty.options as INodePropertyOptions[]) {
				const fields = properties.filter((p) => shownFor(p, String(r.value), String(o.value)));
				const method = String(o.routing?.request?.method ?? 'GET');
				const urls = [o.routing?.request?.url, ...fields.map((f) => f.routing?.request?.url)].filter((u): u is string => typeof u === 'string');
				const parameters: Parameter[] = [];
				for (const field of fields) {
					parameters.push({ path: field.name, property: field, topLevel: true });
					if (field.type === 'collection') {
						for (const option of (field.options ?? []) as INodeProperties[]) parameters.push({ path: `${field.name}.${option.name}`, property: option, topLevel: false });
					}
				}
				out.push({ node, resource: String(r.value), operation: String(o.value), method, routes: urls.map((u) => routePattern(method, u)), parameters });
			}
		}
	}
	return out;
}

/** Whether a parameter names a resource (goes into a path, or is an id in the body or query). */
export function namesResource(property: INodeProperties): boolean {
	const url = property.routing?.request?.url;
	const sent = property.routing?.send?.property;
	return (
		property.type === 'resourceLocator' ||
		(typeof url === 'string' && url.includes('$value')) ||
		// A path field (pathValue.ts): its value goes into the path in place of the placeholder.
		sent === OWN_VALUE ||
		(typeof sent === 'string' && /(^|_)id$|^to$/.test(sent))
	);
}

export interface Hostile {
	label: string;
	/** The raw parameter value (a string starting with = is an expression). */
	raw: unknown;
	/** The value the node sees after expressions ran. */
	value: unknown;
}

const expr = (code: string, value: unknown, label?: string): Hostile => ({ label: label ?? `{{ ${code} }}`, raw: `={{ ${code} }}`, value });
const lit = (value: string, label?: string): Hostile => ({ label: label ?? JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…(${value.length})` : value), raw: value, value });

/** The hostile inputs for one parameter, by its type. */
export function hostileInputs(property: INodeProperties): Hostile[] {
	const common = [expr('null', null), expr('{ a: 1 }', { a: 1 }), expr('[1, 2]', [1, 2])];
	switch (property.type) {
		case 'string':
		case 'resourceLocator':
			return [
				lit(''),
				lit(' '),
				lit('\t\n'),
				lit('.'),
				lit('..'),
				lit('%2e%2e'),
				lit('a/b'),
				lit('?x=1'),
				lit('#'),
				lit('../me/token/rotate'),
				lit('x'.repeat(100000)),
				lit('a\u0000b', '"a\\u0000b" (NUL)'),
				lit('a\u0007b', '"a\\u0007b" (control)'),
				lit('\u202eabc', '"\\u202eabc" (bidi)'),
				lit('a\u200bb', '"a\\u200bb" (zero-width)'),
				lit('🦞'.repeat(12), 'emoji ×12'),
				expr('12345', 12345),
				expr('true', true),
				...common,
			];
		case 'number':
			return [
				{ label: '0', raw: 0, value: 0 },
				{ label: '-1', raw: -1, value: -1 },
				{ label: '1e12', raw: 1e12, value: 1e12 },
				{ label: '1.5', raw: 1.5, value: 1.5 },
				expr('NaN', NaN),
				expr('"10"', '10'),
				...common,
			];
		case 'boolean':
			return [expr('"yes"', 'yes'), expr('1', 1), ...common];
		case 'options':
			return [lit('nope'), expr('5', 5), ...common];
		case 'multiOptions':
			return [expr('"x"', 'x'), expr('["nope"]', ['nope']), expr('[]', []), expr('null', null)];
		case 'dateTime':
			return [lit('not a date'), lit('2026-13-45'), expr('5', 5), ...common];
		case 'json':
			return [lit('{bad json'), lit('x'.repeat(100000)), expr('5', 5), expr('null', null)];
		default:
			return [];
	}
}

const isDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(new Date(v).getTime());

/** The oracle: is this value invalid for this parameter, judged from the description alone? */
export function isInvalid(property: INodeProperties, value: unknown): boolean {
	const required = property.required === true;
	const blank = value === '' || (typeof value === 'string' && value.trim() === '');
	if (value === null) return true;
	switch (property.type) {
		case 'string':
		case 'resourceLocator': {
			if (typeof value !== 'string') return true;
			if (blank) return required;
			// 10,000 characters unless the field declares its own documented limit (typeOptions.maxLength).
			if (Array.from(value).length > (typeof property.typeOptions?.maxLength === 'number' ? property.typeOptions.maxLength : 10000)) return true;
			if (namesResource(property)) {
				// An id: one clean token, no dot segments, separators, controls or invisible characters.
				const v = value.trim();
				// Clawtter topic names: the reference restricts none (`ai-agents`, `AI agents`, `龙虾`, emoji).
				if (property.typeOptions?.idShape === 'clawtterTopic') return /^#?\.{1,2}$/.test(v) || /[/?#\\\p{C}]/u.test(v.replace(/^#/, '')) || Array.from(v).length > 65;
				return /^\.+$/.test(v) || /[/?#%\\\s\p{C}]/u.test(v) || Array.from(v).length > 100 || /\p{Extended_Pictographic}/u.test(v);
			}
			return false;
		}
		case 'number': {
			if (typeof value !== 'number' || !Number.isFinite(value)) return true;
			const t = property.typeOptions ?? {};
			if (!t.numberPrecision && !Number.isInteger(value)) return true;
			return (t.minValue !== undefined && value < t.minValue) || (t.maxValue !== undefined && value > t.maxValue);
		}
		case 'boolean':
			return typeof value !== 'boolean';
		case 'options':
			return !(property.options as INodePropertyOptions[]).some((o) => o.value === value);
		case 'multiOptions':
			return !Array.isArray(value) || (required && value.length === 0) || value.some((v) => !(property.options as INodePropertyOptions[]).some((o) => o.value === v));
		case 'dateTime':
			return blank ? required : !isDate(value);
		case 'json':
			if (typeof value !== 'string') return typeof value !== 'object';
			if (value.length > 10000) return true;
			try {
				JSON.parse(value);
				return false;
			} catch {
				return true;
			}
		default:
			return false;
	}
}

/** Valid example values for the id shapes the sandbox uses (they need not exist: the route is what counts). */
function example(property: INodeProperties, network: Network): unknown {
	const idMode = property.modes?.find((m) => m.name === 'id');
	const placeholder = String(idMode?.placeholder ?? property.placeholder ?? '').replace(/^e\.g\.\s*/, '');
	const shape = property.typeOptions?.idShape as string | undefined;
	const byShape: Record<string, string> = {
		clawnetAgent: 'Sam',
		clawnetPost: 'post_000000000000',
		clawnetMessage: 'msg_000000000000',
		clawnetClaimCode: 'CLAWNET-DEMO',
		moltbookPost: 'clwnt-welcome',
		clawtterPost: '00000000-0000-4000-8000-000000000000',
		clawtterUser: 'lobster-lab',
		clawtterTopic: 'lobsters',
		clawpostJob: '00000000-0000-4000-8000-000000000000',
		clawnetTask: 'task_000000000000',
		clawnetThread: 'thr_000000000000',
		clawnetContact: 'ct_000000000000',
		clawnetEvent: 'evt_000000000000',
		clawnetPageSlug: 'fuzz-page',
		facebookGroup: '1577315533418837',
	};
	if (shape && byShape[shape]) return byShape[shape];
	if (property.name === 'postUrl') return 'https://www.moltbook.com/post/clwnt-welcome';
	if (property.name === 'platforms') return ['x'];
	if (property.name === 'binaryProperties') return 'data';
	if (property.default !== '' && property.default !== undefined && property.type !== 'resourceLocator') return property.default;
	if (property.type === 'multiOptions') return [(property.options as INodePropertyOptions[])[0].value];
	if (property.type === 'dateTime') return new Date(Date.now() + 86_400_000).toISOString();
	if (placeholder && !placeholder.includes('…')) return placeholder;
	return network === 'clawtter' && property.name === 'identityId' ? 'fuzz-identity' : 'fuzz value';
}

function rl(value: unknown): unknown {
	return { __rl: true, mode: 'id', value };
}

/** Valid parameters for an operation: every required top-level field filled with a plausible value. */
export function baseParameters(op: Operation): INodeParameters {
	const out: INodeParameters = { resource: op.resource, operation: op.operation };
	for (const { property, topLevel } of op.parameters) {
		if (!topLevel || !property.required) continue;
		const value = example(property, op.node.network);
		out[property.name] = (property.type === 'resourceLocator' ? rl(value) : value) as INodeParameters[string];
	}
	// Operations that wait for a job by default (Claw Post's group searches and checks) do not
	// wait here: waiting is the node tests' business, the fuzz looks at what is sent.
	if (op.parameters.some((p) => p.topLevel && p.property.name === 'waitForResult')) out.waitForResult = false;
	// The sandbox can reach nothing on the internet; Register's own Base URL points at it too.
	return out;
}

/**
 * The base parameters with one parameter set to a (hostile) value, and whatever shows that
 * parameter switched on (Post Kind = Reply for the reply target, Wait = true for its intervals).
 */
export function withParameter(op: Operation, base: INodeParameters, parameter: Parameter, raw: unknown): INodeParameters {
	const value = parameter.property.type === 'resourceLocator' ? rl(raw) : raw;
	const out = JSON.parse(JSON.stringify({ ...base, resource: op.resource, operation: op.operation })) as INodeParameters;
	const [collection, name] = parameter.path.split('.');
	if (!parameter.topLevel) out[collection] = { ...((out[collection] as INodeParameters) ?? {}) };
	const target = (parameter.topLevel ? out : out[collection]) as INodeParameters;
	for (const [switchName, values] of Object.entries(parameter.property.displayOptions?.show ?? {})) {
		if (switchName === 'resource' || switchName === 'operation' || !Array.isArray(values) || values.length === 0) continue;
		target[switchName] = values[0] as INodeParameters[string];
		// The switched-on field's own required sibling (the reply target of Post Kind = Reply) stays valid.
		const sibling = op.parameters.find((p) => p.topLevel === parameter.topLevel && p.property.required && p.property.name !== parameter.property.name && JSON.stringify(p.property.displayOptions?.show?.[switchName]) === JSON.stringify(values));
		if (sibling && target[sibling.property.name] === undefined) {
			const v = example(sibling.property, op.node.network);
			target[sibling.property.name] = (sibling.property.type === 'resourceLocator' ? rl(v) : v) as INodeParameters[string];
		}
	}
	target[parameter.topLevel ? parameter.path : name] = value as INodeParameters[string];
	return out;
}

/** Whether the operation sends the credential (the node's credential is not hidden for it). */
export function usesCredential(op: Operation): boolean {
	const credential = op.node.nodeType.description.credentials?.[0];
	return !credential?.displayOptions?.hide?.operation?.includes(op.operation);
}

/** Everything one run is judged on. */
export interface Figures {
	runs: number;
	invalidRuns: number;
	requestsForInvalid: number;
	wrongRoute: number;
	crashes: number;
	errorsWithoutField: number;
	secretLeaks: number;
	dishonestRetryAdvice: number;
	/** Informational, not a bar: values the oracle calls valid that the node still refused (op-specific rules). */
	validRefused: number;
	/** Informational: hostile runs the network answered 4xx although the description allowed the value. */
	serverRejections: number;
}

export function emptyFigures(): Figures {
	return { runs: 0, invalidRuns: 0, requestsForInvalid: 0, wrongRoute: 0, crashes: 0, errorsWithoutField: 0, secretLeaks: 0, dishonestRetryAdvice: 0, validRefused: 0, serverRejections: 0 };
}

const CRASH = /is not a function|Cannot read propert|undefined is not|Unexpected token|Unterminated string|in JSON at position|Invalid time value|is not defined|Maximum call stack|Cannot convert|is not iterable/;

function isCrash(error: unknown): boolean {
	let e = error as { message?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; e && depth < 5; depth++) {
		if (e instanceof TypeError || e instanceof RangeError || e instanceof SyntaxError || e instanceof ReferenceError) return true;
		if (typeof e.message === 'string' && CRASH.test(e.message)) return true;
		e = e.cause as typeof e;
	}
	return false;
}

/** Every serialized form a leak could hide in: the error, its cause, full-depth inspect, the output. */
export function serializedForms(error: unknown, items: unknown): string[] {
	const forms: string[] = [];
	const safe = (f: () => string) => {
		try {
			forms.push(f());
		} catch (e) {
			forms.push(`<unserializable: ${(e as Error).message}>`);
		}
	};
	if (error) {
		safe(() => JSON.stringify(error));
		safe(() => JSON.stringify((error as { cause?: unknown }).cause) ?? '');
		safe(() => inspect(error, { depth: Infinity }));
	}
	safe(() => JSON.stringify(items));
	safe(() => inspect(items, { depth: Infinity }));
	return forms;
}

export function leaks(forms: string[], secrets: string[]): boolean {
	// A header that survived with a value (masked values, `Bearer ***`, are fine).
	const header = /["']?(authorization|clawpost-api-key)["']?\s*[:=]\s*["']?(?:bearer\s+|(?!bearer))(?!\*\*\*)[A-Za-z0-9_-]{4,}/i;
	return forms.some((f) => secrets.some((s) => f.includes(s)) || header.test(f));
}

/**
 * Runs the node; n8n's own check of static parameters (a required field left empty) stops the
 * workflow before the node runs: that refusal is the run's error.
 */
async function run(options: Parameters<typeof runNode>[0]): Promise<{ items: Awaited<ReturnType<typeof runNode>>['items']; error?: Error & { description?: string } }> {
	try {
		return await runNode(options);
	} catch (error) {
		// n8n's WorkflowHasIssuesError; anything else is judged like any other error (a crash if it is one).
		return { items: [], error: error as Error };
	}
}

export interface Problem {
	what: keyof Figures;
	op: string;
	parameter?: string;
	input?: string;
	detail: string;
}

export class Fuzzer {
	figures = emptyFigures();
	problems: Problem[] = [];
	perOperation = new Map<string, Figures>();

	constructor(private readonly t: TestSandbox) {}

	private note(op: Operation, what: keyof Figures, detail: string, parameter?: string, input?: string): void {
		const name = `${op.node.type} ${op.resource} → ${op.operation}`;
		this.figures[what]++;
		const per = this.perOperation.get(name) ?? emptyFigures();
		per[what]++;
		this.perOperation.set(name, per);
		if (this.problems.length < 200) this.problems.push({ what, op: name, parameter, input, detail });
	}

	private count(op: Operation, what: 'runs' | 'invalidRuns'): void {
		this.figures[what]++;
		const name = `${op.node.type} ${op.resource} → ${op.operation}`;
		const per = this.perOperation.get(name) ?? emptyFigures();
		per[what]++;
		this.perOperation.set(name, per);
	}

	credentials(op: Operation, secret?: string): Record<string, ICredentialDataDecryptedObject> {
		const network = op.node.network;
		const who = network === 'clawnet' ? 'n8n_agent' : network === 'clawtter' ? 'n8n-agent' : 'paired';
		return {
			[op.node.credentialType]: {
				[op.node.secretField]: secret ?? seededKey(this.t, network, who),
				baseUrl: this.t.info.networks[network].baseUrl,
			},
		};
	}

	private async lastSeq(): Promise<number> {
		const all = await this.t.requests();
		return all.length ? (all[all.length - 1] as { seq: number }).seq : 0;
	}

	private async since(seq: number): Promise<Array<{ method: string; path: string; network: string }>> {
		return (await this.t.control<{ requests: Array<{ method: string; path: string; network: string }> }>('GET', `requests?since=${seq}`)).requests;
	}

	/** One hostile value for one parameter of one operation. */
	async hostile(op: Operation, parameter: Parameter, hostile: Hostile): Promise<void> {
		const parameters = withParameter(op, baseParameters(op), parameter, hostile.raw);
		if (op.operation === 'register' && parameters.baseUrl === undefined) parameters.baseUrl = this.t.info.networks[op.node.network].baseUrl;
		const invalid = isInvalid(parameter.property, hostile.value);
		const secrets = [String(this.credentials(op)[op.node.credentialType][op.node.secretField])];
		const before = await this.lastSeq();
		const input = op.node.network === 'clawpost' && op.operation === 'upload' ? [{ json: {}, binary: { data: { data: Buffer.from('GIF89a').toString('base64'), mimeType: 'image/gif', fileName: 'a.gif' } } }] : undefined;
		const { items, error } = await run({ type: op.node.type, parameters, credentials: this.credentials(op), input: input as never });
		const sent = (await this.since(before)).filter((r) => r.network === op.node.network);
		this.count(op, 'runs');
		if (invalid) this.count(op, 'invalidRuns');
		const label = `${parameter.path}=${hostile.label}`;
		if (invalid && sent.length > 0) this.note(op, 'requestsForInvalid', `${sent.map((r) => `${r.method} ${r.path}`).join(', ')}`, parameter.path, hostile.label);
		for (const r of sent) {
			if (op.routes.length && !op.routes.some((route) => route.test(`${r.method} ${r.path}`)) && !this.extraRoute(op, r)) {
				this.note(op, 'wrongRoute', `${r.method} ${r.path}`, parameter.path, hostile.label);
			}
		}
		if (error && isCrash(error)) this.note(op, 'crashes', error.message.slice(0, 200), parameter.path, hostile.label);
		if (invalid) {
			const message = error?.message ?? '';
			if (!error) this.note(op, 'errorsWithoutField', 'no error at all', parameter.path, hostile.label);
			else if (!message.includes(parameter.property.displayName)) this.note(op, 'errorsWithoutField', message.slice(0, 200), parameter.path, hostile.label);
		}
		if (leaks(serializedForms(error, items), secrets)) this.note(op, 'secretLeaks', label, parameter.path, hostile.label);
		const status = (error as { httpCode?: string | null } | undefined)?.httpCode;
		if (!invalid && error && typeof status === 'string' && /^4\d\d$/.test(status)) {
			this.figures.serverRejections++;
			if (this.rejectedByServer.length < 60) this.rejectedByServer.push(`${op.resource} → ${op.operation} ${label}: HTTP ${status} ${error.message.slice(0, 160)}`);
		}
		if (!invalid && error && /Refused by the node before sending/.test(error.message)) {
			this.figures.validRefused++;
			if (this.refusedValid.length < 60) this.refusedValid.push(`${op.resource} → ${op.operation} ${label}: ${error.message.slice(0, 160)}`);
		}
	}

	/** Examples of validRefused and serverRejections, for a person to judge. */
	refusedValid: string[] = [];

	rejectedByServer: string[] = [];

	/** Requests an operation makes besides its own route: waiting for a job or for moderation. */
	private extraRoute(op: Operation, r: { method: string; path: string }): boolean {
		if (op.node.network === 'clawpost') return r.method === 'GET' && /^\/v1\/jobs\/[0-9a-f-]{36}$/.test(r.path);
		if (op.node.network === 'clawtter') return r.method === 'GET' && /^\/clawtters\/[^/]+\/posts$/.test(r.path);
		return false;
	}

	/**
	 * One fault for one operation with valid input, and an oddly shaped key (no known prefix) that
	 * the server echoes: the key must appear nowhere, and a write whose answer was lost must not
	 * be called harmless.
	 */
	async fault(op: Operation, kind: 'reset' | 'status500' | 'status400' | 'malformed' | 'echo', continueOnFail: boolean): Promise<void> {
		const secret = `Odd${op.node.network}Secret-${Math.random().toString(36).slice(2, 10)}`;
		await this.t.control('DELETE', 'faults');
		const base = { network: op.node.network, path: '*' };
		if (kind === 'reset') await this.t.fault({ ...base, kind: 'reset' });
		if (kind === 'status500') await this.t.fault({ ...base, kind: 'status', status: 500, body: { error: `boom for key ${secret}`, message: `Bearer ${secret}`, detail: `key=${secret}` } });
		if (kind === 'status400') await this.t.fault({ ...base, kind: 'status', status: 400, body: { error: secret, message: secret, detail: secret } });
		if (kind === 'malformed') await this.t.fault({ ...base, kind: 'status', status: 200, headers: { 'content-type': 'application/json' }, body: `{"ok": true, "echo": "${secret}", "trunc` });
		if (kind === 'echo') await this.t.fault({ ...base, kind: 'status', status: 200, body: { ok: true, echo: secret, headers: { authorization: `Bearer ${secret}` }, url: `https://x/?key=${encodeURIComponent(secret)}` } });
		const parameters = baseParameters(op);
		if (op.operation === 'register') parameters.baseUrl = this.t.info.networks[op.node.network].baseUrl;
		const input = op.node.network === 'clawpost' && op.operation === 'upload' ? [{ json: {}, binary: { data: { data: Buffer.from('GIF89a').toString('base64'), mimeType: 'image/gif', fileName: 'a.gif' } } }] : undefined;
		const { items, error } = await run({ type: op.node.type, parameters, credentials: this.credentials(op, secret), continueOnFail, input: input as never });
		await this.t.control('DELETE', 'faults');
		this.count(op, 'runs');
		const itemError = items.find((i) => i.error)?.error;
		const failure = (error ?? itemError) as (Error & { description?: string }) | undefined;
		if (failure && isCrash(failure)) this.note(op, 'crashes', `${kind}: ${failure.message.slice(0, 200)}`);
		// Operations that run without the credential (Register) never send the key, so a server cannot echo it.
		if (usesCredential(op) && leaks(serializedForms(error ?? itemError, items), [secret])) this.note(op, 'secretLeaks', `${kind}${continueOnFail ? ' (Continue On Fail)' : ''}`);
		const write = op.method !== 'GET';
		if (failure && write && (kind === 'reset' || kind === 'malformed')) {
			const text = `${failure.message} ${failure.description ?? ''}`;
			if (/nothing was changed|retrying usually helps/i.test(text) || (!/may have/i.test(text) && !/nothing was sent/i.test(text))) {
				this.note(op, 'dishonestRetryAdvice', `${kind}: ${text.slice(0, 200)}`);
			}
		}
	}

	report(): string {
		const f = this.figures;
		const lines = [
			`runs: ${f.runs} (invalid input: ${f.invalidRuns}) over ${this.perOperation.size} operations`,
			`requests that reached the sandbox for invalid input: ${f.requestsForInvalid}`,
			`requests that reached a route other than the operation's own: ${f.wrongRoute}`,
			`crashes (non-n8n errors): ${f.crashes}`,
			`errors without the field name: ${f.errorsWithoutField}`,
			`credential values or auth headers found in error, cause, inspect or output: ${f.secretLeaks}`,
			`writes whose lost answer was called harmless: ${f.dishonestRetryAdvice}`,
			`(informational) values judged valid from the description alone that an operation's own rule refused: ${f.validRefused}`,
			`(informational) values judged valid that the network answered with a 4xx (the fuzz's made-up ids are 404, posting budgets 429): ${f.serverRejections}`,
		];
		const failing = [...this.perOperation.entries()].filter(([, per]) => (Object.keys(per) as Array<keyof Figures>).some((k) => k !== 'runs' && k !== 'invalidRuns' && k !== 'validRefused' && k !== 'serverRejections' && per[k] > 0));
		lines.push(`operations with any non-zero figure: ${failing.length} of ${this.perOperation.size}${failing.length ? ` (${failing.map(([name]) => name).join(', ')})` : ''}`);
		for (const p of this.problems.slice(0, 40)) lines.push(`  ${p.what}: ${p.op}${p.parameter ? ` ${p.parameter}=${p.input}` : ''}: ${p.detail}`);
		return lines.join('\n');
	}
}
