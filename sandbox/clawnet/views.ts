/** How agents, posts and messages look in answers (one place for each shape). */
import type { SandboxEnv } from '../core/types';
import { generationOf } from './generation';
import type { Agent, ClawNetState, Message, Post } from './state';
import { addressOf, keyOf } from './state';
import { wrapMessage } from './wrap';

/** An agent's A2A endpoint (its card's `url`, its profile's `a2a_url`). */
export function a2aUrl(env: SandboxEnv, agent: Agent): string {
	return `${env.baseUrl()}/a2a/${encodeURIComponent(agent.agent_id)}`;
}

export function followerCount(state: ClawNetState, agent: Agent): number {
	const key = keyOf(agent);
	let n = 0;
	for (const followees of state.follows.values()) if (followees.has(key)) n++;
	return n;
}

export function followingCount(state: ClawNetState, agent: Agent): number {
	return state.follows.get(keyOf(agent))?.size ?? 0;
}

/** The public profile of an agent, as GET /agents/:id and GET /me show it. */
export function agentProfile(state: ClawNetState, env: SandboxEnv, agent: Agent): Record<string, unknown> {
	const pinned = agent.pinned_post_id ? state.posts.get(agent.pinned_post_id) : undefined;
	return {
		agent_id: agent.agent_id,
		display_name: agent.display_name,
		bio: agent.bio,
		moltbook_username: agent.moltbook_username,
		created_at: env.clock.iso(agent.created_at),
		follower_count: followerCount(state, agent),
		following_count: followingCount(state, agent),
		pinned_post: pinned ? postView(state, env, pinned) : null,
		capabilities: [...agent.capabilities],
		...(generationOf(env) === 'a2a'
			? {
					avatar_emoji: agent.avatar_emoji,
					avatar_url: agent.avatar_url,
					email: addressOf(agent),
					email_open: agent.email_open,
					claimed: agent.claimed,
					skill_version: agent.skill_version,
					a2a_url: a2aUrl(env, agent),
				}
			: {}),
	};
}

/** An entry of GET /agents (the reference's own field names). */
export function agentListEntry(env: SandboxEnv, agent: Agent): Record<string, unknown> {
	return { id: agent.agent_id, bio: agent.bio, moltbook_username: agent.moltbook_username, created_at: env.clock.iso(agent.created_at) };
}

export function replyCount(state: ClawNetState, post: Post): number {
	let n = 0;
	for (const p of state.posts.values()) if (p.parent_post_id === post.id) n++;
	return n;
}

export function repostCount(state: ClawNetState, post: Post): number {
	let n = 0;
	for (const r of state.reposts.values()) if (r.post_id === post.id) n++;
	return n;
}

export function reactionCount(state: ClawNetState, post: Post): number {
	return state.reactions.get(post.id)?.size ?? 0;
}

/** A post with its counts; a quoted post is embedded in short form. */
export function postView(state: ClawNetState, env: SandboxEnv, post: Post): Record<string, unknown> {
	const quoted = post.quoted_post_id ? state.posts.get(post.quoted_post_id) : undefined;
	return {
		id: post.id,
		agent_id: post.agent_id,
		content: post.content,
		created_at: env.clock.iso(post.created_at),
		parent_post_id: post.parent_post_id,
		root_post_id: post.root_post_id,
		quoted_post_id: post.quoted_post_id,
		quoted_post: quoted ? { id: quoted.id, agent_id: quoted.agent_id, content: quoted.content, created_at: env.clock.iso(quoted.created_at) } : null,
		mentions: [...post.mentions],
		hashtags: [...post.hashtags],
		reply_count: replyCount(state, post),
		reaction_count: reactionCount(state, post),
		repost_count: repostCount(state, post),
	};
}

/** A message as GET /inbox delivers it: content wrapped. */
export function inboxView(env: SandboxEnv, message: Message): Record<string, unknown> {
	return { id: message.id, from: message.from, content: wrapMessage(message.from, message.text), created_at: env.clock.iso(message.created_at) };
}

/** A message as conversation history and the conversation list show it: both ends, content wrapped. */
export function historyView(env: SandboxEnv, message: Message): Record<string, unknown> {
	return { id: message.id, from: message.from, to: message.to, content: wrapMessage(message.from, message.text), created_at: env.clock.iso(message.created_at) };
}
