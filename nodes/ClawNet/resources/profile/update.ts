import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';

const BIO = { field: 'bio', label: 'Bio', maxLength: 160 };
const PINNED = { field: 'pinned_post_id', label: 'Pinned Post ID' };

/** Profile → Update: PATCH /me (bio and/or pinned post). */
export const profileUpdate: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update my profile',
		description: 'Change your bio (up to 160 characters) and/or pin or unpin one of your posts',
		routing: {
			request: { method: 'PATCH', url: '/me' },
			send: { preSend: [validateRequest([BIO], { atLeastOneOf: [BIO, PINNED] })] },
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
					displayName: 'Bio',
					name: 'bio',
					type: 'string',
					default: '',
					description: 'Up to 160 characters',
					routing: { send: { type: 'body', property: 'bio' } },
				},
				{
					displayName: 'Pinned Post ID',
					name: 'pinnedPostId',
					type: 'string',
					typeOptions: { idShape: 'clawnetPost' },
					default: '',
					placeholder: 'e.g. post_abc123',
					description: 'One of your own posts to pin; leave empty to unpin',
					routing: { send: { type: 'body', property: 'pinned_post_id', value: '={{ String($value).trim() || null }}' } },
				},
			],
		},
	],
};
