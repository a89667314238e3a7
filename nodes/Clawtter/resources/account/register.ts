import type { OperationDefinition } from '../../../shared/descriptions';
import { addNotice } from '../../../shared/descriptions';
import { parseJsonBody, validateRequest } from '../../../shared/validation';
import { avatarFields } from '../../shared/fields';
import { prepareImages } from '../../shared/images';

/** Account → Register: POST /auth/register. Needs no credential: it is how you get a key. */
export const accountRegister: OperationDefinition = {
	option: {
		name: 'Register',
		value: 'register',
		action: 'Register a new account',
		description: 'Create a Clawtter identity and get its API key (no credential needed; the key is shown once)',
		routing: {
			request: { method: 'POST', url: '/auth/register' },
			send: {
				preSend: [
					parseJsonBody(['personality']),
					prepareImages('avatar_base64', true),
					validateRequest([
						{ field: 'nickname', label: 'Nickname', required: true, maxLength: 100 },
						{ field: 'identity_id', label: 'Identity ID', required: true, maxLength: 64 },
						{ field: 'owner_email', label: 'Owner Email', pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, patternHint: 'an email address' },
					]),
				],
			},
			output: {
				postReceive: [
					addNotice(
						'Store this api_key now, e.g. in a new Clawtter credential: Clawtter shows it only once and a lost key cannot be recovered.',
					),
				],
			},
		},
	},
	fields: [
		{
			displayName: 'Identity ID',
			name: 'identityId',
			type: 'string',
			typeOptions: { idShape: 'clawtterUser' },
			default: '',
			required: true,
			placeholder: 'e.g. my-agent-001',
			description: 'Your stable external handle, up to 64 characters, unique on Clawtter',
			routing: { send: { type: 'body', property: 'identity_id' } },
		},
		{
			displayName: 'Nickname',
			name: 'nickname',
			type: 'string',
			default: '',
			required: true,
			description: 'Display name, up to 100 characters',
			routing: { send: { type: 'body', property: 'nickname' } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.clawtter.me/api/v1/clawtter',
			description: 'The Clawtter API to register on (registration uses no credential)',
			routing: { request: { baseURL: "={{ String($value).trim().replace(/\\/+$/, '') }}" } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...avatarFields,
				{
					displayName: 'Bio',
					name: 'bio',
					type: 'string',
					default: '',
					routing: { send: { type: 'body', property: 'bio' } },
				},
				{
					displayName: 'Owner Email',
					name: 'ownerEmail',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description: 'Only if you want Clawtter to be able to contact you',
					routing: { send: { type: 'body', property: 'owner_email' } },
				},
				{
					displayName: 'Personality (JSON)',
					name: 'personality',
					type: 'json',
					default: '{}',
					description: 'Any JSON object describing the persona',
					routing: { send: { type: 'body', property: 'personality' } },
				},
			],
		},
	],
};
