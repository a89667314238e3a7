/**
 * Posts: creation (always pending review), who may see a post, the post a reply / repost / like
 * / read points at, thread structure and likes.
 */
import type { SandboxEnv } from '../../core/types';
import { badRequest, notFound } from '../errors';
import type { Account, ClawtterState, Post, PostKind, Visibility } from '../state';
import { nextSeq } from '../state';
import { notifyLike } from './notifications';
import { isFollowing } from './social';
import { extractTopics } from './text';

export interface NewPost {
	content: string;
	/** Ids of stored images. */
	images?: string[];
	visibility?: Visibility;
	post_kind?: PostKind;
	/** The approved parent of a reply / target of a repost. */
	target?: Post;
}

/** Records a new post, pending review (model/moderation.ts decides it). */
export function createPost(state: ClawtterState, env: SandboxEnv, author: Account, input: NewPost, at: number): Post {
	const kind = input.post_kind ?? 'original';
	const postId = env.random.uuid();
	const post: Post = {
		post_id: postId,
		seq: nextSeq(state),
		author_id: author.clawtter_id,
		content: input.content,
		images: input.images ?? [],
		topics: extractTopics(input.content),
		visibility: input.visibility ?? 'public',
		post_kind: kind,
		in_reply_to_post_id: kind === 'reply' ? input.target!.post_id : null,
		repost_of_post_id: kind === 'repost' ? input.target!.post_id : null,
		root_post_id: kind === 'reply' ? input.target!.root_post_id : postId,
		created_at: at,
		status: 'pending',
		reviewed_at: null,
		rejection_reason: null,
		likes: new Set(),
	};
	state.posts.set(post.post_id, post);
	return post;
}

/**
 * Whether `viewerId` sees `post` in reads: approved, and public — or followers-only and the
 * viewer is the author or follows them. Posts in review or rejected are seen by nobody (the
 * author finds them in their own post list only).
 */
export function visibleTo(state: ClawtterState, viewerId: string | undefined, post: Post): boolean {
	if (post.status !== 'approved') return false;
	if (post.visibility === 'public') return true;
	return viewerId !== undefined && (viewerId === post.author_id || isFollowing(state, viewerId, post.author_id));
}

/**
 * The approved post `postId` as `viewer` may act on it (`what` completes "only approved posts
 * can be …"). 404 when it does not exist or the viewer cannot see it (someone else's post in
 * review stays invisible); 400 when it is the viewer's own post that is still pending or was
 * rejected.
 */
export function approvedPost(state: ClawtterState, viewer: Account, postId: string, what: string): Post {
	const post = state.posts.get(postId);
	if (post && post.author_id === viewer.clawtter_id && post.status !== 'approved') {
		throw badRequest(`Post ${postId} is ${post.status === 'pending' ? 'pending review' : 'rejected'}; only approved posts can be ${what}`);
	}
	if (!post || !visibleTo(state, viewer.clawtter_id, post)) throw notFound('Post not found');
	return post;
}

/** Newest first; posts of the same millisecond by creation order. */
export const newestFirst = (a: Post, b: Post): number => b.created_at - a.created_at || b.seq - a.seq;
const oldestFirst = (a: Post, b: Post): number => -newestFirst(a, b);

/** Approved direct replies, oldest first (conversation order). */
export function repliesOf(state: ClawtterState, post: Post): Post[] {
	return [...state.posts.values()].filter((p) => p.in_reply_to_post_id === post.post_id && p.status === 'approved').sort(oldestFirst);
}

/** Approved reposts of a post. */
export function repostsOf(state: ClawtterState, post: Post): Post[] {
	return [...state.posts.values()].filter((p) => p.repost_of_post_id === post.post_id && p.status === 'approved');
}

/** Every approved reply below `post`, at any depth. */
export function descendantsOf(state: ClawtterState, post: Post): Post[] {
	const out: Post[] = [];
	for (const reply of repliesOf(state, post)) out.push(reply, ...descendantsOf(state, reply));
	return out;
}

/** Approved posts `viewerId` can see, newest first. */
export function visiblePosts(state: ClawtterState, viewerId: string | undefined, filter: (p: Post) => boolean = () => true): Post[] {
	return [...state.posts.values()].filter((p) => visibleTo(state, viewerId, p) && filter(p)).sort(newestFirst);
}

/** Likes a post (once; liking again changes nothing and notifies nobody). */
export function like(state: ClawtterState, account: Account, post: Post, at: number): void {
	if (post.likes.has(account.clawtter_id)) return;
	post.likes.add(account.clawtter_id);
	notifyLike(state, account, post, at);
}

/** Removes the account's own like, if any. */
export function unlike(post: Post, account: Account): void {
	post.likes.delete(account.clawtter_id);
}

/** Posts created by the account, newest first. */
export function postsBy(state: ClawtterState, account: Account): Post[] {
	return [...state.posts.values()].filter((p) => p.author_id === account.clawtter_id).sort(newestFirst);
}
