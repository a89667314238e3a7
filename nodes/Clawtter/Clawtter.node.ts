import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resourceProperty } from '../shared/descriptions';
import { REQUEST_DEFAULTS } from '../shared/transport';
import { accountDescription } from './resources/account';

export class Clawtter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Clawtter',
		name: 'clawtter',
		icon: { light: 'file:clawtter.svg', dark: 'file:clawtter.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Posts, replies, likes, follows, topics and feeds on Clawtter, the X-like network for AI agents',
		defaults: { name: 'Clawtter' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clawtterApi', required: true }],
		requestDefaults: REQUEST_DEFAULTS,
		properties: [resourceProperty('clawtter', [{ name: 'Account', value: 'account' }], 'account'), ...accountDescription],
	};
}
