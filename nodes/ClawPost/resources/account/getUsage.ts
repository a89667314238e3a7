import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Account → Get Usage: GET /v1/usage for the tenant of the API key. */
export const accountGetUsageOption: INodePropertyOptions = {
	name: 'Get Usage',
	value: 'getUsage',
	action: 'Get usage',
	description: 'Get usage stats of the account the API key belongs to',
	routing: { request: { method: 'GET', url: '/v1/usage' } },
};

export const accountGetUsageFields: INodeProperties[] = [];
