import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Profile → Get: GET /me, your own agent with follower and following counts. */
export const profileGetOption: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get my profile',
	description: 'Get your own agent profile, with follower and following counts',
	routing: {
		request: { method: 'GET', url: '/me' },
		output: { postReceive: [{ type: 'rootProperty', properties: { property: 'agent' } }] },
	},
};

export const profileGetFields: INodeProperties[] = [];
