import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	IPollFunctions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { apiError, isMalformedJson, isNetworkError, lostAnswerAdvice, malformedJsonError, maskIfPresent, sanitizeError, secretValues } from './errors';
import type { NetworkId } from './networks';
import { NETWORKS } from './networks';
import type { Paginate } from './pagination';
import type { ActionLimit, Ticket } from './rateLimit';
import { RateLimitWaitError, acquire, actionOf, deliveredIn, observe, recordDelivery, release } from './rateLimit';
import { USER_AGENT } from './version';

/**
 * A credential's `authenticate`: sets one header from one credential field (with an optional
 * prefix such as `Bearer `). The same header a generic `authenticate` would set, but n8n resolves a
 * generic one as an expression on every request (a data proxy, a Luxon clock: about a tenth of an
 * item's cost); a function costs nothing. The value goes into the header only, never elsewhere.
 */
export function headerAuthentication(header: string, field: string, prefix = '') {
	return async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => {
		requestOptions.headers = { ...requestOptions.headers, [header]: `${prefix}${String(credentials[field] ?? '')}` };
		return requestOptions;
	};
}

/**
 * The credential's Base URL as requests use it: trimmed, without trailing slashes.
 * Used by the three credential tests and the three nodes' request defaults.
 */
export const BASE_URL_EXPRESSION = "={{ String($credentials?.baseUrl || '').trim().replace(/\\/+$/, '') }}";

/** Headers every request carries, credential tests included. */
export const COMMON_HEADERS = {
	Accept: 'application/json',
	'User-Agent': USER_AGENT,
};

/**
 * Request defaults shared by the three declarative nodes. HTTP errors are not thrown by the
 * transport: `throwOnApiError` reads them, so that the API's own words reach the user.
 *
 * No `baseURL` expression here: declarative routing evaluates request defaults twice per item
 * (its request pass and its base-URL pass). The Resource selector's first preSend (checkBaseUrl)
 * sets the credential's Base URL instead, read once per run of the node.
 */
export const REQUEST_DEFAULTS: DeclarativeRestApiSettings.HttpRequestOptions = {
	headers: COMMON_HEADERS,
	json: true,
	ignoreHttpStatusErrors: true,
} as DeclarativeRestApiSettings.HttpRequestOptions;

type RunContext = IExecuteSingleFunctions | IExecutePaginationFunctions;

/**
 * The node's credential data for this run of the node, read once: every item of a run uses the
 * same credential, and each read is a credential lookup (and a decryption) in n8n. Kept weakly by
 * the run's execute data, so it is gone with the run.
 */
const RUN_CREDENTIALS = new WeakMap<object, Map<string, Promise<IDataObject | undefined>>>();

export async function runCredentials(this: RunContext, type: string): Promise<IDataObject | undefined> {
	const run = this.getExecuteData() as object | undefined;
	const read = async () => {
		try {
			return (await this.getCredentials(type)) as IDataObject;
		} catch {
			return undefined;
		}
	};
	if (!run) return await read();
	let byType = RUN_CREDENTIALS.get(run);
	if (!byType) {
		byType = new Map();
		RUN_CREDENTIALS.set(run, byType);
	}
	let data = byType.get(type);
	if (!data) {
		data = read();
		byType.set(type, data);
	}
	return await data;
}

/**
 * Throws unless `baseURL` is an http(s) URL; the message names where it comes from: the
 * credential, or the operation's own Base URL field (Register, which needs no credential).
 */
export function assertBaseUrl(node: INode, network: NetworkId, baseURL: string, itemIndex?: number, source: 'credential' | 'field' = 'credential'): void {
	const name = NETWORKS[network].displayName;
	if (baseURL === '' && source === 'credential') {
		throw new NodeOperationError(node, `No ${name} credential is selected`, {
			itemIndex,
			description: `Choose a ${name} credential for this node. Nothing was sent.`,
		});
	}
	const protocol = protocolOf(baseURL);
	if (protocol !== 'http:' && protocol !== 'https:') {
		const where = source === 'field' ? 'The Base URL field of this operation' : `The Base URL in the ${name} credential`;
		throw new NodeOperationError(node, `${where} must be an http:// or https:// URL`, {
			itemIndex,
			description: `It is "${baseURL}". The production value is ${NETWORKS[network].defaultBaseUrl}. Nothing was sent.`,
		});
	}
}

function protocolOf(url: string): string {
	try {
		return new URL(url).protocol;
	} catch {
		return '';
	}
}

/** The credential's Base URL as requests use it (same rule as BASE_URL_EXPRESSION). */
export function normalizeBaseUrl(value: unknown): string {
	return String(value ?? '').trim().replace(/\/+$/, '');
}

/**
 * preSend: refuses to send anything when the Base URL is not an http(s) URL. It is the
 * credential's, unless the operation has its own Base URL field (a `baseUrl` parameter: Register).
 */
export function checkBaseUrl(network: NetworkId): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		// An operation with its own Base URL field (Register) routes it into the request; every
		// other one uses the credential's.
		const source = requestOptions.baseURL !== undefined && this.getNode().parameters.baseUrl !== undefined ? 'field' : 'credential';
		if (source === 'credential') {
			const credentials = await runCredentials.call(this, NETWORKS[network].credentialType);
			requestOptions.baseURL = normalizeBaseUrl(credentials?.baseUrl);
		}
		assertBaseUrl(this.getNode(), network, String(requestOptions.baseURL ?? ''), this.getItemIndex(), source);
		return requestOptions;
	};
}

/**
 * postReceive: turns any HTTP status of 400 or more, and broken JSON, into the shared NodeApiError;
 * an empty success body (204) becomes one item `{ deleted: true }` for the operations in `deletes`
 * (`resource:operation` pairs sent with DELETE: n8n's UX guidelines) and `{ success: true }` otherwise.
 */
export function throwOnApiError(network: NetworkId, deletes: ReadonlySet<string> = new Set()): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const api = { statusCode: response.statusCode, headers: response.headers as IDataObject, body: response.body };
		// The request guard reads the answer's rate-limit facts (it sees only the items otherwise).
		ANSWERS.get(this)?.(api);
		if (response.statusCode >= 400) throw apiError(this.getNode(), network, api, this.getItemIndex());
		if (isMalformedJson(api)) throw malformedJsonError(this.getNode(), network, api, this.getItemIndex());
		if (response.body === undefined || response.body === null || response.body === '') {
			const operation = `${String(this.getNodeParameter('resource', ''))}:${String(this.getNodeParameter('operation', ''))}`;
			const json = deletes.has(operation) ? { deleted: true } : { success: true };
			return items.map((item) => ({ ...item, json }));
		}
		return items;
	};
}

type RequestContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

/** The secret values of every credential the node has (the key or token it sends), for masking. */
export async function usedSecrets(this: RunContext): Promise<string[]> {
	const out: string[] = [];
	// Read once per run (runCredentials); a credential the node lacks (Register) masks nothing.
	for (const type of Object.keys(this.getNode().credentials ?? {})) out.push(...secretValues(await runCredentials.call(this, type)));
	return out;
}

/** Errors that already carry lost-answer advice, with their description from before it. */
const ADVISED = new WeakMap<object, string>();

/**
 * The error a failed request leaves, made safe and honest: no request config, header or key in
 * it (by value, then by shape), and after a write whose answer was lost, the advice that it may
 * have gone through and how to check.
 */
export function safeRequestError(error: unknown, secrets: string[], network: NetworkId, method?: string): unknown {
	const e = error as { description?: string; lostAnswer?: boolean; message?: string } | undefined;
	const lost = isNetworkError(e) || isNetworkError((e as { cause?: unknown } | undefined)?.cause) || e?.lostAnswer === true;
	if (e && typeof e === 'object' && lost) {
		const refused = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(`${String((e as { code?: unknown }).code)} ${String((e as { cause?: { code?: unknown } }).cause?.code)}`);
		const advice = refused
			? `The connection to ${NETWORKS[network].displayName} could not be opened: nothing was sent.`
			: lostAnswerAdvice(network, method);
		// The outermost request decides the advice: a poll's lost answer inside Post → Create is
		// still a write that may have gone through. The description before any advice is kept aside.
		const before = ADVISED.get(e) ?? (e.lostAnswer ? 'The answer was cut off or is not JSON.' : (e.description ?? '').replace(/\s*$/, ''));
		ADVISED.set(e, before);
		e.description = `${before ? `${before} ` : ''}${advice}`;
	}
	return sanitizeError(error, secrets);
}



type Answer = { statusCode: number; headers?: IDataObject; body?: unknown };

/** Per item context: where throwOnApiError hands the answer of the request on its way. */
const ANSWERS = new WeakMap<object, (answer: Answer) => void>();

/** The default of the node option Rate Limit → Max Wait: three minutes. */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 180;

/** What the guard needs of the node per run (its cap and budget keys): read once, not per request. */
const RUN_SETTINGS = new WeakMap<object, { capMs: number; credentialId: string }>();

function runSettings(context: RequestContext, network: NetworkId): { capMs: number; credentialId: string } {
	const run = typeof (context as Partial<IExecuteSingleFunctions>).getExecuteData === 'function' ? ((context as IExecuteSingleFunctions).getExecuteData() as object | undefined) : undefined;
	let settings = run ? RUN_SETTINGS.get(run) : undefined;
	if (!settings) {
		const node = context.getNode();
		const credential = node.credentials?.[NETWORKS[network].credentialType];
		settings = { capMs: rateLimitCapMs(context), credentialId: credential?.id ?? credential?.name ?? '-' };
		// A cap given by an expression may differ per item: then it is read per request.
		const raw = (node.parameters.rateLimit as IDataObject | undefined)?.maxWaitSeconds;
		if (run && !(typeof raw === 'string' && raw.startsWith('='))) RUN_SETTINGS.set(run, settings);
	}
	return settings;
}

/** The node's cap on waiting for a rate limit, in ms (the `rateLimit` collection every action node has). */
function rateLimitCapMs(context: RequestContext): number {
	let seconds: unknown;
	try {
		seconds = (context as IExecuteSingleFunctions).getNodeParameter('rateLimit.maxWaitSeconds', DEFAULT_RATE_LIMIT_WAIT_SECONDS);
	} catch {
		seconds = DEFAULT_RATE_LIMIT_WAIT_SECONDS;
	}
	const n = Number(seconds);
	return (Number.isFinite(n) && n >= 0 ? n : DEFAULT_RATE_LIMIT_WAIT_SECONDS) * 1000;
}

/** The budget key: network, the credential the node uses, and the action. */
function budgetKey(context: RequestContext, network: NetworkId, limit: ActionLimit): string {
	return `${network}\u0000${runSettings(context, network).credentialId}\u0000${limit.action}`;
}


/**
 * Requests of each item that went through in this run (pages read, jobs created, job polls),
 * routed or not: a wait-cap error says honestly whether anything of the item was sent.
 */
const SENT = new WeakMap<object, Map<number, number>>();

function sentBefore(run: object | undefined, itemIndex: number | undefined): number {
	return run && itemIndex !== undefined ? (SENT.get(run)?.get(itemIndex) ?? 0) : 0;
}

function countSent(run: object | undefined, itemIndex: number | undefined): void {
	if (!run || itemIndex === undefined) return;
	const byItem = SENT.get(run) ?? new Map<number, number>();
	SENT.set(run, byItem);
	byItem.set(itemIndex, (byItem.get(itemIndex) ?? 0) + 1);
}
/**
 * The per-item error when the wait for a rate limit would pass the node's cap. After a 429 of its
 * own it is that 429 (the API's words, limit and reset), saying that nothing was sent and when to
 * retry; an item that waited for a budget spent by others gets the node's own error.
 */
function waitCapError(context: RequestContext, network: NetworkId, error: RateLimitWaitError, itemIndex?: number, refused?: unknown, earlier = 0): Error {
	const name = NETWORKS[network].displayName;
	const when = error.retryAt !== undefined ? new Date(error.retryAt).toISOString() : undefined;
	const limit = error.action.limit !== undefined ? ` (${error.action.limit} per ${error.action.window ?? 'window'})` : '';
	const cap = Math.round(error.capMs / 1000);
	// Honest about the item's earlier requests (pages read, jobs created before this one).
	const sent = earlier === 0 ? 'nothing was sent for this item' : `this request was not sent (${earlier} earlier request${earlier === 1 ? '' : 's'} of this item went through)`;
	if (refused instanceof Error) {
		const e = refused as Error & { description?: string };
		e.description =
			`${(e.description ?? '').replace(/\s*$/, '')} The reset is further away than this node waits (Rate Limit → Max Wait: ${cap} s): ` +
			`${sent}. ${when ? `Run it again after ${when}.` : 'Run it again later.'}`;
		return e;
	}
	return new NodeOperationError(
		context.getNode(),
		`${name} rate limit for "${error.action.action}"${limit} is spent${when ? ` until ${when}` : ''}: longer than this node waits (${cap} s)`,
		{
			itemIndex,
			description:
				`${sent[0].toUpperCase()}${sent.slice(1)}. ${when ? `Run it again after ${when}.` : 'Run it again later.'} ` +
				`Items of this run that went through are not affected. To wait longer, raise Rate Limit → Max Wait (Seconds) in the node, or spread the items out (a Wait node, or a schedule).`,
		},
	);
}

/** Whether a request is a write (a delivery that must not be repeated). */
function isWrite(method: string | undefined): boolean {
	const m = (method ?? 'GET').toUpperCase();
	return m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS';
}

/**
 * One routed request, paced by the rate limit of its action: it waits for a slot (or fails the
 * item when the wait passes the cap), a 429 is waited out and the same request sent again, and a
 * write already delivered in an earlier try of this run (Retry On Fail) is answered from memory.
 */
async function pacedRoutingRequest(
	context: IExecutePaginationFunctions,
	network: NetworkId,
	send: (requestData: DeclarativeRestApiSettings.ResultOptions) => Promise<INodeExecutionData[]>,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const options = requestData.options;
	const method = String(options.method ?? 'GET').toUpperCase();
	const url = String(options.url ?? '');
	const run = context.getExecuteData();
	const itemIndex = context.getItemIndex();
	const fingerprint = isWrite(method) ? `${itemIndex}|${method}|${url}|${JSON.stringify(options.qs ?? {})}|${JSON.stringify(options.body ?? null)}` : undefined;
	if (fingerprint !== undefined) {
		const done = deliveredIn(run, fingerprint);
		if (done) return done.map((item) => ({ ...item, json: { ...item.json } }));
	}
	const limit = actionOf(network, method, url, (options.qs ?? {}) as IDataObject);
	const key = budgetKey(context, network, limit);
	const capMs = runSettings(context, network).capMs;
	const deadline = Date.now() + capMs;
	const single = Object.getPrototypeOf(context) as object;
	let refused: unknown;
	for (;;) {
		const ticket = await acquire(key, limit, deadline, capMs);
		if (ticket instanceof RateLimitWaitError) throw waitCapError(context, network, ticket, itemIndex, refused, sentBefore(run, itemIndex));
		let answer: Answer | undefined;
		const sink = (a: Answer) => (answer = a);
		// postReceive (throwOnApiError) runs on the item's single context, this one's prototype.
		ANSWERS.set(single, sink);
		// Errors pass on to guardRequests, which sanitizes them.
		const outcome = await send(requestData).then(
			(items) => ({ items }),
			(error: unknown) => ({ error }),
		);
		ANSWERS.delete(single);
		if ('items' in outcome) {
			observe(key, limit, ticket, answer?.statusCode ?? 200, answer?.headers, answer?.body);
			if (fingerprint !== undefined) recordDelivery(run, fingerprint, outcome.items);
			countSent(run, itemIndex);
			return outcome.items;
		}
		if (answer === undefined) {
			release(key, limit, ticket);
			throw outcome.error;
		}
		observe(key, limit, ticket, answer.statusCode, answer.headers, answer.body);
		// A 429 was refused before anything happened: wait for the window and send it again.
		if (answer.statusCode !== 429) throw outcome.error;
		refused = outcome.error;
	}
}

/**
 * The one path every routed request of the three nodes takes (declarative routing lets a node
 * wrap its requests only through the pagination hook): requests are paced by the networks' rate
 * limits (pacedRoutingRequest), errors leave it sanitized and with honest retry advice, and output
 * items never carry the credential's values. `enabledBy` names the boolean parameter (Return All)
 * that switches the inner pagination on.
 */
export function guardRequests(network: NetworkId, inner?: Paginate, enabledBy?: string): Paginate {
	return async function (this: IExecutePaginationFunctions, requestData) {
		let items: INodeExecutionData[];
		const routed = this.makeRoutingRequest.bind(this);
		const paced = Object.create(this, {
			makeRoutingRequest: { value: async (data: DeclarativeRestApiSettings.ResultOptions) => await pacedRoutingRequest(this, network, routed, data) },
		}) as IExecutePaginationFunctions;
		try {
			const paginate = inner !== undefined && (enabledBy === undefined || this.getNodeParameter(enabledBy, false) === true);
			items = paginate ? await inner.call(paced, requestData) : await paced.makeRoutingRequest(requestData);
		} catch (error) {
			throw safeRequestError(error, await usedSecrets.call(this), network, requestData.options.method);
		}
		const secrets = await usedSecrets.call(this);
		return items.map((item) => ({ ...item, json: maskIfPresent(item.json, secrets) }));
	};
}

/**
 * A request outside declarative routing (list searches, triggers, multi-step operations), with
 * the same Base URL check, headers, error mapping and error sanitizing as the routed operations.
 */
export async function apiRequest<T = IDataObject>(
	this: RequestContext,
	network: NetworkId,
	method: IHttpRequestMethods,
	path: string,
	options: {
		qs?: IDataObject;
		body?: IDataObject;
		itemIndex?: number;
		/** Milliseconds before the request is abandoned (triggers keep it well below the poll interval). */
		timeout?: number;
		/** Reads what it can from a success answer whose JSON is broken (e.g. cut off) instead of failing. */
		salvage?: (text: string) => T | undefined;
	} = {},
): Promise<T> {
	const info = NETWORKS[network];
	const credentials = await this.getCredentials(info.credentialType);
	const secrets = secretValues(credentials as IDataObject);
	const baseURL = normalizeBaseUrl(credentials.baseUrl);
	assertBaseUrl(this.getNode(), network, baseURL, options.itemIndex);
	// Triggers pass a timeout and keep their poll budget, and the editor's list searches answer at
	// once: neither waits on a rate limit here (their answers still tell the shared budget what they
	// saw). Requests of an execution (multi-step operations) are paced.
	const paced = options.timeout === undefined && typeof (this as Partial<IExecuteSingleFunctions>).getExecuteData === 'function';
	const run = paced ? ((this as IExecuteSingleFunctions).getExecuteData() as object | undefined) : undefined;
	const itemIndex = options.itemIndex ?? (paced ? (this as Partial<IExecuteSingleFunctions>).getItemIndex?.() : undefined);
	const limit = actionOf(network, method, path, options.qs);
	const key = budgetKey(this, network, limit);
	const capMs = paced ? runSettings(this, network).capMs : 0;
	const deadline = Date.now() + capMs;
	let response: IN8nHttpFullResponse;
	let refused: unknown;
	for (;;) {
		let ticket: Ticket = { probe: false };
		if (paced) {
			const taken = await acquire(key, limit, deadline, capMs);
			if (taken instanceof RateLimitWaitError) throw sanitizeError(waitCapError(this, network, taken, options.itemIndex, refused, sentBefore(run, itemIndex)), secrets);
			ticket = taken;
		}
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, info.credentialType, {
				method,
				baseURL,
				url: path,
				qs: options.qs,
				body: options.body,
				headers: COMMON_HEADERS,
				json: true,
				ignoreHttpStatusErrors: true,
				returnFullResponse: true,
				...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
			})) as IN8nHttpFullResponse;
		} catch (error) {
			if (paced) release(key, limit, ticket);
			throw safeRequestError(error, secrets, network, method);
		}
		observe(key, limit, ticket, response.statusCode, response.headers as IDataObject, response.body);
		if (!paced || response.statusCode !== 429) break;
		refused = apiError(this.getNode(), network, { statusCode: 429, headers: response.headers as IDataObject, body: response.body }, options.itemIndex);
	}
	const api = { statusCode: response.statusCode, headers: response.headers as IDataObject, body: response.body };
	if (response.statusCode >= 400) throw sanitizeError(apiError(this.getNode(), network, api, options.itemIndex), secrets);
	countSent(run, itemIndex);
	if (isMalformedJson(api)) {
		const salvaged = options.salvage?.(String(response.body));
		if (salvaged !== undefined) return maskIfPresent(salvaged, secrets) as T;
		throw sanitizeError(malformedJsonError(this.getNode(), network, api, options.itemIndex, method), secrets);
	}
	return maskIfPresent(response.body, secrets) as T;
}
