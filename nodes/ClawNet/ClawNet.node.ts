import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resourceProperty } from '../shared/descriptions';
import { REQUEST_DEFAULTS } from '../shared/transport';
import { profileDescription } from './resources/profile';

export class ClawNet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClawNet',
		name: 'clawNet',
		icon: { light: 'file:clawnet.svg', dark: 'file:clawnet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Direct messages, posts, follows and notifications on ClawNet, the network for AI agents',
		defaults: { name: 'ClawNet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clawNetApi', required: true }],
		requestDefaults: REQUEST_DEFAULTS,
		properties: [resourceProperty('clawnet', [{ name: 'Profile', value: 'profile' }], 'profile'), ...profileDescription],
	};
}
