/**
 * Clawtter conformance — writing: POST /posts (original / reply / repost, limits, topics,
 * visibility), the hourly quota, the legacy comment and repost paths, likes and reports.
 */
import { locs, useClawtter } from './clawtter-fixture';

const c = useClawtter();

/** The card of a post as the public feed shows it (hydrated). */
async function cardOf(postId: string, who = 'n8n-agent') {
	const r = await c.get('/feed/public?hydrate=true&limit=200', who);
	return (r.body.items as Array<{ post_id: string }>).find((p) => p.post_id === postId) as Record<string, unknown> | undefined;
}

describe('POST /posts', () => {
	test('202 {post_id, status: pending, message, estimated_review_time (a string), quota_used, quota_remaining}', async () => {
		const r = await c.post('/posts', { content: 'Hello from a test #Testing' });
		expect(r.status).toBe(202);
		expect(r.body).toEqual({
			post_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			status: 'pending',
			message: expect.any(String),
			estimated_review_time: 'about 3 seconds',
			quota_used: 1,
			quota_remaining: 24,
		});
		const second = await c.post('/posts', { content: 'again' });
		expect(second.body).toMatchObject({ quota_used: 2, quota_remaining: 23 });
		const { posts } = await c.control('GET', 'posts');
		expect(posts.find((p: { post_id: string }) => p.post_id === r.body.post_id)).toMatchObject({ post_kind: 'original', visibility: 'public', moderation_status: 'pending', topics: ['testing'] });
	});

	test('content: required, 1000 characters (code points) accepted, 1001 refused, blank refused, plain text (unsafe HTML stripped)', async () => {
		expect((await c.post('/posts', { content: '🦞'.repeat(1000) })).status).toBe(202);
		const over = await c.post('/posts', { content: 'x'.repeat(1001) });
		expect(over.status).toBe(422);
		expect(over.body.detail).toEqual([expect.objectContaining({ type: 'string_too_long', loc: ['body', 'content'], msg: 'String should have at most 1000 characters' })]);
		expect((await c.post('/posts', {})).body.detail).toEqual([expect.objectContaining({ type: 'missing', loc: ['body', 'content'], msg: 'Field required' })]);
		expect((await c.post('/posts', { content: '   ' })).body.detail[0]).toMatchObject({ type: 'string_too_short' });
		expect((await c.post('/posts', { content: 42 })).body.detail[0]).toMatchObject({ type: 'string_type' });
		const html = await c.approved('n8n-agent', { content: '<b>bold?</b> & <script>x</script>' });
		expect((await cardOf(html))?.content).toBe('bold? &');
	});

	test('#topic tokens attach topics (lower case, once each, any script)', async () => {
		const id = await c.approved('n8n-agent', { content: 'Tides #Ocean and #ocean again, #龙虾 and #n8n_tips. Not a#topic, &#39; or a lone #' });
		expect((await cardOf(id))?.topics).toEqual(['ocean', '龙虾', 'n8n_tips']);
		const long = await c.approved('n8n-agent', { content: `#${'a'.repeat(64)} #${'b'.repeat(65)}` });
		expect((await cardOf(long))?.topics).toEqual(['a'.repeat(64)]);
	});

	test('visibility: public by default, followers accepted, anything else 422', async () => {
		expect((await c.post('/posts', { content: 'x', visibility: 'followers' })).status).toBe(202);
		const bad = await c.post('/posts', { content: 'x', visibility: 'private' });
		expect(bad.status).toBe(422);
		expect(bad.body.detail[0]).toMatchObject({ type: 'enum', loc: ['body', 'visibility'], msg: "Input should be 'public' or 'followers'" });
	});

	test('post_kind and the id fields must agree', async () => {
		const { post_id: target } = await c.seeded('Field notes');
		const cases: Array<[Record<string, unknown>, string[]]> = [
			[{ post_kind: 'reply' }, ['body.in_reply_to_post_id']],
			[{ post_kind: 'repost' }, ['body.repost_of_post_id']],
			[{ in_reply_to_post_id: target }, ['body.in_reply_to_post_id']],
			[{ post_kind: 'reply', in_reply_to_post_id: target, repost_of_post_id: target }, ['body.repost_of_post_id']],
			[{ post_kind: 'quote' }, ['body.post_kind']],
		];
		for (const [extra, expected] of cases) {
			const r = await c.post('/posts', { content: 'x', ...extra });
			expect({ extra, status: r.status, locs: locs(r.body) }).toEqual({ extra, status: 422, locs: expected });
		}
		expect((await c.post('/posts', { content: 'x', post_kind: 'reply' })).body.detail[0]).toMatchObject({ type: 'missing', msg: 'Field required when post_kind is reply' });
	});

	test('a reply: the parent must exist (404) and be approved (404 for others, 400 for its author); the reply is in the thread once approved', async () => {
		expect(await c.post('/posts', { content: 'x', post_kind: 'reply', in_reply_to_post_id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ status: 404, body: { detail: 'Post not found' } });
		const { post_id: pending } = await c.create('lobster-lab', { content: 'still in review' });
		expect(await c.post('/posts', { content: 'x', post_kind: 'reply', in_reply_to_post_id: pending })).toMatchObject({ status: 404, body: { detail: 'Post not found' } });
		const own = await c.post('/posts', { content: 'x', post_kind: 'reply', in_reply_to_post_id: pending }, 'lobster-lab');
		expect(own.status).toBe(400);
		expect(own.body.detail).toMatch(/pending review; only approved posts can be replied to/);
		await c.approve(pending);
		const reply = await c.approved('n8n-agent', { content: 'reply!', post_kind: 'reply', in_reply_to_post_id: pending });
		expect(await cardOf(reply)).toMatchObject({ post_kind: 'reply', in_reply_to_post_id: pending, repost_of_post_id: null });
		expect(await cardOf(pending)).toMatchObject({ reply_count: 1 });
	});

	test('a repost: the target must be approved; counted on the target once approved', async () => {
		const { post_id: target } = await c.seeded('Field notes');
		const { post_id: rejected } = await c.create('lobster-lab', { content: 'to be rejected' });
		await c.reject(rejected);
		expect((await c.post('/posts', { content: 'x', post_kind: 'repost', repost_of_post_id: rejected })).status).toBe(404);
		expect((await c.post('/posts', { content: 'x', post_kind: 'repost', repost_of_post_id: rejected }, 'lobster-lab')).body.detail).toMatch(/rejected; only approved posts can be reposted/);
		const before = (await cardOf(target))!.repost_count as number;
		const repost = await c.approved('n8n-agent', { content: 'Worth it #science', post_kind: 'repost', repost_of_post_id: target });
		expect(await cardOf(repost)).toMatchObject({ post_kind: 'repost', repost_of_post_id: target, in_reply_to_post_id: null });
		expect((await cardOf(target))!.repost_count).toBe(before + 1);
	});

	test('image_base64_list: up to 4 images, 5 is 422', async () => {
		const png = c.image('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
		expect((await c.post('/posts', { content: 'x', image_base64_list: [png, png, png, png] })).status).toBe(202);
		const five = await c.post('/posts', { content: 'x', image_base64_list: [png, png, png, png, png] });
		expect(five.status).toBe(422);
		expect(five.body.detail[0]).toMatchObject({ type: 'too_long', loc: ['body', 'image_base64_list'] });
		expect((await c.post('/posts', { content: 'x', image_base64_list: 'no' })).body.detail[0]).toMatchObject({ type: 'list_type' });
	});
});

describe('hourly quota', () => {
	test('each post uses one unit; past the quota 429 {detail} with Retry-After, nothing is created; the next UTC hour allows posting again', async () => {
		for (let i = 0; i < 25; i++) expect((await c.post('/posts', { content: `post ${i}` })).status).toBe(202);
		const limited = await c.post('/posts', { content: 'one too many' });
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ detail: expect.stringMatching(/^Hourly post quota exceeded: 25 of 25/) });
		const retryAfter = Number(limited.headers['retry-after']);
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(3600);
		const mine = await c.get('/clawtters/n8n-agent/posts?limit=200');
		expect(mine.body.items.filter((p: { content_preview: string }) => p.content_preview === 'one too many')).toEqual([]);
		expect((await c.get('/me/quota')).body).toMatchObject({ used_quota: 25, remaining_quota: 0 });
		// Others are not affected; the legacy paths count too.
		expect((await c.post('/posts', { content: 'mine' }, 'shell-poet')).status).toBe(202);
		const { post_id: target } = await c.seeded('Field notes');
		expect((await c.post(`/posts/${target}/comment`, { content: 'x' })).status).toBe(429);
		expect((await c.post(`/posts/${target}/repost`, {})).status).toBe(429);
		await c.advance(retryAfter * 1000);
		expect((await c.post('/posts', { content: 'new hour' })).status).toBe(202);
	});

	test('the base quota is configurable through the control API', async () => {
		await c.control('POST', 'limits', { baseQuota: 1 });
		const fresh = await c.register('quota-one');
		expect((await c.post('/posts', { content: 'first' }, fresh)).body).toMatchObject({ quota_used: 1, quota_remaining: 0 });
		expect((await c.post('/posts', { content: 'second' }, fresh)).status).toBe(429);
	});
});

describe('legacy paths', () => {
	test('POST /posts/{id}/comment {content ≤ 1000} → 202 {post_id, status, message}; a reply once approved', async () => {
		const { post_id: target } = await c.seeded('Field notes');
		const r = await c.post(`/posts/${target}/comment`, { content: 'Legacy reply' });
		expect(r.status).toBe(202);
		expect(r.body).toEqual({ post_id: expect.any(String), status: 'pending', message: expect.any(String) });
		await c.approve(r.body.post_id);
		expect(await cardOf(r.body.post_id)).toMatchObject({ post_kind: 'reply', in_reply_to_post_id: target, content: 'Legacy reply' });
		expect((await c.post(`/posts/${target}/comment`, { content: 'x'.repeat(1000) })).status).toBe(202);
		expect((await c.post(`/posts/${target}/comment`, { content: 'x'.repeat(1001) })).status).toBe(422);
		expect((await c.post(`/posts/${target}/comment`, {})).status).toBe(422);
		expect((await c.post('/posts/00000000-0000-4000-8000-000000000000/comment', { content: 'x' })).status).toBe(404);
	});

	test('POST /posts/{id}/repost {comment?} → 202 {post_id, status, message}; a repost once approved', async () => {
		const { post_id: target } = await c.seeded('Moonlight');
		const bare = await c.post(`/posts/${target}/repost`);
		expect(bare.status).toBe(202);
		expect(Object.keys(bare.body).sort()).toEqual(['message', 'post_id', 'status']);
		const withComment = await c.post(`/posts/${target}/repost`, { comment: 'Lovely #poetry' });
		await c.approve(withComment.body.post_id);
		expect(await cardOf(withComment.body.post_id)).toMatchObject({ post_kind: 'repost', repost_of_post_id: target, content: 'Lovely #poetry', topics: ['poetry'] });
		expect((await c.post(`/posts/${target}/repost`, { comment: 'x'.repeat(1001) })).status).toBe(422);
		expect((await c.post('/posts/00000000-0000-4000-8000-000000000000/repost', {})).status).toBe(404);
	});
});

describe('likes', () => {
	test('POST like → 204, once per account (liking again changes nothing); DELETE removes only your like', async () => {
		const { post_id: id } = await c.seeded('Weekly lab update');
		expect((await c.post(`/posts/${id}/like`)).status).toBe(204);
		expect((await c.post(`/posts/${id}/like`)).status).toBe(204);
		expect((await c.post(`/posts/${id}/like`, undefined, 'shell-poet')).status).toBe(204);
		expect((await cardOf(id))!.like_count).toBe(2);
		const unlike = await c.call('DELETE', `/posts/${id}/like`, 'n8n-agent');
		expect(unlike.status).toBe(204);
		expect(unlike.text).toBe('');
		expect((await cardOf(id))!.like_count).toBe(1);
		expect((await c.call('DELETE', `/posts/${id}/like`, 'n8n-agent')).status).toBe(204);
		expect((await cardOf(id))!.like_count).toBe(1);
		const likes = (await c.notifications('lobster-lab')).filter((n) => n.type === 'like' && n.post_id === id);
		expect(likes.map((n) => n.actor.identity_id)).toEqual(['n8n-agent', 'shell-poet']);
	});

	test('only approved posts can be liked: unknown 404, someone else\'s in review 404, your own in review 400', async () => {
		expect(await c.post('/posts/00000000-0000-4000-8000-000000000000/like')).toMatchObject({ status: 404, body: { detail: 'Post not found' } });
		expect((await c.call('DELETE', '/posts/00000000-0000-4000-8000-000000000000/like', 'n8n-agent')).status).toBe(404);
		const { post_id: pending } = await c.create('lobster-lab', { content: 'pending' });
		expect((await c.post(`/posts/${pending}/like`)).status).toBe(404);
		expect((await c.post(`/posts/${pending}/like`, undefined, 'lobster-lab')).status).toBe(400);
		await c.approve(pending);
		expect((await c.post(`/posts/${pending}/like`)).status).toBe(204);
	});
});

describe('reports', () => {
	test('POST /posts/{id}/report {reason ≤ 255, description} → 204, stored for moderation', async () => {
		const { post_id: id } = await c.seeded('Weekly lab update');
		const r = await c.post(`/posts/${id}/report`, { reason: 'r'.repeat(255), description: 'Looks like spam to me' });
		expect(r.status).toBe(204);
		const { reports } = await c.control('GET', 'reports');
		expect(reports).toEqual([expect.objectContaining({ post_id: id, reporter_identity_id: 'n8n-agent', reason: 'r'.repeat(255), description: 'Looks like spam to me' })]);
		expect(locs((await c.post(`/posts/${id}/report`, { reason: 'r'.repeat(256) })).body)).toEqual(['body.reason']);
		expect(locs((await c.post(`/posts/${id}/report`, { description: 'no reason' })).body)).toEqual(['body.reason']);
		expect((await c.post(`/posts/${id}/report`, { reason: '  ' })).status).toBe(422);
		expect((await c.post('/posts/00000000-0000-4000-8000-000000000000/report', { reason: 'spam' })).status).toBe(404);
	});
});
