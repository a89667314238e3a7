import type { IDataObject, INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import type { PollBudget } from '../../shared/pollState';
import { PollMemory, leasedPoll, timeOf } from '../../shared/pollState';
import { checkParameterValue, refusedBeforeSending } from '../../shared/validation';
import { apiRequest } from '../../shared/transport';
import { userLocator } from '../shared/fields';
import { ignoredAccounts, isIgnored } from './common';

type PostSource = 'followingFeed' | 'userPosts' | 'search';

/** The account of New Post by a User. */
export const USER_PROPERTY: INodeProperties = {
	...userLocator('user', 'User', undefined, 'The account whose new posts start the workflow'),
	displayOptions: { show: { event: ['userPosts'] } },
};

/** The search of New Post Matching a Search. */
export const QUERY_PROPERTY: INodeProperties = {
	displayName: 'Query',
	name: 'query',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. #clawtter',
	displayOptions: { show: { event: ['search'] } },
};

/**
 * A parameter's value (after expressions ran), checked as the input layer of the action nodes
 * checks it (its type, length and id shape); a bad one is refused before any request.
 */
function checkedText(this: IPollFunctions, property: INodeProperties): string {
	const value = this.getNodeParameter(property.name, '', { extractValue: property.type === 'resourceLocator' }) as unknown;
	const problem = checkParameterValue(property, value);
	if (problem !== undefined) {
		throw new NodeOperationError(this.getNode(), `${property.displayName} (${property.name}) ${problem}. ${refusedBeforeSending('Clawtter')}`, { description: 'Nothing was sent.' });
	}
	return String(value).trim();
}

/** The largest page each source allows: Clawtter's feeds, user lists and search have no cursor. */
const PAGE: Record<PostSource, number> = { followingFeed: 200, userPosts: 200, search: 100 };

/** The candidate posts of one poll, oldest first, each with a `post_id`. */
async function candidates(this: IPollFunctions, budget: PollBudget, source: PostSource): Promise<IDataObject[]> {
	const timeout = budget.timeout();
	if (source === 'followingFeed') {
		// Ids are free; full cards spend the daily read budget, so they are fetched only when needed.
		const body = (await apiRequest.call(this, 'clawtter', 'GET', '/feed/following', { qs: { limit: PAGE.followingFeed, hydrate: 'false' }, timeout })) as IDataObject;
		return ((body.post_ids as string[] | undefined) ?? []).slice().reverse().map((postId) => ({ post_id: postId }));
	}
	if (source === 'userPosts') {
		const user = checkedText.call(this, USER_PROPERTY);
		const body = (await apiRequest.call(this, 'clawtter', 'GET', `/clawtters/${encodeURIComponent(user)}/posts`, { qs: { limit: PAGE.userPosts }, timeout })) as IDataObject;
		// Your own list also shows posts still in review: a post is new once it is approved.
		return ((body.items as IDataObject[] | undefined) ?? [])
			.filter((p) => p.moderation_status === undefined || p.moderation_status === 'approved')
			.sort((a, b) => (timeOf(a.created_at) ?? 0) - (timeOf(b.created_at) ?? 0));
	}
	const q = checkedText.call(this, QUERY_PROPERTY);
	const body = (await apiRequest.call(this, 'clawtter', 'GET', '/search/posts', { qs: { q, limit: PAGE.search }, timeout })) as IDataObject;
	return ((body.items as IDataObject[] | undefined) ?? []).slice().reverse();
}

/**
 * Full cards of the following feed's newest `count` posts (one hydrated read, counted in the daily
 * read budget). When the budget is spent, the posts are emitted as ids with the reason instead of
 * failing every poll until the budget resets.
 */
async function cardsFor(this: IPollFunctions, budget: PollBudget, count: number): Promise<{ cards: IDataObject[]; unavailable?: string }> {
	const read = apiRequest.call(this, 'clawtter', 'GET', '/feed/following', {
		qs: { limit: Math.min(PAGE.followingFeed, Math.max(1, count)), hydrate: 'true' },
		timeout: budget.timeout(),
	}) as Promise<IDataObject>;
	const outcome = await read.then(
		(body) => ({ body, spent: undefined }),
		(error: { httpCode?: string; message?: string; description?: string }) => {
			if (error.httpCode !== '429') return Promise.reject(error);
			return { body: undefined, spent: error };
		},
	);
	if (outcome.spent) {
		const e = outcome.spent;
		return { cards: [], unavailable: `Full card not read: ${e.message ?? 'the daily read budget is spent'}. ${e.description ?? ''}`.trim() };
	}
	return { cards: ((outcome.body as IDataObject).items as IDataObject[] | undefined) ?? [] };
}

const id = (p: IDataObject) => String(p.post_id);

/**
 * New Post in Following Feed / by a User / Matching a Search: each post emitted once, oldest first.
 * These lists have no cursor, so each poll reads the largest page; when a whole page is new after
 * the first poll, more posts than a page may have arrived since the last poll and the oldest item
 * says so (`possible_gap: true`).
 */
export async function pollPosts(this: IPollFunctions, source: PostSource): Promise<INodeExecutionData[][] | null> {
	const key = `posts:${source}`;
	return await leasedPoll(this, key, async (budget) => await poll.call(this, budget, source, key));
}

async function poll(this: IPollFunctions, budget: PollBudget, source: PostSource, key: string): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const staticData = this.getWorkflowStaticData('node');
	const memory = PollMemory.load(staticData, key);
	const posts = await candidates.call(this, budget, source);
	const fullCards = source === 'followingFeed' && options.fullCards !== false;

	if (this.getMode() === 'manual') {
		const newest = posts[posts.length - 1];
		if (!newest) return null;
		const { cards } = fullCards || source === 'followingFeed' ? await cardsFor.call(this, budget, 1) : { cards: [newest] };
		return [[{ json: cards[0] ?? newest }]];
	}

	const fresh = memory.fresh(posts, id);
	const firstRun = !memory.initialized;
	let emit = firstRun && options.emitExisting !== true ? [] : fresh;
	if (emit.length && fullCards) {
		// The feed is newest first: the cards of the newest `n` posts cover every new one.
		const newestFirst = posts.slice().reverse();
		const needed = Math.max(...emit.map((p) => newestFirst.findIndex((q) => id(q) === id(p)))) + 1;
		const { cards, unavailable } = await cardsFor.call(this, budget, needed);
		const byId = new Map(cards.map((c) => [id(c), c]));
		emit = emit.map((p) => byId.get(id(p)) ?? (unavailable ? { ...p, card_unavailable: unavailable } : p));
	}
	if (emit.length) {
		const ignored = await ignoredAccounts.call(this);
		emit = emit.filter((p) => !isIgnored(ignored, p.author));
	}
	const gap = !firstRun && posts.length >= PAGE[source] && fresh.length === posts.length;
	memory.remember(fresh, id);
	memory.save(staticData, key);
	if (!emit.length) return null;
	return [emit.map((json, index) => ({ json: gap && index === 0 ? { ...json, possible_gap: true } : json }))];
}
