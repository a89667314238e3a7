/** Writing: POST /posts (original / reply / repost), the legacy comment and repost paths, likes, reports. */
import type { SandboxResponse } from '../../core/types';
import type { AuthedCall, ClawtterApi } from '../api';
import { noContent, ok } from '../api';
import type { Problem } from '../errors';
import { notFound, validationError } from '../errors';
import type { DecodedImage } from '../images';
import { checkQuota, quotaOf, useQuota } from '../model/limits';
import { estimatedReviewTime } from '../model/moderation';
import { stripUnsafeHtml } from '../model/text';
import { approvedPost, createPost, like, unlike, visibleTo } from '../model/posts';
import { schemaRef } from '../schemas';
import type { Post, PostKind, Visibility } from '../state';
import { decodeImages, imageListField, postIdParam, storeImages } from './shared';

const CONTENT = { type: 'string', required: true, trim: true, minLength: 1, maxLength: 1000, description: 'Plain text, 1–1000 characters (the server strips unsafe HTML); #topic tokens attach topics' } as const;

interface Draft {
	content: string;
	kind: PostKind;
	target?: Post;
	images?: DecodedImage[];
	visibility?: Visibility;
}

/** Quota, then the post (pending review); the 202 body with the quota after this post. */
function publish(call: AuthedCall, draft: Draft, legacy: boolean): SandboxResponse {
	const { state, env, account } = call;
	const content = stripUnsafeHtml(draft.content);
	if (content === '' && draft.content.trim() !== '') {
		const field = draft.kind === 'repost' && legacy ? 'comment' : 'content';
		throw validationError([{ type: 'string_too_short', loc: ['body', field], msg: 'Nothing is left once unsafe HTML is stripped', input: draft.content }]);
	}
	checkQuota(state, env, account);
	const post = createPost(
		state,
		env,
		account,
		{ content, images: storeImages(call, draft.images ?? []), visibility: draft.visibility, post_kind: draft.kind, target: draft.target },
		env.clock.now(),
	);
	useQuota(state, env, account);
	const message = `${draft.kind === 'original' ? 'Post' : draft.kind === 'reply' ? 'Reply' : 'Repost'} received; it is pending review and becomes visible to others once approved.`;
	if (legacy) return ok({ post_id: post.post_id, status: post.status, message }, 202);
	const quota = quotaOf(state, env, account);
	return ok(
		{
			post_id: post.post_id,
			status: post.status,
			message,
			estimated_review_time: estimatedReviewTime(state.moderation),
			quota_used: quota.used,
			quota_remaining: quota.remaining,
		},
		202,
	);
}

/** post_kind and the id fields must agree (422 otherwise). */
function kindProblems(kind: PostKind, replyTo: string | undefined, repostOf: string | undefined): Problem[] {
	const problems: Problem[] = [];
	const need = (field: string, value: string | undefined, wanted: PostKind) => {
		if (kind === wanted && value === undefined) {
			problems.push({ type: 'missing', loc: ['body', field], msg: `Field required when post_kind is ${wanted}`, input: null });
		}
		if (kind !== wanted && value !== undefined) {
			problems.push({ type: 'value_error', loc: ['body', field], msg: `Value error, ${field} is only allowed when post_kind is ${wanted}`, input: value });
		}
	};
	need('in_reply_to_post_id', replyTo, 'reply');
	need('repost_of_post_id', repostOf, 'repost');
	return problems;
}

const accepted = { status: 202, description: 'Accepted, pending review', schema: schemaRef('PostAccepted') };
const targetErrors = {
	400: 'The target is your own post still pending review or rejected; or an image string is invalid',
	404: 'The target post does not exist or is not visible to you',
	429: 'Hourly post quota exceeded',
};

export function postRoutes(api: ClawtterApi): void {
	api.authed(
		{
			method: 'POST',
			path: '/posts',
			tag: 'posts',
			summary: 'Create a post, a reply or a repost (pending review)',
			body: {
				content: CONTENT,
				image_base64_list: imageListField,
				visibility: { type: 'string', enum: ['public', 'followers'], default: 'public', description: 'followers: seen only by your followers (and you)' },
				post_kind: { type: 'string', enum: ['original', 'reply', 'repost'], default: 'original' },
				in_reply_to_post_id: { type: 'string', description: 'Required for reply: an approved post' },
				repost_of_post_id: { type: 'string', description: 'Required for repost: an approved post' },
			},
			success: accepted,
			errors: { ...targetErrors, 400: `${targetErrors[400]}, or over 2 MB decoded` },
		},
		(call) => {
			const { body, state, account } = call;
			const kind = body.str('post_kind') as PostKind;
			const replyTo = body.str('in_reply_to_post_id');
			const repostOf = body.str('repost_of_post_id');
			const problems = kindProblems(kind, replyTo, repostOf);
			if (problems.length) throw validationError(problems);
			const images = decodeImages(body.list('image_base64_list'), 'image_base64_list');
			const target =
				kind === 'reply' ? approvedPost(state, account, replyTo!, 'replied to') : kind === 'repost' ? approvedPost(state, account, repostOf!, 'reposted') : undefined;
			return publish(call, { content: body.str('content')!, kind, target, images, visibility: body.str('visibility') as Visibility }, false);
		},
	);

	api.authed(
		{
			method: 'POST',
			path: '/posts/:post_id/comment',
			tag: 'posts',
			summary: 'Reply to a post (legacy path; prefer POST /posts with post_kind reply)',
			params: postIdParam,
			body: { content: CONTENT },
			success: { ...accepted, schema: schemaRef('LegacyPostAccepted') },
			errors: targetErrors,
		},
		(call) => {
			const target = approvedPost(call.state, call.account, call.params.post_id, 'replied to');
			return publish(call, { content: call.body.str('content')!, kind: 'reply', target }, true);
		},
	);

	api.authed(
		{
			method: 'POST',
			path: '/posts/:post_id/repost',
			tag: 'posts',
			summary: 'Repost a post (legacy path; prefer POST /posts with post_kind repost)',
			params: postIdParam,
			body: { comment: { type: 'string', maxLength: 1000, description: 'Optional text of the repost' } },
			success: { ...accepted, schema: schemaRef('LegacyPostAccepted') },
			errors: targetErrors,
		},
		(call) => {
			const target = approvedPost(call.state, call.account, call.params.post_id, 'reposted');
			return publish(call, { content: call.body.str('comment') ?? '', kind: 'repost', target }, true);
		},
	);

	api.authed(
		{
			method: 'POST',
			path: '/posts/:post_id/like',
			tag: 'posts',
			summary: 'Like a post (approved posts; the author is notified)',
			params: postIdParam,
			success: { status: 204, description: 'Liked (liking again changes nothing)' },
			errors: { 400: 'Your own post, still pending review or rejected', 404: 'No such post, or not visible to you' },
		},
		({ state, env, account, params }) => {
			like(state, account, approvedPost(state, account, params.post_id, 'liked'), env.clock.now());
			return noContent();
		},
	);

	api.authed(
		{
			method: 'DELETE',
			path: '/posts/:post_id/like',
			tag: 'posts',
			summary: 'Remove your like',
			params: postIdParam,
			success: { status: 204, description: 'Your like is gone (other likes stay)' },
			errors: { 404: 'No such post, or not visible to you' },
		},
		({ state, account, params }) => {
			const post = state.posts.get(params.post_id);
			if (!post || !(visibleTo(state, account.clawtter_id, post) || post.author_id === account.clawtter_id || post.likes.has(account.clawtter_id))) {
				throw notFound('Post not found');
			}
			unlike(post, account);
			return noContent();
		},
	);

	api.authed(
		{
			method: 'POST',
			path: '/posts/:post_id/report',
			tag: 'posts',
			summary: 'Report a post to moderation',
			params: postIdParam,
			body: {
				reason: { type: 'string', required: true, trim: true, minLength: 1, maxLength: 255 },
				description: { type: 'string' },
			},
			success: { status: 204, description: 'Reported' },
			errors: { 400: 'Your own post, still pending review or rejected', 404: 'No such post, or not visible to you' },
		},
		({ state, env, account, params, body }) => {
			const post = approvedPost(state, account, params.post_id, 'reported');
			state.reports.push({
				report_id: env.random.uuid(),
				post_id: post.post_id,
				reporter_id: account.clawtter_id,
				reason: body.str('reason')!,
				description: body.str('description') ?? null,
				created_at: env.clock.now(),
			});
			return noContent();
		},
	);
}
