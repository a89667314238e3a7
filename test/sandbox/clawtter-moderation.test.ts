/**
 * Clawtter conformance — moderation: every post starts pending; it is approved (or rejected by
 * a rule) after the configured delay on the sandbox clock, or by a control call. Only approved
 * posts are seen by others, can be liked, replied to or reposted; replies and reposts notify
 * once approved.
 */
import { sleep } from 'n8n-workflow';

import { useClawtter } from './clawtter-fixture';

const c = useClawtter();

const statusIn = async (postId: string, who: string, identity = who) => {
	const r = await c.get(`/clawtters/${identity}/posts?limit=200`, who);
	return (r.body.items as Array<{ post_id: string; moderation_status: string }>).find((p) => p.post_id === postId)?.moderation_status;
};
const inPublicFeed = async (postId: string, who: string) => ((await c.get('/feed/public?limit=200', who)).body.post_ids as string[]).includes(postId);

test('pending → approved after the default delay (3 s of sandbox time): the author sees every state, others only the approved post', async () => {
	const { post_id: id } = await c.create('n8n-agent', { content: 'Moderate me #lifecycle' });
	expect(await statusIn(id, 'n8n-agent')).toBe('pending');
	expect(await statusIn(id, 'lobster-lab', 'n8n-agent')).toBeUndefined();
	expect(await inPublicFeed(id, 'lobster-lab')).toBe(false);
	expect(await inPublicFeed(id, 'n8n-agent')).toBe(false);
	expect((await c.get('/search/posts?q=%23lifecycle', 'lobster-lab')).body.items).toEqual([]);
	await c.advance(2000);
	expect(await statusIn(id, 'n8n-agent')).toBe('pending');
	await c.advance(1000);
	expect(await statusIn(id, 'n8n-agent')).toBe('approved');
	expect(await statusIn(id, 'lobster-lab', 'n8n-agent')).toBe('approved');
	expect(await inPublicFeed(id, 'lobster-lab')).toBe(true);
	expect((await c.get('/search/posts?q=%23lifecycle', 'lobster-lab')).body.items).toEqual([{ post_id: id, content_preview: 'Moderate me #lifecycle' }]);
});

test('the delay also passes in real time', async () => {
	await c.control('POST', 'moderation/settings', { delayMs: 150 });
	const r = await c.post('/posts', { content: 'quick' });
	expect(r.body.estimated_review_time).toBe('about 1 second');
	expect(await statusIn(r.body.post_id, 'n8n-agent')).toBe('pending');
	await sleep(250);
	expect(await statusIn(r.body.post_id, 'n8n-agent')).toBe('approved');
});

test('the delay is configurable; estimated_review_time follows it; it counts from each post\'s creation', async () => {
	const settings = await c.control('POST', 'moderation/settings', { delayMs: 10 * 60_000 });
	expect(settings.settings).toEqual({ delayMs: 600_000, manual: false, rejectWords: [] });
	const r = await c.post('/posts', { content: 'slow review' });
	expect(r.body.estimated_review_time).toBe('about 10 minutes');
	await c.advance(9 * 60_000);
	const { pending } = await c.control('GET', 'moderation');
	expect(pending).toEqual([expect.objectContaining({ post_id: r.body.post_id, identity_id: 'n8n-agent', moderation_status: 'pending', due_at: expect.any(Number) })]);
	// Shortening the delay settles posts already waiting.
	await c.control('POST', 'moderation/settings', { delayMs: 60_000 });
	expect(await statusIn(r.body.post_id, 'n8n-agent')).toBe('approved');
});

test('manual moderation: posts wait for a control call; approve / reject only pending posts', async () => {
	await c.control('POST', 'moderation/settings', { manual: true });
	const a = await c.post('/posts', { content: 'approve me' });
	expect(a.body.estimated_review_time).toBe('awaiting manual review');
	const b = await c.create('n8n-agent', { content: 'reject me' });
	await c.advance(7 * 24 * 3600_000);
	expect(await statusIn(a.body.post_id, 'n8n-agent')).toBe('pending');
	const approved = await c.approve(a.body.post_id);
	expect(approved.post).toMatchObject({ moderation_status: 'approved', reviewed_at: expect.any(Number) });
	const rejected = await c.reject(b.post_id, 'Off-topic');
	expect(rejected.post).toMatchObject({ moderation_status: 'rejected', rejection_reason: 'Off-topic' });
	expect(await statusIn(b.post_id, 'n8n-agent')).toBe('rejected');
	await expect(c.approve(a.body.post_id)).rejects.toThrow(/409.*already approved/);
	await expect(c.reject(b.post_id)).rejects.toThrow(/409.*already rejected/);
	await expect(c.approve('00000000-0000-4000-8000-000000000000')).rejects.toThrow(/404/);
	// Leaving manual mode settles what is overdue.
	const waiting = await c.create('n8n-agent', { content: 'overdue' });
	await c.advance(5000);
	expect(await statusIn(waiting.post_id, 'n8n-agent')).toBe('pending');
	await c.control('POST', 'moderation/settings', { manual: false });
	expect(await statusIn(waiting.post_id, 'n8n-agent')).toBe('approved');
});

test('a rejected post stays invisible to others and cannot be liked, replied to or reposted', async () => {
	const { post_id: id } = await c.create('lobster-lab', { content: 'to be rejected #hidden' });
	await c.reject(id);
	await c.advance(60_000);
	expect(await statusIn(id, 'lobster-lab')).toBe('rejected');
	expect(await statusIn(id, 'n8n-agent', 'lobster-lab')).toBeUndefined();
	expect(await inPublicFeed(id, 'lobster-lab')).toBe(false);
	expect((await c.post(`/posts/${id}/like`)).status).toBe(404);
	expect((await c.post('/posts', { content: 'x', post_kind: 'reply', in_reply_to_post_id: id })).status).toBe(404);
	expect((await c.post(`/posts/${id}/repost`, {})).status).toBe(404);
	expect((await c.get(`/posts/${id}/replies/tree`)).status).toBe(404);
	expect((await c.get(`/posts/${id}/replies/tree`, 'lobster-lab')).status).toBe(400);
	expect((await c.get('/trending/topics')).body.items.map((t: { name: string }) => t.name)).not.toContain('hidden');
});

test('auto-reject rules: posts containing a reject word (any case) are rejected when reviewed, the rest approved', async () => {
	await c.control('POST', 'moderation/settings', { rejectWords: ['spam', 'buy now'] });
	const bad = await c.create('n8n-agent', { content: 'Totally not SPAM' });
	const phrase = await c.create('n8n-agent', { content: 'Claws! Buy Now!' });
	const good = await c.create('n8n-agent', { content: 'A fine post' });
	expect(await statusIn(bad.post_id, 'n8n-agent')).toBe('pending');
	await c.advance(3000);
	expect(await statusIn(bad.post_id, 'n8n-agent')).toBe('rejected');
	expect(await statusIn(phrase.post_id, 'n8n-agent')).toBe('rejected');
	expect(await statusIn(good.post_id, 'n8n-agent')).toBe('approved');
	const { posts } = await c.control('GET', 'posts');
	expect(posts.find((p: { post_id: string }) => p.post_id === bad.post_id).rejection_reason).toBe('Contains a blocked word: "spam"');
	await expect(c.control('POST', 'moderation/settings', { rejectWords: 'spam' })).rejects.toThrow(/400/);
	await expect(c.control('POST', 'moderation/settings', { delayMs: -1 })).rejects.toThrow(/400/);
});

test('replies and reposts notify the target\'s author when approved (dated then), not before, and never when rejected', async () => {
	const { post_id: hello } = await c.seeded('Hello Clawtter');
	await c.notifications('n8n-agent');
	const replyId = (await c.create('lobster-lab', { content: 'Nice one', post_kind: 'reply', in_reply_to_post_id: hello })).post_id;
	const repostId = (await c.create('shell-poet', { content: 'Sharing', post_kind: 'repost', repost_of_post_id: hello })).post_id;
	const rejectedId = (await c.create('shell-poet', { content: 'rejected reply', post_kind: 'reply', in_reply_to_post_id: hello })).post_id;
	await c.reject(rejectedId);
	expect(await c.notifications('n8n-agent')).toEqual([]);
	const createdAt = Math.floor(Date.now() / 1000);
	await c.advance(10 * 60_000);
	const items = await c.notifications('n8n-agent');
	expect(items).toEqual([
		{
			type: 'reply',
			created_at: expect.any(Number),
			actor: { clawtter_id: c.clawtterId('lobster-lab'), identity_id: 'lobster-lab', nickname: 'Lobster Lab', avatar_url: expect.stringMatching(/\/media\//) },
			post_id: replyId,
			target_post_id: hello,
			root_post_id: hello,
			post_kind: 'reply',
			content_preview: 'Nice one',
		},
		{
			type: 'repost',
			created_at: expect.any(Number),
			actor: { clawtter_id: c.clawtterId('shell-poet'), identity_id: 'shell-poet', nickname: 'Shell Poet' },
			post_id: repostId,
			target_post_id: hello,
			root_post_id: hello,
			post_kind: 'repost',
			content_preview: 'Sharing',
		},
	]);
	// Dated when moderation approved them (3 s after creation), not when they were read.
	for (const n of items) expect(n.created_at - createdAt).toBeLessThanOrEqual(5);
});
