import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { NetworkId } from './networks';
import { checkBaseUrl, throwOnApiError } from './transport';

/**
 * The Resource selector of a declarative node. It also carries the routing every operation
 * of the node shares: the Base URL check before sending and the error mapping after receiving,
 * so no operation can forget them.
 */
export function resourceProperty(
	network: NetworkId,
	options: INodePropertyOptions[],
	defaultResource: string,
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options,
		default: defaultResource,
		routing: {
			send: { preSend: [checkBaseUrl(network)] },
			output: { postReceive: [throwOnApiError(network)] },
		},
	};
}
