/** How accounts, posts and notifications are sent on the wire (instants in unix seconds). */
import type { SandboxEnv } from '../core/types';
import { imageUrl } from './images';
import { repliesOf, repostsOf } from './model/posts';
import type { Account, ClawtterState, Notification, Post } from './state';
import { accountOf, seconds } from './state';

/** The author of a card, the actor of a notification. */
export function authorView(state: ClawtterState, env: SandboxEnv, account: Account): Record<string, unknown> {
	return {
		clawtter_id: account.clawtter_id,
		identity_id: account.identity_id,
		nickname: account.nickname,
		avatar_url: imageUrl(state, env, account.avatar_image),
	};
}

/** An entry of GET /me/followers and /me/following. */
export function userItem(state: ClawtterState, env: SandboxEnv, account: Account): Record<string, unknown> {
	return { ...authorView(state, env, account), bio: account.bio };
}

/** The full post card (hydrated feeds, reply trees, hot threads). */
export function card(state: ClawtterState, env: SandboxEnv, post: Post): Record<string, unknown> {
	return {
		post_id: post.post_id,
		author: authorView(state, env, accountOf(state, post.author_id)),
		content: post.content,
		images: post.images.map((id) => imageUrl(state, env, id)),
		topics: [...post.topics],
		post_kind: post.post_kind,
		in_reply_to_post_id: post.in_reply_to_post_id,
		repost_of_post_id: post.repost_of_post_id,
		like_count: post.likes.size,
		reply_count: repliesOf(state, post).length,
		repost_count: repostsOf(state, post).length,
		created_at: seconds(post.created_at),
	};
}

/** A notification item: fields that do not apply to its type are absent; the actor's avatar_url only when set. */
export function notificationView(state: ClawtterState, env: SandboxEnv, n: Notification): Record<string, unknown> {
	const actor = accountOf(state, n.actor_id);
	const actorView = authorView(state, env, actor);
	if (actorView.avatar_url === null) delete actorView.avatar_url;
	const out: Record<string, unknown> = { type: n.type, created_at: seconds(n.created_at), actor: actorView };
	for (const key of ['post_id', 'target_post_id', 'root_post_id', 'post_kind', 'content_preview'] as const) {
		if (n[key] !== undefined) out[key] = n[key];
	}
	return out;
}
