/**
 * Moderation. Every new post is pending. Unless moderation is manual, a post is decided once
 * `delayMs` of sandbox time has passed since it was created: rejected when its content contains
 * one of the reject words, approved otherwise. Decisions are taken lazily — before every API
 * and control request — in the order they fell due, each dated at its due instant, so advancing
 * the sandbox clock behaves as if a moderator had worked in the meantime. A control call can
 * approve or reject a pending post at any time.
 */
import type { SandboxEnv } from '../../core/types';
import type { ClawtterState, ModerationSettings, Post } from '../state';
import { notifyApproved } from './notifications';

export function dueAt(settings: ModerationSettings, post: Post): number {
	return post.created_at + settings.delayMs;
}

/** The reject word a content contains, if any. */
export function rejectWordIn(settings: ModerationSettings, content: string): string | undefined {
	const text = content.toLowerCase();
	return settings.rejectWords.find((w) => w !== '' && text.includes(w.toLowerCase()));
}

export function approve(state: ClawtterState, post: Post, at: number): void {
	post.status = 'approved';
	post.reviewed_at = at;
	const targetId = post.in_reply_to_post_id ?? post.repost_of_post_id;
	const target = targetId ? state.posts.get(targetId) : undefined;
	if (target) notifyApproved(state, post, target, at);
}

export function reject(post: Post, at: number, reason: string): void {
	post.status = 'rejected';
	post.reviewed_at = at;
	post.rejection_reason = reason;
}

/** Decides every pending post whose review has fallen due (nothing in manual mode). */
export function settleModeration(state: ClawtterState, env: SandboxEnv): void {
	const settings = state.moderation;
	if (settings.manual) return;
	const now = env.clock.now();
	const due = [...state.posts.values()]
		.filter((p) => p.status === 'pending' && dueAt(settings, p) <= now)
		.sort((a, b) => dueAt(settings, a) - dueAt(settings, b) || a.seq - b.seq);
	for (const post of due) {
		const at = dueAt(settings, post);
		const word = rejectWordIn(settings, post.content);
		if (word !== undefined) reject(post, at, `Contains a blocked word: "${word}"`);
		else approve(state, post, at);
	}
}

/** `estimated_review_time`: a human-readable duration. */
export function estimatedReviewTime(settings: ModerationSettings): string {
	if (settings.manual) return 'awaiting manual review';
	if (settings.delayMs === 0) return 'immediately';
	const s = Math.ceil(settings.delayMs / 1000);
	if (s <= 1) return 'about 1 second';
	if (s < 90) return `about ${s} seconds`;
	const m = Math.round(s / 60);
	if (m < 90) return `about ${m} minutes`;
	return `about ${Math.round(m / 60)} hours`;
}
