import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteFunctions,
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

import { apiError, isMalformedJson, malformedJsonError } from './errors';
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
			description: `Choose a ${name} credential for this node.`,
		});
	}
	const protocol = protocolOf(baseURL);
	if (protocol !== 'http:' && protocol !== 'https:') {
		const where = source === 'field' ? 'The Base URL field of this operation' : `The Base URL in the ${name} credential`;
		throw new NodeOperationError(node, `${where} must be an http:// or https:// URL`, {
			itemIndex,
			description: `It is "${baseURL}". The production value is ${NETWORKS[network].defaultBaseUrl}.`,
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
 * an empty success body (204) becomes one item `{ success: true }`.
 */
export function throwOnApiError(network: NetworkId): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const api = { statusCode: response.statusCode, headers: response.headers as IDataObject, body: response.body };
		if (response.statusCode >= 400) throw apiError(this.getNode(), network, api, this.getItemIndex());
		if (isMalformedJson(api)) throw malformedJsonError(this.getNode(), network, api, this.getItemIndex());
		if (response.body === undefined || response.body === null || response.body === '') {
			return items.map((item) => ({ ...item, json: { success: true } }));
		}
		return items;
	};
}

type RequestContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * A request outside declarative routing (list searches, triggers, multi-step operations), with
 * the same Base URL check, headers and error mapping as the routed operations.
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
	const baseURL = normalizeBaseUrl(credentials.baseUrl);
	assertBaseUrl(this.getNode(), network, baseURL, options.itemIndex);
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, info.credentialType, {
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
	const api = { statusCode: response.statusCode, headers: response.headers as IDataObject, body: response.body };
	if (response.statusCode >= 400) throw apiError(this.getNode(), network, api, options.itemIndex);
	if (isMalformedJson(api)) {
		const salvaged = options.salvage?.(String(response.body));
		if (salvaged !== undefined) return salvaged;
		throw malformedJsonError(this.getNode(), network, api, options.itemIndex);
	}
	return response.body as T;
}
