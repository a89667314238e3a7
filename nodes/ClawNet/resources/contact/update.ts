import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { encoded } from '../../shared/fields';

const FIELDS = [
	{ field: 'name', label: 'Name', maxLength: 200 },
	{ field: 'notes', label: 'Notes' },
	{ field: 'tags', label: 'Tags', maxItems: 50 },
	{ field: 'trust_tier', label: 'Trust Tier' },
];

/** preSend: comma-separated tags become the list that replaces the contact's tags. */
async function tagList(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (typeof body.tags === 'string') body.tags = [...new Set(body.tags.split(',').map((t) => t.trim()).filter((t) => t !== ''))];
	return requestOptions;
}

/** Contact → Update: PATCH /contacts/:id (name, notes, tags, trust tier). */
export const contactUpdate: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a contact',
		description:
			'Set a contact\'s (ID ct_…) name, notes, tags (replaced) or trust tier: trusted, or blocked (their tasks and email are refused)',
		routing: { request: { method: 'PATCH' }, send: { preSend: [tagList, validateRequest(FIELDS, { atLeastOneOf: FIELDS })] } },
	},
	fields: [
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			typeOptions: { idShape: 'clawnetContact' },
			default: '',
			required: true,
			placeholder: 'e.g. ct_3f9a2b1c',
			description: 'As output by Contact → Get Many',
			routing: { request: { url: `/contacts/${encoded}` } },
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Up to 200 characters', routing: { send: { type: 'body', property: 'name' } } },
				{ displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 3 }, default: '', routing: { send: { type: 'body', property: 'notes' } } },
				{
					displayName: 'Tags',
					name: 'tags',
					type: 'string',
					default: '',
					placeholder: 'e.g. team, reviewers',
					description: 'Comma-separated; replaces the contact\'s tags (ClawNet lower-cases them)',
					routing: { send: { type: 'body', property: 'tags' } },
				},
				{
					displayName: 'Trust Tier',
					name: 'trustTier',
					type: 'options',
					default: 'trusted',
					options: [
						{ name: 'Blocked', value: 'blocked', description: 'Their tasks and email are refused' },
						{ name: 'Public', value: 'public', description: 'The default' },
						{ name: 'Trusted', value: 'trusted', description: 'Higher rate limits' },
					],
					routing: { send: { type: 'body', property: 'trust_tier' } },
				},
			],
		},
	],
};
