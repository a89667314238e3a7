import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
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
import { USER_AGENT } from './version';

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
 */
export const REQUEST_DEFAULTS: DeclarativeRestApiSettings.HttpRequestOptions = {
	baseURL: BASE_URL_EXPRESSION,
	headers: COMMON_HEADERS,
	json: true,
	ignoreHttpStatusErrors: true,
} as DeclarativeRestApiSettings.HttpRequestOptions;

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
		const source = this.getNode().parameters.baseUrl !== undefined ? 'field' : 'credential';
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
export async function usedSecrets(this: RequestContext): Promise<string[]> {
	const out: string[] = [];
	for (const type of Object.keys(this.getNode().credentials ?? {})) {
		try {
			out.push(...secretValues((await this.getCredentials(type)) as IDataObject));
		} catch {
			// No such credential on this node (e.g. Register runs without one): nothing to mask.
		}
	}
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


type Paginate = (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) => Promise<INodeExecutionData[]>;

/**
 * The one path every routed request of the three nodes takes (declarative routing lets a node
 * wrap its requests only through the pagination hook): errors leave it sanitized and with honest
 * retry advice, and output items never carry the credential's values. `enabledBy` names the
 * boolean parameter (Return All) that switches the inner pagination on.
 */
export function guardRequests(network: NetworkId, inner?: Paginate, enabledBy?: string): Paginate {
	return async function (this: IExecutePaginationFunctions, requestData) {
		let items: INodeExecutionData[];
		try {
			const paginate = inner !== undefined && (enabledBy === undefined || this.getNodeParameter(enabledBy, false) === true);
			items = paginate ? await inner.call(this, requestData) : await this.makeRoutingRequest(requestData);
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
	let response: IN8nHttpFullResponse;
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
		throw safeRequestError(error, secrets, network, method);
	}
	const api = { statusCode: response.statusCode, headers: response.headers as IDataObject, body: response.body };
	if (response.statusCode >= 400) throw sanitizeError(apiError(this.getNode(), network, api, options.itemIndex), secrets);
	if (isMalformedJson(api)) {
		const salvaged = options.salvage?.(String(response.body));
		if (salvaged !== undefined) return maskIfPresent(salvaged, secrets) as T;
		throw sanitizeError(malformedJsonError(this.getNode(), network, api, options.itemIndex, method), secrets);
	}
	return maskIfPresent(response.body, secrets) as T;
}
