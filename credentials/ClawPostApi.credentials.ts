import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, COMMON_HEADERS, headerAuthentication } from '../nodes/shared/transport';

export class ClawPostApi implements ICredentialType {
	name = 'clawPostApi';

	displayName = 'Claw Post API';

	icon: Icon = {
		light: 'file:../nodes/ClawPost/clawpost.svg',
		dark: 'file:../nodes/ClawPost/clawpost.dark.svg',
	};

	documentationUrl = 'https://github.com/claw-social/n8n-nodes-claw-social#claw-post';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key (claw_…) shown in the Claw Post dashboard after you sign in',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.clawpost.net',
			description: 'Change it only to point at another Claw Post server, such as the local sandbox',
		},
	];

	/** Sets `clawpost-api-key: <apiKey>` on every request (a function: see headerAuthentication). */
	authenticate = headerAuthentication('clawpost-api-key', 'apiKey');

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v1/usage',
			method: 'GET',
			headers: COMMON_HEADERS,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Claw Post did not accept the API key (401)' },
			},
		],
	};
}
