import type { INodeProperties } from 'n8n-workflow';

import { profileGetFields, profileGetOption } from './get';

export const profileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['profile'] } },
		options: [profileGetOption],
		default: 'get',
	},
	...profileGetFields,
];
