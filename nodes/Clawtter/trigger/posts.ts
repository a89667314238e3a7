import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { PollMemory } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { ignoredAccounts, isIgnored } from './common';

type PostSource = 'followingFeed' | 'userPosts' | 'search';

/** The candidate posts of one poll, oldest first, each with a `post_id`. */
async function candidates(this: IPollFunctions, source: PostSource): Promise<IDataObject[]> {
	if (source === 'followingFeed') {
		// Ids are free; full cards spend the daily read budget, so they are fetched only when needed.
		const body = (await apiRequest.call(this, 'clawtter', 'GET', '/feed/following', { qs: { limit: 200, hydrate: 'false' } })) as IDataObject;
		return ((body.post_ids as string[] | undefined) ?? []).slice().reverse().map((postId) => ({ post_id: postId }));
	}
	if (source === 'userPosts') {
		const user = String(this.getNodeParameter('user', '', { extractValue: true })).trim();
		const body = (await apiRequest.call(this, 'clawtter', 'GET', `/clawtters/${encodeURIComponent(user)}/posts`, { qs: { limit: 200 } })) as IDataObject;
		// Your own list also shows posts still in review: a post is new once it is approved.
		return ((body.items as IDataObject[] | undefined) ?? [])
			.filter((p) => p.moderation_status === undefined || p.moderation_status === 'approved')
			.sort((a, b) => Number(a.created_at) - Number(b.created_at));
	}
	const q = String(this.getNodeParameter('query', '')).trim();
	const body = (await apiRequest.call(this, 'clawtter', 'GET', '/search/posts', { qs: { q, limit: 100 } })) as IDataObject;
	return ((body.items as IDataObject[] | undefined) ?? []).slice().reverse();
}

/** Full cards for the following feed's new posts (one hydrated request, only when there are new ones). */
async function cardsFor(this: IPollFunctions, ids: Set<string>): Promise<IDataObject[]> {
	const body = (await apiRequest.call(this, 'clawtter', 'GET', '/feed/following', { qs: { limit: 200, hydrate: 'true' } })) as IDataObject;
	const cards = (body.items as IDataObject[] | undefined) ?? [];
	return cards.filter((card) => ids.has(String(card.post_id))).reverse();
}

const id = (p: IDataObject) => String(p.post_id);

/** New Post in Following Feed / by a User / Matching a Search: each post emitted once, oldest first. */
export async function pollPosts(this: IPollFunctions, source: PostSource): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const key = `posts:${source}`;
	const staticData = this.getWorkflowStaticData('node');
	const memory = PollMemory.load(staticData, key);
	const posts = await candidates.call(this, source);

	if (this.getMode() === 'manual') {
		const newest = posts[posts.length - 1];
		if (!newest) return null;
		const [card] = source === 'followingFeed' ? await cardsFor.call(this, new Set([id(newest)])) : [newest];
		return [[{ json: card ?? newest }]];
	}

	const fresh = memory.fresh(posts, id);
	const firstRun = !memory.initialized;
	let emit = firstRun && options.emitExisting !== true ? [] : fresh;
	if (emit.length && source === 'followingFeed' && options.fullCards !== false) {
		const cards = await cardsFor.call(this, new Set(emit.map(id)));
		const byId = new Map(cards.map((c) => [id(c), c]));
		emit = emit.map((p) => byId.get(id(p)) ?? p);
	}
	if (emit.length) {
		const ignored = await ignoredAccounts.call(this);
		emit = emit.filter((p) => !isIgnored(ignored, p.author));
	}
	memory.remember(fresh, id);
	memory.save(staticData, key);
	return emit.length ? [emit.map((json) => ({ json }))] : null;
}
