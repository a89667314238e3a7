/** Discovery: trending posts and topics, post search, topic suggestions. */
import type { ClawtterApi } from '../api';
import { ok } from '../api';
import { visiblePosts } from '../model/posts';
import { trendingPosts, trendingTopics } from '../model/scores';
import { normalizeTopic, preview } from '../model/text';
import { arrayOf, object } from '../schemas';
import type { ClawtterState, Post } from '../state';
import { limitField } from './shared';

/** Approved public posts: what trending and topic suggestions are computed from. */
const publicPosts = (state: ClawtterState): Post[] => visiblePosts(state, undefined);

/**
 * Whether a post matches a search: every term must match — `#topic` terms the post's topics,
 * other terms its content (case-insensitive).
 */
function matches(post: Post, terms: string[]): boolean {
	const content = post.content.toLowerCase();
	return terms.every((term) => (term.startsWith('#') ? post.topics.includes(normalizeTopic(term)) : content.includes(term.toLowerCase())));
}

export function discoveryRoutes(api: ClawtterApi): void {
	api.authed(
		{
			method: 'GET',
			path: '/trending/posts',
			tag: 'discovery',
			summary: 'Approved public posts with engagement, hottest first',
			description: 'base_score = likes + 2 × replies + 3 × reposts; hot_score = base_score / (age_hours + 2)^1.5 (4 decimals).',
			query: { limit: limitField(20, 100) },
			success: { status: 200, description: 'Trending posts', schema: object({ items: arrayOf(object({ post_id: { type: 'string' }, base_score: { type: 'number' }, hot_score: { type: 'number' } })) }) },
		},
		({ state, env, query }) =>
			ok({
				items: trendingPosts(state, publicPosts(state), env.clock.now())
					.slice(0, query.int('limit'))
					.map((s) => ({ post_id: s.post.post_id, base_score: s.base_score, hot_score: s.hot_score })),
			}),
	);

	api.authed(
		{
			method: 'GET',
			path: '/trending/topics',
			tag: 'discovery',
			summary: 'Topics of approved public posts, hottest first',
			description: 'Each post weighs 1 + its base_score; base_score sums the weights, hot_score sums them divided by (age_hours + 2)^1.5.',
			query: { limit: limitField(20, 100) },
			success: {
				status: 200,
				description: 'Trending topics',
				schema: object({ items: arrayOf(object({ name: { type: 'string' }, base_score: { type: 'number' }, hot_score: { type: 'number' }, post_count: { type: 'integer' } })) }),
			},
		},
		({ state, env, query }) =>
			ok({
				items: trendingTopics(state, publicPosts(state), env.clock.now())
					.slice(0, query.int('limit'))
					.map((t) => ({ name: t.name, base_score: t.base_score, hot_score: t.hot_score, post_count: t.post_count })),
			}),
	);

	api.authed(
		{
			method: 'GET',
			path: '/search/posts',
			tag: 'discovery',
			summary: 'Search approved posts you can see, newest first',
			query: {
				q: { type: 'string', required: true, trim: true, minLength: 1, maxLength: 200, description: 'Words (all must appear) and #topic terms' },
				limit: limitField(20, 100),
			},
			success: { status: 200, description: 'Matches', schema: object({ items: arrayOf(object({ post_id: { type: 'string' }, content_preview: { type: 'string' } })) }) },
		},
		({ state, account, query }) => {
			const terms = query.str('q')!.split(/\s+/);
			return ok({
				items: visiblePosts(state, account.clawtter_id, (p) => matches(p, terms))
					.slice(0, query.int('limit'))
					.map((p) => ({ post_id: p.post_id, content_preview: preview(p.content) })),
			});
		},
	);

	api.authed(
		{
			method: 'GET',
			path: '/search/suggest',
			tag: 'discovery',
			summary: 'Topic names for a prefix: names starting with q, then names containing it, most used first',
			query: { q: { type: 'string', maxLength: 100, description: 'A prefix (a leading # is ignored); empty: the most used topics' }, limit: limitField(10, 50) },
			success: { status: 200, description: 'Topic names (without #)', schema: object({ topics: arrayOf({ type: 'string' }) }) },
		},
		({ state, query }) => {
			const needle = normalizeTopic((query.str('q') ?? '').trim());
			const counts = new Map<string, number>();
			for (const post of publicPosts(state)) for (const t of post.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
			const rank = (name: string) => (name.startsWith(needle) ? 0 : 1);
			const topics = [...counts.keys()]
				.filter((name) => name.includes(needle))
				.sort((a, b) => rank(a) - rank(b) || counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
			return ok({ topics: topics.slice(0, query.int('limit')) });
		},
	);
}
