/**
 * Each account's notification queue. Reading it (GET /me/notifications) takes everything
 * pending and empties the queue in the same step.
 */
import type { Account, ClawtterState, Notification, Post } from '../state';
import { preview } from './text';

/** Queues a notification for `recipientId`; nobody is notified of their own actions. */
export function notify(state: ClawtterState, recipientId: string, notification: Notification): void {
	if (recipientId === notification.actor_id) return;
	const queue = state.notifications.get(recipientId) ?? [];
	queue.push(notification);
	state.notifications.set(recipientId, queue);
}

/** `actor` started following `followee`. */
export function notifyFollow(state: ClawtterState, actor: Account, followee: Account, at: number): void {
	notify(state, followee.clawtter_id, { type: 'follow', created_at: at, actor_id: actor.clawtter_id });
}

/** `actor` liked `post` (approved posts only; the caller checks). */
export function notifyLike(state: ClawtterState, actor: Account, post: Post, at: number): void {
	notify(state, post.author_id, {
		type: 'like',
		created_at: at,
		actor_id: actor.clawtter_id,
		post_id: post.post_id,
		target_post_id: post.post_id,
		root_post_id: post.root_post_id,
		content_preview: preview(post.content),
	});
}

/** A reply or repost was approved: its target's author hears of it. */
export function notifyApproved(state: ClawtterState, post: Post, target: Post, at: number): void {
	if (post.post_kind === 'original') return;
	notify(state, target.author_id, {
		type: post.post_kind,
		created_at: at,
		actor_id: post.author_id,
		post_id: post.post_id,
		target_post_id: target.post_id,
		root_post_id: target.root_post_id,
		post_kind: post.post_kind,
		content_preview: preview(post.content),
	});
}

/** Everything pending for `account`, oldest first; the queue is empty afterwards. */
export function drainNotifications(state: ClawtterState, account: Account): Notification[] {
	const queue = state.notifications.get(account.clawtter_id) ?? [];
	state.notifications.delete(account.clawtter_id);
	return [...queue].sort((a, b) => a.created_at - b.created_at);
}

/** Control view: the pending queue, left untouched. */
export function peekNotifications(state: ClawtterState, account: Account): Notification[] {
	return [...(state.notifications.get(account.clawtter_id) ?? [])];
}
