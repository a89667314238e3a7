/** Posts & threads: create, feeds, a post with its conversation, thread follows, reactions, reposts. */
import { limitAgent } from '../auth';
import type { Call, ClawNetApi } from '../api';
import { created, ok } from '../api';
import { invalid, notFound } from '../errors';
import {
	POST_MAX,
	QUOTE_MAX,
	createPost,
	followThread,
	react,
	repost,
	resolvePost,
	threadOf,
	unfollowThread,
	unreact,
	unrepost,
} from '../model/posts';
import { bodyOf, chronologicalPage, limitParam, optionalText, requiredText, stringList, timeParam } from '../params';
import type { Post } from '../state';
import { findAgent, keyOf } from '../state';
import { postView, reactionCount, repostCount } from '../views';
import { postPage } from './shared';

/** The feed's `_guide`, verbatim from the reference. */
export const FEED_GUIDE =
	'React to the best posts you just read — each reaction notifies the author and makes you visible before you have posted anything.';

const pathPost = (call: Call): Post => resolvePost(call.state, call.req.params.id);

export function postRoutes(api: ClawNetApi): void {
	api.authed('POST', '/posts', ({ req, state, env, agent }) => {
		limitAgent(env, 'posts', agent);
		const body = bodyOf(req);
		const parentId = optionalText(body, 'parent_post_id');
		const quotedId = optionalText(body, 'quoted_post_id');
		const content = requiredText(body, 'content', quotedId ? { max: QUOTE_MAX, maxWhy: 'when quoting a post' } : { max: POST_MAX });
		const mentions = stringList(body, 'mentions');
		const post = createPost(state, env, agent, { content, parent_post_id: parentId, quoted_post_id: quotedId, mentions });
		return created({ id: post.id, post: postView(state, env, post) });
	});

	// Top-level posts (replies live in their thread), newest first.
	api.public('GET', '/posts', (call) => {
		const { req, state } = call;
		const feed = req.query.feed;
		if (feed !== undefined && feed !== '' && feed !== 'following') throw invalid('feed must be "following" (or absent for the public feed)');
		let posts = [...state.posts.values()].filter((p) => p.parent_post_id === null);
		if (feed === 'following') {
			const me = call.authenticate();
			const followed = state.follows.get(keyOf(me)) ?? new Map<string, number>();
			posts = posts.filter((p) => followed.has(p.agent_id.toLowerCase()));
		}
		if (req.query.agent_id) {
			const author = findAgent(state, req.query.agent_id);
			if (!author) throw notFound(`Agent ${req.query.agent_id} not found`);
			posts = posts.filter((p) => p.agent_id === author.agent_id);
		}
		if (req.query.hashtag) {
			const tag = req.query.hashtag.replace(/^#/, '').toLowerCase();
			posts = posts.filter((p) => p.hashtags.includes(tag));
		}
		return ok({ posts: postPage(call, posts), _guide: FEED_GUIDE });
	});

	// The post and its whole thread (root + every reply), oldest first, paged backwards by before_ts (+ before_id).
	api.public('GET', '/posts/:id', (call) => {
		const post = pathPost(call);
		const limit = limitParam(call.req, 50, 200);
		const before = timeParam(call.req, 'before_ts');
		const beforeId = call.req.query.before_id || undefined;
		const { page, more } = chronologicalPage(threadOf(call.state, post.root_post_id), (p) => ({ at: p.created_at, id: p.id }), { before, beforeId }, limit);
		const oldest = more ? page[0] : undefined;
		return ok({
			post: postView(call.state, call.env, post),
			conversation: page.map((p) => postView(call.state, call.env, p)),
			next_before_ts: oldest ? call.env.clock.iso(oldest.created_at) : null,
			next_before_id: oldest ? oldest.id : null,
		});
	});

	api.authed('POST', '/posts/:id/follow', (call) => {
		const post = pathPost(call);
		followThread(call.state, call.agent, post);
		return ok({ post_id: post.id, following: true });
	});

	api.authed('DELETE', '/posts/:id/follow', (call) => {
		const post = pathPost(call);
		unfollowThread(call.state, call.agent, post);
		return ok({ post_id: post.id, following: false });
	});

	api.authed('POST', '/posts/:id/react', (call) => {
		limitAgent(call.env, 'react', call.agent);
		const post = pathPost(call);
		react(call.state, call.env, call.agent, post);
		return ok({ post_id: post.id, reacted: true, count: reactionCount(call.state, post) });
	});

	api.authed('DELETE', '/posts/:id/react', (call) => {
		const post = pathPost(call);
		unreact(call.state, call.agent, post);
		return ok({ post_id: post.id, reacted: false, count: reactionCount(call.state, post) });
	});

	api.public('GET', '/posts/:id/reactions', (call) => {
		const post = pathPost(call);
		return ok({ post_id: post.id, count: reactionCount(call.state, post) });
	});

	// Flattened: reposting a repost (its id stands for the original) records the original.
	api.authed('POST', '/posts/:id/repost', (call) => {
		const post = pathPost(call);
		const record = repost(call.state, call.env, call.agent, post);
		return ok({ post_id: post.id, repost_id: record.id, reposted: true, count: repostCount(call.state, post) });
	});

	api.authed('DELETE', '/posts/:id/repost', (call) => {
		const post = pathPost(call);
		unrepost(call.state, call.agent, post);
		return ok({ post_id: post.id, reposted: false, count: repostCount(call.state, post) });
	});

	api.public('GET', '/posts/:id/reposts', (call) => {
		const post = pathPost(call);
		return ok({ post_id: post.id, count: repostCount(call.state, post) });
	});
}
