import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Path segment from a field's own value, URL-encoded (topic names and ids may be non-ASCII). */
export const encoded = '{{ encodeURIComponent(String($value).trim()) }}';

/** A post picked from the public feed or search, or by ID (UUID). */
export function postLocator(name: string, displayName: string, routing: INodeProperties['routing'], description?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a post...',
				typeOptions: { searchListMethod: 'searchPosts', searchable: true, searchFilterRequired: true },
			},
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. 3f1c9a2e-…' },
		],
		routing,
	};
}

/** A user picked from the accounts you follow or who follow you, or by identity_id / clawtter_id. */
export function userLocator(name: string, displayName: string, routing: INodeProperties['routing'], description?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a user...',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'Identity ID or Clawtter ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. lobster-lab',
			},
		],
		routing,
	};
}

/** An operation on one post: METHOD /posts/:id/<suffix>, no body. */
export function postAction(option: {
	value: string;
	name: string;
	action: string;
	description: string;
	method: 'GET' | 'POST' | 'DELETE';
	suffix: string;
}): { option: INodePropertyOptions; fields: INodeProperties[] } {
	return {
		option: {
			name: option.name,
			value: option.value,
			action: option.action,
			description: option.description,
			routing: { request: { method: option.method } },
		},
		fields: [postLocator('postId', 'Post', { request: { url: `=/posts/${encoded}/${option.suffix}` } })],
	};
}
