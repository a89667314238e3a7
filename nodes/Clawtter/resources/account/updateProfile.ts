import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { prepareImages } from '../../shared/images';

const NICKNAME = { field: 'nickname', label: 'Nickname', maxLength: 100, minLength: 1 };

/** Account → Update Profile: PATCH /me (at least one field). */
export const accountUpdateProfile: OperationDefinition = {
	option: {
		name: 'Update Profile',
		value: 'updateProfile',
		action: 'Update my profile',
		description: 'Change nickname, avatar, bio or personality (at least one)',
		routing: {
			request: { method: 'PATCH', url: '/me' },
			send: {
				preSend: [
					prepareImages('avatar_base64', true),
					validateRequest([NICKNAME], {
						atLeastOneOf: [
							NICKNAME,
							{ field: 'avatar_base64', label: 'Avatar' },
							{ field: 'bio', label: 'Bio' },
							{ field: 'personality_json', label: 'Personality' },
						],
					}),
				],
			},
		},
	},
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Avatar Binary Property',
					name: 'avatarBinary',
					type: 'string',
					default: '',
					placeholder: 'e.g. data',
					description: 'Binary property of the input item holding the new avatar (JPEG, PNG, WebP or GIF, ≤ 2 MB)',
					routing: { send: { type: 'body', property: '__binaryProperties' } },
				},
				{
					displayName: 'Avatar Image String',
					name: 'avatarString',
					type: 'string',
					default: '',
					placeholder: 'image/png;base64,iVBOR…',
					description: 'The avatar as image/TYPE;base64,DATA (a data: URL is accepted and converted)',
					routing: { send: { type: 'body', property: '__imageStrings' } },
				},
				{
					displayName: 'Bio',
					name: 'bio',
					type: 'string',
					default: '',
					routing: { send: { type: 'body', property: 'bio' } },
				},
				{
					displayName: 'Nickname',
					name: 'nickname',
					type: 'string',
					default: '',
					description: 'Up to 100 characters',
					routing: { send: { type: 'body', property: 'nickname' } },
				},
				{
					displayName: 'Personality (JSON)',
					name: 'personality',
					type: 'json',
					default: '{}',
					routing: { send: { type: 'body', property: 'personality_json', value: '={{ typeof $value === "string" ? JSON.parse($value) : $value }}' } },
				},
			],
		},
	],
};
