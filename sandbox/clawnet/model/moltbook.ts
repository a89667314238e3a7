/**
 * Moltbook: verification of an agent's Moltbook account, and Moltbook post follows. The Moltbook
 * side is a stand-in kept in the ClawNet state (posts and comments are made through control routes).
 */
import type { SandboxEnv } from '../../core/types';
import { alreadyExists, invalid, notFound } from '../errors';
import type { Agent, ClawNetState, MoltbookComment, MoltbookPost } from '../state';
import { MINUTE, innerMap, keyOf, stamp } from '../state';
import { excerpt, systemDm } from './messages';

export const VERIFICATION_TTL = 10 * MINUTE;
/** The community verification posts go to. */
export const VERIFY_SUBMOLT = 'clwnt';

const POST_URL = /^https?:\/\/(?:www\.)?moltbook\.com\/post\/([^\s/?#]+)\/?$/i;

export const moltbookPostUrl = (id: string): string => `https://www.moltbook.com/post/${id}`;

/** The post id of a full Moltbook post URL, or undefined (bare ids are not accepted). */
export function postIdOfUrl(url: string): string | undefined {
	return POST_URL.exec(url.trim())?.[1];
}

/** Starts (or restarts) verification: a code valid for 10 minutes and the post to publish. */
export function startVerification(state: ClawNetState, env: SandboxEnv, agent: Agent): Record<string, unknown> {
	const code = `clwnt-${env.random.hex(8)}`;
	const expiresAt = env.clock.now() + VERIFICATION_TTL;
	state.moltbook.verifications.set(keyOf(agent), { code, expires_at: expiresAt });
	return {
		code,
		expires_at: env.clock.iso(expiresAt),
		submolt: VERIFY_SUBMOLT,
		suggested_content: `Verifying my ClawNet agent ${agent.agent_id}: ${code}`,
		instructions: `Post the code to https://www.moltbook.com/m/${VERIFY_SUBMOLT} (or put it in a comment there) within 10 minutes, then POST /moltbook/verify/confirm with the post id.`,
	};
}

/** Where the code may be: the post itself, or any comment on it (or a comment given by its own id). */
function candidates(state: ClawNetState, id: string): Array<{ post: MoltbookPost; author: string; text: string }> {
	const post = state.moltbook.posts.get(id);
	if (post) {
		return [{ post, author: post.author, text: `${post.title}\n${post.content}` }, ...post.comments.map((c) => ({ post, author: c.author, text: c.content }))];
	}
	for (const p of state.moltbook.posts.values()) {
		const comment = p.comments.find((c) => c.id === id);
		if (comment) return [{ post: p, author: comment.author, text: comment.content }];
	}
	return [];
}

/** Checks the Moltbook post (or comment) for the pending code and links its author's username. */
export function confirmVerification(state: ClawNetState, env: SandboxEnv, agent: Agent, postId: string): string {
	const pending = state.moltbook.verifications.get(keyOf(agent));
	if (!pending) throw invalid('No verification in progress: POST /moltbook/verify first');
	if (env.clock.now() >= pending.expires_at) {
		state.moltbook.verifications.delete(keyOf(agent));
		throw invalid('The verification code has expired: POST /moltbook/verify for a new one');
	}
	const places = candidates(state, postId);
	if (places.length === 0) throw notFound(`Moltbook post ${postId} not found`);
	if (places[0].post.submolt.toLowerCase() !== VERIFY_SUBMOLT) throw invalid(`The Moltbook post must be in m/${VERIFY_SUBMOLT}`);
	const match = places.find((p) => p.text.includes(pending.code));
	if (!match) throw invalid(`The verification code was not found in Moltbook post ${postId} or its comments`);
	for (const other of state.agents.values()) {
		if (other !== agent && other.moltbook_username?.toLowerCase() === match.author.toLowerCase()) {
			throw alreadyExists(`Moltbook account ${match.author} is already linked to another agent`);
		}
	}
	agent.moltbook_username = match.author;
	state.moltbook.verifications.delete(keyOf(agent));
	return match.author;
}

export function unlink(state: ClawNetState, agent: Agent): string {
	const username = agent.moltbook_username;
	if (!username) throw notFound('No Moltbook account is linked');
	agent.moltbook_username = null;
	return username;
}

export function followsOf(state: ClawNetState, agent: Agent): Map<string, number> {
	return innerMap(state.moltbook.follows, keyOf(agent));
}

export function unfollowMoltbookPost(state: ClawNetState, agent: Agent, postId: string): void {
	if (!followsOf(state, agent).delete(postId)) throw notFound(`You do not follow Moltbook post ${postId}`);
}

export interface MoltbookPostInput {
	id?: string;
	author: string;
	title?: string;
	content: string;
	submolt?: string;
}

/** Control: a post on the Moltbook stand-in. */
export function addMoltbookPost(state: ClawNetState, env: SandboxEnv, input: MoltbookPostInput, at = stamp(state, env)): MoltbookPost {
	const id = input.id ?? env.random.uuid();
	if (state.moltbook.posts.has(id)) throw alreadyExists(`Moltbook post ${id} already exists`);
	const post: MoltbookPost = { id, author: input.author, submolt: (input.submolt ?? VERIFY_SUBMOLT).replace(/^m\//, ''), title: input.title ?? '', content: input.content, created_at: at, comments: [] };
	state.moltbook.posts.set(id, post);
	return post;
}

/** Control: a comment on a Moltbook post; agents following the post get a DM from ClawNet. */
export function addMoltbookComment(state: ClawNetState, env: SandboxEnv, postId: string, input: { id?: string; author: string; content: string }, at = stamp(state, env)): MoltbookComment {
	const post = state.moltbook.posts.get(postId);
	if (!post) throw notFound(`Moltbook post ${postId} not found`);
	const comment: MoltbookComment = { id: input.id ?? env.random.uuid(), post_id: postId, author: input.author, content: input.content, created_at: at };
	post.comments.push(comment);
	for (const [key, follows] of state.moltbook.follows) {
		const agent = state.agents.get(key);
		if (!agent || !follows.has(postId) || agent.moltbook_username?.toLowerCase() === input.author.toLowerCase()) continue;
		systemDm(state, env, agent, `New comment by ${input.author} on ${moltbookPostUrl(postId)}: "${excerpt(input.content)}"`);
	}
	return comment;
}

export function moltbookPostView(env: SandboxEnv, post: MoltbookPost): Record<string, unknown> {
	return {
		id: post.id,
		url: moltbookPostUrl(post.id),
		author: post.author,
		submolt: post.submolt,
		title: post.title,
		content: post.content,
		created_at: env.clock.iso(post.created_at),
		comments: post.comments.map((c) => ({ id: c.id, author: c.author, content: c.content, created_at: env.clock.iso(c.created_at) })),
	};
}
