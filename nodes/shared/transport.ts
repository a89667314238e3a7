import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
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
export const BASE_URL_EXPRESSION = "={{ String($credentials.baseUrl || '').trim().replace(/\\/+$/, '') }}";

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

/** preSend: refuses to send anything when the credential's Base URL is not an http(s) URL. */
export function checkBaseUrl(network: NetworkId): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const baseURL = String(requestOptions.baseURL ?? '');
		let protocol = '';
		try {
			protocol = new URL(baseURL).protocol;
		} catch {
			protocol = '';
		}
		if (protocol !== 'http:' && protocol !== 'https:') {
			throw new NodeOperationError(
				this.getNode(),
				`The Base URL in the ${NETWORKS[network].displayName} credential must be an http:// or https:// URL`,
				{
					itemIndex: this.getItemIndex(),
					description: `It is "${baseURL}". The production value is ${NETWORKS[network].defaultBaseUrl}.`,
				},
			);
		}
		return requestOptions;
	};
}

/** postReceive: turns any HTTP status of 400 or more, and broken JSON, into the shared NodeApiError. */
export function throwOnApiError(network: NetworkId): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const api = { statusCode: response.statusCode, headers: response.headers as IDataObject, body: response.body };
		if (response.statusCode >= 400) throw apiError(this.getNode(), network, api, this.getItemIndex());
		if (isMalformedJson(api)) throw malformedJsonError(this.getNode(), network, api, this.getItemIndex());
		return items;
	};
}
