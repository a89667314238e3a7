/**
 * Clawtter's control routes (`/_control/clawtter/…`, for tests and demos): moderation (settings,
 * approve / reject a pending post), the configurable limits, posts made directly as any account,
 * and read-only views of posts, notification queues, reports and feedback.
 */
import { json } from '../core/http';
import { HttpError } from '../core/httpError';
import type { Router } from '../core/router';
import type { Handler, SandboxEnv, SandboxRequest } from '../core/types';
import { approve, dueAt, reject, settleModeration } from './model/moderation';
import { createPost } from './model/posts';
import { peekNotifications } from './model/notifications';
import { preview } from './model/text';
import type { ClawtterState, Limits, Post, PostKind, Visibility } from './state';
import { accountOf, findAccount, seconds } from './state';
import { notificationView } from './views';

const invalid = (message: string) => new HttpError(400, 'invalid_request', message);
const missing = (message: string) => new HttpError(404, 'not_found', message);

function bodyOf(req: SandboxRequest): Record<string, unknown> {
	return (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
}

function text(body: Record<string, unknown>, field: string, required: boolean): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) {
		if (required) throw invalid(`${field} is required`);
		return undefined;
	}
	if (typeof value !== 'string') throw invalid(`${field} must be a string`);
	return value;
}

function count(body: Record<string, unknown>, field: string, min: number): number | undefined {
	const value = body[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw invalid(`${field} must be an integer ≥ ${min}`);
	return value;
}

export function controlPostView(state: ClawtterState, post: Post): Record<string, unknown> {
	return {
		post_id: post.post_id,
		identity_id: accountOf(state, post.author_id).identity_id,
		post_kind: post.post_kind,
		content: post.content,
		topics: post.topics,
		visibility: post.visibility,
		in_reply_to_post_id: post.in_reply_to_post_id,
		repost_of_post_id: post.repost_of_post_id,
		root_post_id: post.root_post_id,
		moderation_status: post.status,
		rejection_reason: post.rejection_reason,
		created_at: seconds(post.created_at),
		reviewed_at: post.reviewed_at === null ? null : seconds(post.reviewed_at),
		like_count: post.likes.size,
		image_count: post.images.length,
	};
}

function pendingPost(state: ClawtterState, id: string): Post {
	const post = state.posts.get(id);
	if (!post) throw missing(`No post ${id}`);
	if (post.status !== 'pending') throw new HttpError(409, 'conflict', `Post ${id} is already ${post.status}`);
	return post;
}

function settings(state: ClawtterState): Record<string, unknown> {
	return { ...state.moderation, rejectWords: [...state.moderation.rejectWords] };
}

export function clawtterControlRoutes(router: Router<ClawtterState>): void {
	/** Every control route first takes the moderation decisions that have fallen due. */
	const route = (method: string, path: string, handler: Handler<ClawtterState>) =>
		router.add(method, path, (req, state, env: SandboxEnv) => {
			settleModeration(state, env);
			return handler(req, state, env);
		});

	route('GET', '/moderation', (_req, state, env) =>
		json(200, {
			settings: settings(state),
			pending: [...state.posts.values()]
				.filter((p) => p.status === 'pending')
				.map((p) => ({ ...controlPostView(state, p), due_at: state.moderation.manual ? null : seconds(dueAt(state.moderation, p)) })),
			now: env.clock.nowSeconds(),
		}),
	);

	// {delayMs?, manual?, rejectWords?}: the delay counts from each post's creation, also for posts already pending.
	route('POST', '/moderation/settings', (req, state, env) => {
		const body = bodyOf(req);
		const delayMs = count(body, 'delayMs', 0);
		if (body.manual !== undefined && typeof body.manual !== 'boolean') throw invalid('manual must be true or false');
		const words = body.rejectWords;
		if (words !== undefined && (!Array.isArray(words) || words.some((w) => typeof w !== 'string'))) throw invalid('rejectWords must be an array of strings');
		if (delayMs !== undefined) state.moderation.delayMs = delayMs;
		if (typeof body.manual === 'boolean') state.moderation.manual = body.manual;
		if (words !== undefined) state.moderation.rejectWords = [...(words as string[])];
		settleModeration(state, env);
		return json(200, { settings: settings(state) });
	});

	route('POST', '/moderation/posts/:post_id/approve', (req, state, env) => {
		const post = pendingPost(state, req.params.post_id);
		approve(state, post, env.clock.now());
		return json(200, { post: controlPostView(state, post) });
	});

	// {reason?}
	route('POST', '/moderation/posts/:post_id/reject', (req, state, env) => {
		const post = pendingPost(state, req.params.post_id);
		reject(post, env.clock.now(), text(bodyOf(req), 'reason', false) ?? 'Rejected by a moderator');
		return json(200, { post: controlPostView(state, post) });
	});

	route('GET', '/limits', (_req, state) => json(200, { limits: state.limits }));

	// {baseQuota?, dailyReads?, dailyFeedback?}
	route('POST', '/limits', (req, state) => {
		const body = bodyOf(req);
		const next: Partial<Limits> = {};
		for (const field of ['baseQuota', 'dailyReads', 'dailyFeedback'] as const) {
			const value = count(body, field, 0);
			if (value !== undefined) next[field] = value;
		}
		Object.assign(state.limits, next);
		return json(200, { limits: state.limits });
	});

	route('GET', '/posts', (_req, state) => json(200, { posts: [...state.posts.values()].map((p) => controlPostView(state, p)) }));

	// A post made directly as any account, without quota: {identity_id, content, post_kind?,
	// in_reply_to_post_id?, repost_of_post_id?, visibility?, approved? (default true)}.
	route('POST', '/posts', (req, state, env) => {
		const body = bodyOf(req);
		const author = findAccount(state, text(body, 'identity_id', true)!);
		if (!author) throw missing('No such account');
		const kind = (text(body, 'post_kind', false) ?? 'original') as PostKind;
		if (!['original', 'reply', 'repost'].includes(kind)) throw invalid('post_kind must be original, reply or repost');
		const visibility = (text(body, 'visibility', false) ?? 'public') as Visibility;
		if (!['public', 'followers'].includes(visibility)) throw invalid('visibility must be public or followers');
		const targetId = kind === 'reply' ? text(body, 'in_reply_to_post_id', true) : kind === 'repost' ? text(body, 'repost_of_post_id', true) : undefined;
		const target = targetId !== undefined ? state.posts.get(targetId) : undefined;
		if (targetId !== undefined && (!target || target.status !== 'approved')) throw invalid(`${targetId} is not an approved post`);
		const post = createPost(state, env, author, { content: text(body, 'content', true)!, post_kind: kind, target, visibility }, env.clock.now());
		if (body.approved !== false) approve(state, post, env.clock.now());
		return json(201, { post: controlPostView(state, post) });
	});

	// The pending notifications of an account, left in the queue.
	route('GET', '/notifications/:identity_id', (req, state, env) => {
		const account = findAccount(state, req.params.identity_id);
		if (!account) throw missing('No such account');
		return json(200, { items: peekNotifications(state, account).map((n) => notificationView(state, env, n)) });
	});

	route('GET', '/reports', (_req, state, env) =>
		json(200, {
			reports: state.reports.map((r) => ({
				...r,
				reporter_identity_id: accountOf(state, r.reporter_id).identity_id,
				post_preview: preview(state.posts.get(r.post_id)?.content ?? ''),
				created_at: seconds(r.created_at),
			})),
			now: env.clock.nowSeconds(),
		}),
	);

	route('GET', '/feedback', (_req, state) =>
		json(200, { feedback: state.feedback.map((f) => ({ ...f, identity_id: accountOf(state, f.account_id).identity_id, created_at: seconds(f.created_at) })) }),
	);
}
