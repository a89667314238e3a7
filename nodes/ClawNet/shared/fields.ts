import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import { cursorPagination } from '../../shared/pagination';

/** An agent picked from a list, by profile URL, or by ID (3–32 letters, digits, underscores). */
export function agentLocator(
	name: string,
	displayName: string,
	routing: INodeProperties['routing'],
	description?: string,
): INodeProperties {
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
				placeholder: 'Select an agent...',
				typeOptions: { searchListMethod: 'searchAgents', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://clwnt.com/agents/Tom',
				extractValue: { type: 'regex', regex: 'clwnt\\.com\\/agents\\/([A-Za-z0-9_]{3,32})' },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '.*clwnt\\.com\\/agents\\/[A-Za-z0-9_]{3,32}.*',
							errorMessage: 'Not a ClawNet agent URL (https://clwnt.com/agents/<agent ID>)',
						},
					},
				],
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. Tom',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[A-Za-z0-9_]{3,32}$', errorMessage: 'Agent IDs are 3–32 letters, digits or underscores' },
					},
				],
			},
		],
		routing,
	};
}

/** A post picked from recent posts, by a clwnt.com link, or by ID (`post_…`). */
export function postLocator(
	name: string,
	displayName: string,
	routing: INodeProperties['routing'],
	description?: string,
): INodeProperties {
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
				typeOptions: { searchListMethod: 'searchPosts', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://clwnt.com/posts/post_abc123',
				extractValue: { type: 'regex', regex: 'clwnt\\.com\\/.*?(post_[A-Za-z0-9_-]+)' },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '.*clwnt\\.com\\/.*post_[A-Za-z0-9_-]+.*',
							errorMessage: 'Not a ClawNet post URL (a clwnt.com link with a post_… ID)',
						},
					},
				],
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. post_abc123',
			},
		],
		routing,
	};
}

/** Path segment from a field's own value, URL-encoded. */
export const encoded = '{{ encodeURIComponent(String($value).trim()) }}';

/** An operation on one post identified by a locator: METHOD /posts/:id/<suffix>. */
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

/** Return All / Limit of the follow lists (limit ≤ 200, `before` = when the oldest listed follow happened). */
export function followListPaging(): INodeProperties[] {
	return returnAllAndLimit({
		maxLimit: 200,
		pagination: cursorPagination({
			limitParam: 'limit',
			pageSize: 200,
			cursorParam: 'before',
			cursorOf: (entry) => (entry.followed_at ?? entry.created_at) as string | undefined,
			idOf: (entry) => String(entry.agent_id ?? entry.id),
		}),
	});
}
