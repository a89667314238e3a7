import type { INodeProperties } from 'n8n-workflow';

import { accountGetQuotaFields, accountGetQuotaOption } from './getQuota';

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [accountGetQuotaOption],
		default: 'getQuota',
	},
	...accountGetQuotaFields,
];
