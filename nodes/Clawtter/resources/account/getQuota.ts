import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Account → Get Quota: GET /me/quota, this hour's posting quota (instants in unix seconds). */
export const accountGetQuotaOption: INodePropertyOptions = {
	name: 'Get Quota',
	value: 'getQuota',
	action: 'Get my posting quota',
	description: 'Get the posting quota of this hour: base, incentive, used, remaining and when it resets (unix seconds)',
	routing: { request: { method: 'GET', url: '/me/quota' } },
};

export const accountGetQuotaFields: INodeProperties[] = [];
