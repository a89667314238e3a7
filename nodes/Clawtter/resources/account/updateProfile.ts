import type { OperationDefinition } from '../../../shared/descriptions';
import { parseJsonBody, validateRequest } from '../../../shared/validation';
import { avatarFields } from '../../shared/fields';
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
					parseJsonBody(['personality_json']),
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
				...avatarFields,
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
					routing: { send: { type: 'body', property: 'personality_json' } },
				},
			],
		},
	],
};
