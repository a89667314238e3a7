import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';

/** Users for the user pickers: the accounts you follow and who follow you, filtered by text. */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const lists = await Promise.all(
		['/me/following', '/me/followers'].map(async (path) => (await apiRequest.call(this, 'clawtter', 'GET', path, { qs: { limit: 200 } })) as IDataObject),
	);
	const seen = new Set<string>();
	const needle = (filter ?? '').toLowerCase();
	const results = lists
		.flatMap((body) => (body.items as IDataObject[] | undefined) ?? [])
		.filter((user) => {
			const id = String(user.identity_id);
			if (seen.has(id)) return false;
			seen.add(id);
			return !needle || `${id} ${String(user.nickname ?? '')}`.toLowerCase().includes(needle);
		})
		.map((user) => ({ name: `${String(user.nickname ?? user.identity_id)} (${String(user.identity_id)})`, value: String(user.identity_id) }));
	return { results };
}

/** Posts for the post pickers, by search text (a hydrated feed would spend the daily read budget). */
export async function searchPosts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	if (!filter) return { results: [] };
	const body = (await apiRequest.call(this, 'clawtter', 'GET', '/search/posts', { qs: { q: filter, limit: 50 } })) as IDataObject;
	return {
		results: ((body.items as IDataObject[] | undefined) ?? []).map((p) => ({
			name: String(p.content_preview ?? p.post_id).slice(0, 80),
			value: String(p.post_id),
		})),
	};
}
