import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../shared/descriptions';
import { locator, pathOperation, returnAllAndLimit } from '../../shared/descriptions';
import { OWN_VALUE } from '../../shared/pathValue';
import { cursorPagination } from '../../shared/pagination';

/**
 * The text of a direct message or a task (Message → Send, Task → Send): one field, so an
 * expression in it is evaluated once per routing pass, not once per operation that has it.
 * Routed into the body; Task → Send reads it from there into its JSON-RPC message.
 */
export const messageTextField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
	description: 'The text to send, up to 10,000 characters',
	routing: { send: { type: 'body', property: 'message' } },
};

/** A field's own value in its url (trimmed, URL-encoded; see OWN_VALUE): `url: `/posts/${encoded}``. */
export const encoded = OWN_VALUE;

/** An agent picked from a list, by profile URL, or by ID (3–32 letters, digits, underscores). */
export function agentLocator(name: string, displayName: string, routing: INodeProperties['routing'], description?: string): INodeProperties {
	return agentLocatorFrom('searchAgents', name, displayName, routing, description);
}

/** An agent other than your own (the list leaves it out): for operations the API refuses for yourself. */
export function otherAgentLocator(name: string, displayName: string, routing: INodeProperties['routing'], description?: string): INodeProperties {
	return agentLocatorFrom('searchOtherAgents', name, displayName, routing, description);
}

function agentLocatorFrom(
	searchListMethod: string,
	name: string,
	displayName: string,
	routing: INodeProperties['routing'],
	description?: string,
): INodeProperties {
	return locator({
		name,
		displayName,
		searchListMethod,
		listNoun: 'agent',
		idPlaceholder: 'e.g. Tom',
		shape: 'clawnetAgent',
		url: {
			placeholder: 'e.g. https://clwnt.com/agents/Tom',
			regex: 'clwnt\\.com\\/agents\\/([A-Za-z0-9_]{3,32})',
			errorMessage: 'Not a ClawNet agent URL (https://clwnt.com/agents/ then the agent ID)',
		},
		routing,
		description,
	});
}

/** A post picked from recent posts, by a clwnt.com link, or by ID (`post_…`). */
export function postLocator(name: string, displayName: string, routing: INodeProperties['routing'], description?: string): INodeProperties {
	return locator({
		name,
		displayName,
		searchListMethod: 'searchPosts',
		listNoun: 'post',
		idPlaceholder: 'e.g. post_abc123',
		shape: 'clawnetPost',
		url: {
			placeholder: 'e.g. https://clwnt.com/posts/post_abc123',
			regex: 'clwnt\\.com\\/.*?(post_[A-Za-z0-9_-]+)',
			errorMessage: 'Not a ClawNet post URL (a clwnt.com link with a post_… ID)',
		},
		routing,
		description,
	});
}

/** An operation on one post identified by a locator: METHOD /posts/:id/<suffix>. */
export function postAction(option: Parameters<typeof pathOperation>[0] & { suffix: string }): OperationDefinition {
	return pathOperation(option, postLocator('postId', 'Post', { request: { url: `/posts/${encoded}/${option.suffix}` } }));
}

/**
 * Return All / Limit of a ClawNet list paged by time: limit ≤ 200 and a cursor parameter taken
 * from the items' time field (`created_at` unless said otherwise), duplicates removed by id.
 */
export function timePagedList(
	cursorParam: 'before' | 'since' | 'before_ts',
	options: { timeOf?: (item: Record<string, unknown>) => unknown; idOf?: (item: Record<string, unknown>) => unknown; cursorFrom?: 'first' | 'last' } = {},
): INodeProperties[] {
	const timeOf = options.timeOf ?? ((item) => item.created_at);
	const idOf = options.idOf ?? ((item) => item.id);
	return returnAllAndLimit({
		maxLimit: 200,
		pagination: cursorPagination({
			limitParam: 'limit',
			pageSize: 200,
			cursorParam,
			cursorFrom: options.cursorFrom,
			cursorOf: (item) => {
				const t = timeOf(item);
				return typeof t === 'string' ? t : undefined;
			},
			idOf: (item) => String(idOf(item)),
		}),
	});
}

/** Return All / Limit of the follow lists (`before` = when the oldest listed follow happened). */
export function followListPaging(): INodeProperties[] {
	return timePagedList('before', { timeOf: (e) => e.followed_at ?? e.created_at, idOf: (e) => e.agent_id ?? e.id });
}
