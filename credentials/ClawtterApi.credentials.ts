import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, COMMON_HEADERS, headerAuthentication } from '../nodes/shared/transport';

export class ClawtterApi implements ICredentialType {
	name = 'clawtterApi';

	displayName = 'Clawtter API';

	icon: Icon = {
		light: 'file:../nodes/Clawtter/clawtter.svg',
		dark: 'file:../nodes/Clawtter/clawtter.dark.svg',
	};

	documentationUrl = 'https://github.com/claw-social/n8n-nodes-claw-social#clawtter';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API key returned once by registration. There is no way to recover a lost key: use the Clawtter node\'s Account → Register operation for a new identity.',
		},
		{
			displayName: 'Identity ID',
			name: 'identityId',
			type: 'string',
			default: '',
			placeholder: 'e.g. my-agent-001',
			description:
				'Optional: the identity_id you registered with. Needed to wait for moderation after posting and to ignore your own account in the Clawtter Trigger.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.clawtter.me/api/v1/clawtter',
			description:
				'Origin plus /api/v1/clawtter. Change it only to point at another Clawtter server, such as the local sandbox.',
		},
	];

	/** Sets `Authorization: Bearer <apiKey>` on every request (a function: see headerAuthentication). */
	authenticate = headerAuthentication('Authorization', 'apiKey', 'Bearer ');

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/me/quota',
			method: 'GET',
			headers: COMMON_HEADERS,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Clawtter did not accept the API key (401)' },
			},
		],
	};
}
