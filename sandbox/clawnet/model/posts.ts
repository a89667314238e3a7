/** Posts and threads, thread follows, reactions and reposts. */
import type { SandboxEnv } from '../../core/types';
import { alreadyExists, invalid, notFound } from '../errors';
import type { Agent, ClawNetState, Post, Repost } from '../state';
import { findAgent, innerMap, keyOf, later, newId, stamp } from '../state';
import { excerpt, link, systemDm } from './messages';
import { notify } from './notifications';

/** Content limits: 1500 characters, 750 when quoting a post. */
export const POST_MAX = 1500;
export const QUOTE_MAX = 750;

const MENTION = /(^|[^\p{L}\p{N}_@])@([A-Za-z0-9_]{3,32})(?![\p{L}\p{N}_])/gu;
const HASHTAG = /(^|[^\p{L}\p{N}_#&])#([\p{L}\p{N}_]{1,64})(?![\p{L}\p{N}_])/gu;

/** `@handle`s in a text, in order. */
export function parseMentions(text: string): string[] {
	return [...text.matchAll(MENTION)].map((m) => m[2]);
}

/** `#hashtags` in a text, lower-cased, once each, in order (all-digit tags are not hashtags). */
export function parseHashtags(text: string): string[] {
	const tags = [...text.matchAll(HASHTAG)].map((m) => m[2].toLowerCase()).filter((t) => !/^\d+$/.test(t));
	return [...new Set(tags)];
}

/** A post by id; a repost id stands for the post it reposts. 404 `not_found` otherwise. */
export function resolvePost(state: ClawNetState, id: string, what = 'Post'): Post {
	const post = state.posts.get(id) ?? state.posts.get(state.reposts.get(id)?.post_id ?? '');
	if (!post) throw notFound(`${what} ${id} not found`);
	return post;
}

/** The root post and every reply of a thread. */
export function threadOf(state: ClawNetState, rootId: string): Post[] {
	return [...state.posts.values()].filter((p) => p.root_post_id === rootId);
}

export function threadFollowers(state: ClawNetState, rootId: string): Set<string> {
	let set = state.threadFollows.get(rootId);
	if (!set) {
		set = new Set();
		state.threadFollows.set(rootId, set);
	}
	return set;
}

export interface NewPost {
	content: string;
	parent_post_id?: string | null;
	quoted_post_id?: string | null;
	mentions?: string[];
}

/**
 * Creates a post. The author follows the thread (a top-level post its own, a reply the thread it
 * joins); the thread's other followers get a DM from ClawNet with a link to the reply; every
 * mentioned agent (from `@handle`s and `mentions`, existing agents only) gets a DM too.
 */
export function createPost(state: ClawNetState, env: SandboxEnv, author: Agent, input: NewPost, at = stamp(state, env)): Post {
	const parent = input.parent_post_id ? resolvePost(state, input.parent_post_id, 'parent_post_id') : undefined;
	const quoted = input.quoted_post_id ? resolvePost(state, input.quoted_post_id, 'quoted_post_id') : undefined;
	const mentioned: Agent[] = [];
	for (const handle of [...parseMentions(input.content), ...(input.mentions ?? [])]) {
		const agent = findAgent(state, handle);
		if (agent && !mentioned.includes(agent)) mentioned.push(agent);
	}
	const id = newId(env, 'post');
	const post: Post = {
		id,
		agent_id: author.agent_id,
		content: input.content,
		created_at: at,
		parent_post_id: parent?.id ?? null,
		root_post_id: parent?.root_post_id ?? id,
		quoted_post_id: quoted?.id ?? null,
		mentions: mentioned.map((a) => a.agent_id),
		hashtags: parseHashtags(input.content),
	};
	state.posts.set(id, post);

	const followers = threadFollowers(state, post.root_post_id);
	const toTell = parent ? [...followers].filter((key) => key !== keyOf(author)) : [];
	followers.add(keyOf(author));
	let t = at;
	for (const key of toTell) {
		const follower = state.agents.get(key);
		if (!follower) continue;
		t = later(state, t);
		systemDm(state, env, follower, `${author.agent_id} replied in a thread you follow: "${excerpt(post.content)}" ${link(env, `/posts/${post.id}`)}`, t);
	}
	for (const agent of mentioned) {
		if (keyOf(agent) === keyOf(author)) continue;
		t = later(state, t);
		systemDm(state, env, agent, `${author.agent_id} mentioned you in a post: "${excerpt(post.content)}" ${link(env, `/posts/${post.id}`)}`, t);
	}
	return post;
}

function topLevel(post: Post): void {
	if (post.parent_post_id) throw invalid('Only top-level posts can be followed (this post is a reply)');
}

export function followThread(state: ClawNetState, agent: Agent, post: Post): void {
	topLevel(post);
	const followers = threadFollowers(state, post.id);
	if (followers.has(keyOf(agent))) throw alreadyExists(`You already follow the thread of ${post.id}`);
	followers.add(keyOf(agent));
}

export function unfollowThread(state: ClawNetState, agent: Agent, post: Post): void {
	topLevel(post);
	if (!threadFollowers(state, post.id).delete(keyOf(agent))) throw notFound(`You do not follow the thread of ${post.id}`);
}

/** A like: once per agent per post; the author is notified. */
export function react(state: ClawNetState, env: SandboxEnv, agent: Agent, post: Post, at = stamp(state, env)): void {
	const reactions = innerMap(state.reactions, post.id);
	if (reactions.has(keyOf(agent))) throw alreadyExists(`You already reacted to ${post.id}`);
	reactions.set(keyOf(agent), at);
	const author = findAgent(state, post.agent_id);
	if (author) notify(state, env, author, 'like', post.id, agent, at);
}

export function unreact(state: ClawNetState, agent: Agent, post: Post): void {
	if (!state.reactions.get(post.id)?.delete(keyOf(agent))) throw notFound(`You have not reacted to ${post.id}`);
}

export function repostBy(state: ClawNetState, agent: Agent, post: Post): Repost | undefined {
	for (const r of state.reposts.values()) if (r.post_id === post.id && r.agent === keyOf(agent)) return r;
	return undefined;
}

/** A repost of `post` (already the original: reposts are flattened); the author is notified. */
export function repost(state: ClawNetState, env: SandboxEnv, agent: Agent, post: Post, at = stamp(state, env)): Repost {
	if (repostBy(state, agent, post)) throw alreadyExists(`You already reposted ${post.id}`);
	const record: Repost = { id: newId(env, 'repost'), agent: keyOf(agent), post_id: post.id, created_at: at };
	state.reposts.set(record.id, record);
	const author = findAgent(state, post.agent_id);
	if (author) notify(state, env, author, 'repost', post.id, agent, at);
	return record;
}

export function unrepost(state: ClawNetState, agent: Agent, post: Post): void {
	const record = repostBy(state, agent, post);
	if (!record) throw notFound(`You have not reposted ${post.id}`);
	state.reposts.delete(record.id);
}
