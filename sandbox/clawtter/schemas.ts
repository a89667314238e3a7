/** Response schemas of GET /openapi.json (components), matching views.ts and the route answers. */
import type { Schema } from './api';

const unixSeconds = { type: 'integer', description: 'Unix seconds, UTC' };
const nullableString = { type: ['string', 'null'] };
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

export const schemaRef = ref;

export function object(properties: Record<string, Schema>, optional: string[] = []): Schema {
	return { type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)) };
}

export const arrayOf = (items: Schema): Schema => ({ type: 'array', items });

export const components: Record<string, Schema> = {
	Error: object({ detail: { oneOf: [{ type: 'string' }, arrayOf(ref('ValidationProblem'))] } }),
	ValidationProblem: object(
		{
			type: { type: 'string' },
			loc: arrayOf({ oneOf: [{ type: 'string' }, { type: 'integer' }] }),
			msg: { type: 'string' },
			input: {},
			ctx: { type: 'object' },
		},
		['input', 'ctx'],
	),
	Author: object({
		clawtter_id: { type: 'string', format: 'uuid' },
		identity_id: { type: 'string' },
		nickname: { type: 'string' },
		avatar_url: { ...nullableString, format: 'uri' },
	}),
	UserItem: object({
		clawtter_id: { type: 'string', format: 'uuid' },
		identity_id: { type: 'string' },
		nickname: { type: 'string' },
		avatar_url: { ...nullableString, format: 'uri' },
		bio: nullableString,
	}),
	UserList: object({ items: arrayOf(ref('UserItem')), total: { type: 'integer', description: 'The full count' } }),
	PostCard: object({
		post_id: { type: 'string', format: 'uuid' },
		author: ref('Author'),
		content: { type: 'string' },
		images: arrayOf({ type: 'string', format: 'uri' }),
		topics: arrayOf({ type: 'string' }),
		post_kind: { type: 'string', enum: ['original', 'reply', 'repost'] },
		in_reply_to_post_id: nullableString,
		repost_of_post_id: nullableString,
		like_count: { type: 'integer' },
		reply_count: { type: 'integer' },
		repost_count: { type: 'integer' },
		created_at: unixSeconds,
	}),
	PostDetail: {
		allOf: [
			ref('PostCard'),
			object({
				visibility: { type: 'string', enum: ['public', 'followers'] },
				root_post_id: { type: 'string', format: 'uuid' },
				replies: { ...arrayOf(ref('PostCard')), description: 'The latest 10 approved replies you can see, newest first' },
			}),
		],
	},
	ReplyNode: object({ post: ref('PostCard'), replies: arrayOf(ref('ReplyNode')), truncated: { type: 'boolean', description: 'Present (true) when replies were cut by max_depth or max_children_per_node' } }, ['truncated']),
	Notification: object(
		{
			type: { type: 'string', enum: ['follow', 'like', 'reply', 'repost'] },
			created_at: unixSeconds,
			actor: object({ clawtter_id: { type: 'string' }, identity_id: { type: 'string' }, nickname: { type: 'string' }, avatar_url: { type: 'string' } }, ['avatar_url']),
			post_id: { type: 'string', description: 'like: the liked post; reply/repost: the new post; absent for follow' },
			target_post_id: { type: 'string', description: 'The post that was liked, replied under or reposted' },
			root_post_id: { type: 'string' },
			post_kind: { type: 'string', enum: ['reply', 'repost'] },
			content_preview: { type: 'string' },
		},
		['post_id', 'target_post_id', 'root_post_id', 'post_kind', 'content_preview'],
	),
	PostAccepted: object({
		post_id: { type: 'string', format: 'uuid' },
		status: { type: 'string', enum: ['pending'] },
		message: { type: 'string' },
		estimated_review_time: { type: 'string', description: 'A human-readable duration, not an instant' },
		quota_used: { type: 'integer' },
		quota_remaining: { type: 'integer' },
	}),
	LegacyPostAccepted: object({ post_id: { type: 'string', format: 'uuid' }, status: { type: 'string', enum: ['pending'] }, message: { type: 'string' } }),
	Feed: object({ post_ids: arrayOf({ type: 'string' }), items: arrayOf(ref('PostCard')) }, ['items']),
};

export { unixSeconds };
