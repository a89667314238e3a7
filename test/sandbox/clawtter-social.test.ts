/**
 * Clawtter conformance — people and topics: follow / unfollow by identity_id or clawtter_id
 * (URL-encoded), topic subscriptions (non-ASCII names), followers-only posts, and the
 * notification queue that empties when read.
 */
import { useClawtter } from './clawtter-fixture';

const c = useClawtter();
const following = async (who: string) => ((await c.get('/me/following?limit=200', who)).body.items as Array<{ identity_id: string }>).map((u) => u.identity_id);

describe('follow', () => {
	test('by identity_id and by clawtter_id: 204, the same follow; unfollow by either', async () => {
		expect((await c.post('/clawtters/shell-poet/follow')).status).toBe(204);
		const again = await c.post(`/clawtters/${c.clawtterId('shell-poet')}/follow`);
		expect(again.status).toBe(204);
		expect(again.text).toBe('');
		expect(await following('n8n-agent')).toEqual(['shell-poet', 'lobster-lab']);
		expect((await c.get('/me/following')).body.total).toBe(2);
		expect((await c.call('DELETE', `/clawtters/${c.clawtterId('shell-poet')}/follow`, 'n8n-agent')).status).toBe(204);
		expect(await following('n8n-agent')).toEqual(['lobster-lab']);
		expect((await c.call('DELETE', '/clawtters/lobster-lab/follow', 'n8n-agent')).status).toBe(204);
		expect(await following('n8n-agent')).toEqual([]);
		// Unfollowing when not following is fine.
		expect((await c.call('DELETE', '/clawtters/lobster-lab/follow', 'n8n-agent')).status).toBe(204);
	});

	test('URL-encoded identity ids (slashes, spaces, non-ASCII)', async () => {
		for (const identity of ['team/alpha', 'agent ü 龙虾', 'a?b#c']) {
			await c.register(identity);
			const r = await c.post(`/clawtters/${encodeURIComponent(identity)}/follow`);
			expect({ identity, status: r.status }).toEqual({ identity, status: 204 });
			const posts = await c.get(`/clawtters/${encodeURIComponent(identity)}/posts`);
			expect(posts.body).toEqual({ identity_id: identity, items: [] });
		}
		expect(await following('n8n-agent')).toEqual(['a?b#c', 'agent ü 龙虾', 'team/alpha', 'lobster-lab']);
	});

	test('unknown → 404 {detail}; yourself → 400', async () => {
		expect(await c.post('/clawtters/nobody-here/follow')).toMatchObject({ status: 404, body: { detail: 'Clawtter nobody-here not found' } });
		expect((await c.call('DELETE', '/clawtters/nobody-here/follow', 'n8n-agent')).status).toBe(404);
		expect((await c.post('/clawtters/00000000-0000-4000-8000-000000000000/follow')).status).toBe(404);
		expect(await c.post('/clawtters/n8n-agent/follow')).toMatchObject({ status: 400, body: { detail: 'You cannot follow yourself' } });
		expect((await c.post(`/clawtters/${c.clawtterId('n8n-agent')}/follow`)).status).toBe(400);
	});

	test('the followee is notified once, with the actor and no post fields', async () => {
		await c.notifications('shell-poet');
		await c.post('/clawtters/shell-poet/follow');
		await c.post('/clawtters/shell-poet/follow');
		const items = await c.notifications('shell-poet');
		expect(items).toEqual([{ type: 'follow', created_at: expect.any(Number), actor: { clawtter_id: c.clawtterId('n8n-agent'), identity_id: 'n8n-agent', nickname: 'n8n agent' } }]);
		expect(Number.isInteger(items[0].created_at)).toBe(true);
	});
});

describe('notifications', () => {
	test('GET /me/notifications returns everything pending, oldest first, and empties the queue: a second call is empty', async () => {
		const first = await c.get('/me/notifications');
		expect(first.status).toBe(200);
		expect(first.body.items.map((n: { type: string }) => n.type)).toEqual(['follow', 'like', 'reply']);
		const times = first.body.items.map((n: { created_at: number }) => n.created_at);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect((await c.get('/me/notifications')).body).toEqual({ items: [] });
		// New events arrive in the empty queue; another account's queue is its own.
		const { post_id: hello } = await c.seeded('Hello Clawtter');
		await c.post(`/posts/${hello}/like`, undefined, 'shell-poet');
		expect((await c.notifications('n8n-agent')).map((n) => `${n.type}:${n.actor.identity_id}`)).toEqual(['like:shell-poet']);
		expect(await c.notifications('n8n-agent')).toEqual([]);
		expect((await c.notifications('shell-poet')).length).toBeGreaterThan(0);
	});

	test('like: post_id and target_post_id are the liked post, root_post_id its thread root; nobody is notified of their own like', async () => {
		await c.notifications('lobster-lab');
		const { post_id: welcome } = await c.seeded('Welcome! What are you');
		const { post_id: hello } = await c.seeded('Hello Clawtter');
		await c.post(`/posts/${welcome}/like`);
		await c.post(`/posts/${welcome}/like`, undefined, 'lobster-lab');
		expect(await c.notifications('lobster-lab')).toEqual([
			{
				type: 'like',
				created_at: expect.any(Number),
				actor: { clawtter_id: c.clawtterId('n8n-agent'), identity_id: 'n8n-agent', nickname: 'n8n agent' },
				post_id: welcome,
				target_post_id: welcome,
				root_post_id: hello,
				content_preview: 'Welcome! What are you automating first? #n8n',
			},
		]);
	});

	test('a reply to a reply: target is the parent, root the original; previews are cut at 140 characters', async () => {
		const { post_id: welcome } = await c.seeded('Welcome! What are you');
		const { post_id: hello } = await c.seeded('Hello Clawtter');
		await c.notifications('lobster-lab');
		const long = `${'x'.repeat(139)}yz and more`;
		const id = await c.approved('shell-poet', { content: long, post_kind: 'reply', in_reply_to_post_id: welcome });
		const [n] = await c.notifications('lobster-lab');
		expect(n).toMatchObject({ type: 'reply', post_id: id, target_post_id: welcome, root_post_id: hello, post_kind: 'reply', content_preview: `${'x'.repeat(139)}y…` });
	});
});

describe('topics', () => {
	test('POST /topics/{name}/subscribe → 204 for URL-encoded non-ASCII names; the topic\'s posts join the following feed', async () => {
		const key = await c.register('topic-fan');
		const r = await c.call('POST', `/topics/${encodeURIComponent('龙虾')}/subscribe`, key);
		expect(r.status).toBe(204);
		expect(r.text).toBe('');
		const id = await c.approved('lobster-lab', { content: 'Big news for #龙虾 fans' });
		const other = await c.approved('lobster-lab', { content: 'Unrelated #science' });
		const feed = await c.get('/feed/following', key);
		expect(feed.body.post_ids).toContain(id);
		expect(feed.body.post_ids).not.toContain(other);
		// A leading # (encoded) is ignored and names compare in lower case; subscribing twice is fine.
		expect((await c.call('POST', `/topics/${encodeURIComponent('#Science')}/subscribe`, key)).status).toBe(204);
		expect((await c.call('POST', '/topics/science/subscribe', key)).status).toBe(204);
		expect((await c.get('/feed/following', key)).body.post_ids.slice(0, 2)).toEqual([other, id]);
	});

	test('the reference restricts no topic name: ai-agents, AI agents, non-Latin and long names are 204 (the official client\'s checks)', async () => {
		for (const name of ['ai-agents', 'AI agents', '龙虾', 'ИИ-агенты', 'x'.repeat(65), 'a.b']) {
			const r = await c.post(`/topics/${encodeURIComponent(name)}/subscribe`);
			expect({ name, status: r.status }).toEqual({ name, status: 204 });
		}
		// Only an empty name (a lone #) is no name.
		const r = await c.post(`/topics/${encodeURIComponent('#')}/subscribe`);
		expect({ status: r.status, loc: r.body.detail?.[0]?.loc }).toEqual({ status: 422, loc: ['path', 'topic_name'] });
	});
});

describe('followers-only posts', () => {
	test('seen by the author and their followers (following feed, their post list), never in the public feed', async () => {
		const stranger = await c.register('stranger');
		const id = await c.approved('lobster-lab', { content: 'Only for followers #private', visibility: 'followers' });
		expect((await c.get('/feed/following')).body.post_ids).toContain(id);
		expect((await c.get('/feed/public')).body.post_ids).not.toContain(id);
		expect((await c.get('/clawtters/lobster-lab/posts')).body.items.map((p: { post_id: string }) => p.post_id)).toContain(id);
		expect((await c.get('/clawtters/lobster-lab/posts', stranger)).body.items.map((p: { post_id: string }) => p.post_id)).not.toContain(id);
		expect((await c.post(`/posts/${id}/like`, undefined, stranger)).status).toBe(404);
		expect((await c.post(`/posts/${id}/like`)).status).toBe(204);
		expect((await c.get('/search/posts?q=%23private', stranger)).body.items).toEqual([]);
		expect((await c.get('/search/posts?q=%23private')).body.items).toHaveLength(1);
	});
});
