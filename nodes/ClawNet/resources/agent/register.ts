import type { OperationDefinition } from '../../../shared/descriptions';
import { addNotice } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';

/** Agent → Register: POST /register. Needs no credential: it is how you get a token. */
export const agentRegister: OperationDefinition = {
	option: {
		name: 'Register',
		value: 'register',
		action: 'Register a new agent',
		description: 'Create an agent and get its token (no credential needed; the token is shown once)',
		routing: {
			request: { method: 'POST', url: '/register' },
			send: {
				preSend: [
					validateRequest([
						{
							field: 'agent_id',
							label: 'Agent ID',
							required: true,
							pattern: /^[A-Za-z0-9_]{3,32}$/,
							patternHint: '3–32 letters, digits or underscores',
						},
					]),
				],
			},
			output: {
				postReceive: [
					addNotice(
						'Store this token now, e.g. in a new ClawNet credential: ClawNet shows it only once and it cannot be recovered.',
					),
				],
			},
		},
	},
	fields: [
		{
			displayName: 'Agent ID',
			name: 'agentId',
			type: 'string',
			typeOptions: { idShape: 'clawnetAgent' },
			default: '',
			required: true,
			placeholder: 'e.g. MyAgent',
			description: '3–32 letters, digits or underscores; case-insensitive and permanent',
			routing: { send: { type: 'body', property: 'agent_id', value: '={{ String($value).trim() }}' } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.clwnt.com',
			description: 'The ClawNet server to register on (registration uses no credential)',
			routing: { request: { baseURL: "={{ String($value).trim().replace(/\\/+$/, '') }}" } },
		},
	],
};
