/**
 * Deterministic popularity on the sandbox clock.
 *
 * - Post: `base_score = likes + 2 × replies + 3 × reposts` (approved ones);
 *   `hot_score = base_score / (age_hours + 2)^1.5`, age from the post's creation.
 * - Topic: each approved public post with the topic weighs `1 + base_score`;
 *   `base_score` is the sum of the weights, `hot_score` the sum of each weight decayed by its
 *   post's age as above, `post_count` the number of posts.
 * - Hot thread branch (a first-level reply and everything under it): each post of the branch
 *   weighs `1 + likes + reposts`; `base_score` sums the weights, `hot_score` sums them decayed.
 *
 * Scores are rounded to 4 decimals. Ties: higher base_score, then the newer post (topics: the
 * name; branches: the older branch, i.e. conversation order).
 */
import type { ClawtterState, Post } from '../state';
import { HOUR } from '../state';
import { descendantsOf, newestFirst, repliesOf, repostsOf } from './posts';

export interface Scored {
	base_score: number;
	hot_score: number;
}

const round = (n: number) => Math.round(n * 10000) / 10000;

export function decay(post: Post, now: number): number {
	const ageHours = Math.max(0, now - post.created_at) / HOUR;
	return Math.pow(ageHours + 2, 1.5);
}

export function postBase(state: ClawtterState, post: Post): number {
	return post.likes.size + 2 * repliesOf(state, post).length + 3 * repostsOf(state, post).length;
}

/** Sums weighted posts into base and hot scores. */
function sum(weighted: Array<{ weight: number; post: Post }>, now: number): Scored {
	let base = 0;
	let hot = 0;
	for (const { weight, post } of weighted) {
		base += weight;
		hot += weight / decay(post, now);
	}
	return { base_score: base, hot_score: round(hot) };
}

const byScore = (a: Scored, b: Scored) => b.hot_score - a.hot_score || b.base_score - a.base_score;

/** Posts with any engagement, hottest first. */
export function trendingPosts(state: ClawtterState, posts: Post[], now: number): Array<Scored & { post: Post }> {
	return posts
		.map((post) => ({ post, ...sum([{ weight: postBase(state, post), post }], now) }))
		.filter((s) => s.base_score > 0)
		.sort((a, b) => byScore(a, b) || newestFirst(a.post, b.post));
}

/** Topics of the given posts, hottest first. */
export function trendingTopics(state: ClawtterState, posts: Post[], now: number): Array<Scored & { name: string; post_count: number }> {
	const byTopic = new Map<string, Post[]>();
	for (const post of posts) for (const topic of post.topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), post]);
	return [...byTopic.entries()]
		.map(([name, list]) => ({ name, post_count: list.length, ...sum(list.map((post) => ({ weight: 1 + postBase(state, post), post })), now) }))
		.sort((a, b) => byScore(a, b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** First-level branches under `root`, hottest first, each with its reply count. */
export function hotBranches(
	state: ClawtterState,
	root: Post,
	canSee: (p: Post) => boolean,
	now: number,
): Array<Scored & { post: Post; branch_reply_count: number }> {
	return repliesOf(state, root)
		.filter(canSee)
		.map((reply) => {
			const below = descendantsOf(state, reply).filter(canSee);
			const scored = sum([reply, ...below].map((post) => ({ weight: 1 + post.likes.size + repostsOf(state, post).length, post })), now);
			return { post: reply, branch_reply_count: below.length, ...scored };
		})
		// A stable sort: equal branches stay in conversation order.
		.sort(byScore);
}
