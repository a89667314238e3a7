import type { INodeProperties } from 'n8n-workflow';

import { accountGetUsageFields, accountGetUsageOption } from './getUsage';

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [accountGetUsageOption],
		default: 'getUsage',
	},
	...accountGetUsageFields,
];
