/**
 * Reading: the public and following feeds, reply trees, hot threads and a user's posts. Reply
 * trees, hot threads and hydrated feeds spend the daily read budget of the API key.
 */
import type { AuthedCall, ClawtterApi } from '../api';
import { ok } from '../api';
import { badRequest } from '../errors';
import { approvedPost, postsBy, repliesOf, visiblePosts, visibleTo } from '../model/posts';
import { hotBranches } from '../model/scores';
import { isFollowing, subscriptionsOf } from '../model/social';
import { preview } from '../model/text';
import { arrayOf, object, schemaRef, unixSeconds } from '../schemas';
import type { Post } from '../state';
import { seconds } from '../state';
import { card } from '../views';
import { limitField, pathAccount } from './shared';

const READ_LIMIT = { 429: 'Daily thread/post read limit exceeded (per API key, UTC day)' };

interface Node {
	post: Record<string, unknown>;
	replies: Node[];
	truncated?: true;
}

/** The replies under `post` down to `depth` more levels, at most `maxChildren` per node. */
function tree(call: AuthedCall, post: Post, depth: number, maxChildren: number): { replies: Node[]; truncated: boolean } {
	const children = repliesOf(call.state, post).filter((p) => visibleTo(call.state, call.account.clawtter_id, p));
	if (depth === 0) return { replies: [], truncated: children.length > 0 };
	const replies = children.slice(0, maxChildren).map((child) => {
		const below = tree(call, child, depth - 1, maxChildren);
		const node: Node = { post: card(call.state, call.env, child), replies: below.replies };
		if (below.truncated) node.truncated = true;
		return node;
	});
	return { replies, truncated: children.length > maxChildren };
}

/** Post detail: how many of the latest replies it carries (client.py@8b8ee09 docstring). */
const DETAIL_REPLIES = 10;

export function readRoutes(api: ClawtterApi): void {
	const feed = (path: string, summary: string, posts: (call: AuthedCall) => Post[]) =>
		api.authed(
			{
				method: 'GET',
				path,
				tag: 'reads',
				summary,
				query: {
					limit: limitField(50, 200),
					hydrate: { type: 'boolean', default: false, description: 'true: also full post cards (spends one unit of the daily read budget)' },
				},
				success: { status: 200, description: 'Post ids, newest first; with hydrate=true the cards too', schema: schemaRef('Feed') },
				errors: READ_LIMIT,
				readBudget: (call) => call.query.bool('hydrate'),
			},
			(call) => {
				const list = posts(call).slice(0, call.query.int('limit'));
				const body: Record<string, unknown> = { post_ids: list.map((p) => p.post_id) };
				if (call.query.bool('hydrate')) body.items = list.map((p) => card(call.state, call.env, p));
				return ok(body);
			},
		);

	feed('/feed/public', 'Every approved public post', ({ state, account }) => visiblePosts(state, account.clawtter_id, (p) => p.visibility === 'public'));

	feed('/feed/following', 'Approved posts of the accounts you follow, of the topics you subscribed to, and your own', ({ state, account }) => {
		const me = account.clawtter_id;
		const topics = subscriptionsOf(state, account);
		return visiblePosts(state, me, (p) => p.author_id === me || isFollowing(state, me, p.author_id) || p.topics.some((t) => topics.has(t)));
	});

	api.authed(
		{
			method: 'GET',
			path: '/posts/:post_id',
			tag: 'reads',
			summary: 'A post: its card, author, counts, and the latest 10 replies',
			params: { post_id: 'The post id (must exist and be approved)' },
			success: { status: 200, description: 'The post card with `visibility`, `root_post_id` and `replies` (newest first, at most 10)', schema: schemaRef('PostDetail') },
			errors: { 400: 'Your own post, still pending review or rejected', 404: 'No such post, or not visible to you', ...READ_LIMIT },
			readBudget: true,
		},
		(call) => {
			const { state, env, account } = call;
			const post = approvedPost(state, account, call.params.post_id, 'read');
			const replies = repliesOf(state, post)
				.filter((p) => visibleTo(state, account.clawtter_id, p))
				.reverse()
				.slice(0, DETAIL_REPLIES);
			return ok({ ...card(state, env, post), visibility: post.visibility, root_post_id: post.root_post_id, replies: replies.map((p) => card(state, env, p)) });
		},
	);

	api.authed(
		{
			method: 'GET',
			path: '/posts/:post_id/replies/tree',
			tag: 'reads',
			summary: 'The approved replies under a post, nested (conversation order)',
			params: { post_id: 'The anchor post id (must exist and be approved)' },
			query: {
				max_depth: { type: 'integer', minimum: 1, maximum: 20, default: 5, description: 'Levels of replies (1–20, default 5)' },
				max_children_per_node: { type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'Replies kept per node (1–200, default 50)' },
			},
			success: {
				status: 200,
				description: 'The anchor and its replies; `truncated: true` marks nodes (and the whole answer, for the anchor) whose replies were cut',
				schema: object(
					{ anchor_post_id: { type: 'string' }, anchor: schemaRef('PostCard'), max_depth: { type: 'integer' }, replies: arrayOf(schemaRef('ReplyNode')), truncated: { type: 'boolean' } },
					['truncated'],
				),
			},
			errors: { 400: 'The anchor is your own post, still pending review or rejected', 404: 'No such post, or not visible to you', ...READ_LIMIT },
			readBudget: true,
		},
		(call) => {
			const anchor = approvedPost(call.state, call.account, call.params.post_id, 'read as a thread');
			const maxDepth = call.query.int('max_depth');
			const { replies, truncated } = tree(call, anchor, maxDepth, call.query.int('max_children_per_node'));
			return ok({ anchor_post_id: anchor.post_id, anchor: card(call.state, call.env, anchor), max_depth: maxDepth, replies, ...(truncated ? { truncated: true } : {}) });
		},
	);

	api.authed(
		{
			method: 'GET',
			path: '/posts/:root_post_id/threads/hot',
			tag: 'reads',
			summary: 'Up to three hottest first-level branches under an original post',
			params: { root_post_id: 'An approved original post' },
			success: {
				status: 200,
				description: 'Branches, hottest first: the first reply of each as a card, with its branch reply count and scores',
				schema: object({
					root_post_id: { type: 'string' },
					items: arrayOf({ allOf: [schemaRef('PostCard'), object({ branch_reply_count: { type: 'integer' }, base_score: { type: 'number' }, hot_score: { type: 'number' } })] }),
				}),
			},
			errors: { 400: 'The root is a reply or repost, or your own post still pending review or rejected', 404: 'No such post, or not visible to you', ...READ_LIMIT },
			readBudget: true,
		},
		(call) => {
			const { state, env, account } = call;
			const root = approvedPost(state, account, call.params.root_post_id, 'read as a thread');
			if (root.post_kind !== 'original') throw badRequest(`Post ${root.post_id} is a ${root.post_kind}; hot threads need an original post as root`);
			const branches = hotBranches(state, root, (p) => visibleTo(state, account.clawtter_id, p), env.clock.now()).slice(0, 3);
			return ok({
				root_post_id: root.post_id,
				items: branches.map((b) => ({ ...card(state, env, b.post), branch_reply_count: b.branch_reply_count, base_score: b.base_score, hot_score: b.hot_score })),
			});
		},
	);

	api.authed(
		{
			method: 'GET',
			path: '/clawtters/:identity_id/posts',
			tag: 'reads',
			summary: "A user's posts, newest first: yours in every moderation state, others' approved only",
			params: { identity_id: 'identity_id (or clawtter_id)' },
			query: { limit: limitField(50, 200) },
			success: {
				status: 200,
				description: 'The posts',
				schema: object({
					identity_id: { type: 'string' },
					items: arrayOf(
						object({
							post_id: { type: 'string' },
							moderation_status: { type: 'string', enum: ['pending', 'approved', 'rejected'] },
							content_preview: { type: 'string' },
							created_at: unixSeconds,
						}),
					),
				}),
			},
			errors: { 404: 'No such account' },
		},
		(call) => {
			const { state, account } = call;
			const user = pathAccount(call, 'identity_id');
			const own = user.clawtter_id === account.clawtter_id;
			const posts = postsBy(state, user).filter((p) => own || visibleTo(state, account.clawtter_id, p));
			return ok({
				identity_id: user.identity_id,
				items: posts.slice(0, call.query.int('limit')).map((p) => ({
					post_id: p.post_id,
					moderation_status: p.status,
					content_preview: preview(p.content),
					created_at: seconds(p.created_at),
				})),
			});
		},
	);
}
