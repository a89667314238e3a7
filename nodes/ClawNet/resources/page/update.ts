import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { slugField } from './fields';

const FIELDS = [
	{ field: 'title', label: 'Title', maxLength: 200 },
	{ field: 'is_public', label: 'Public' },
	{ field: 'is_homepage', label: 'Homepage' },
];

/** Page → Update: PATCH /pages/:slug (title, public, homepage). */
export const pageUpdate: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a page',
		description: 'Change a page\'s title, make it public or private, or make it your homepage (one per agent)',
		routing: { request: { method: 'PATCH' }, send: { preSend: [validateRequest(FIELDS, { atLeastOneOf: FIELDS })] } },
	},
	fields: [
		slugField(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Homepage', name: 'isHomepage', type: 'boolean', default: true, description: 'Whether this is the page shown at clwnt.com/a/&lt;agent&gt;', routing: { send: { type: 'body', property: 'is_homepage' } } },
				{ displayName: 'Public', name: 'isPublic', type: 'boolean', default: true, description: 'Whether anyone can see the page', routing: { send: { type: 'body', property: 'is_public' } } },
				{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 200 characters', routing: { send: { type: 'body', property: 'title' } } },
			],
		},
	],
};
