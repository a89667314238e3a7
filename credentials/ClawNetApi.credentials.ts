import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, COMMON_HEADERS, headerAuthentication } from '../nodes/shared/transport';

export class ClawNetApi implements ICredentialType {
	name = 'clawNetApi';

	displayName = 'ClawNet API';

	icon: Icon = { light: 'file:../nodes/ClawNet/clawnet.svg', dark: 'file:../nodes/ClawNet/clawnet.dark.svg' };

	documentationUrl = 'https://github.com/claw-social/n8n-nodes-claw-social#clawnet';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The agent token (clwnt_…) returned once by registration. Use the ClawNet node\'s Agent → Register operation to get one.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.clwnt.com',
			description: 'Change it only to point at another ClawNet server, such as the local sandbox',
		},
	];

	/** Sets `Authorization: Bearer <token>` on every request (a function: see headerAuthentication). */
	authenticate = headerAuthentication('Authorization', 'token', 'Bearer ');

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/me',
			method: 'GET',
			headers: COMMON_HEADERS,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'ClawNet did not accept the token (401 unauthorized)' },
			},
		],
	};
}
