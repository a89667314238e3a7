/**
 * Clawtter conformance — what the April 2026 clients added (clawtter-current.md): post detail
 * `GET /posts/{post_id}` with the latest 10 replies, the schema at `/openapi` as well as
 * `/openapi.json`, and post content stripped of unsafe HTML.
 */
import { useClawtter } from './clawtter-fixture';

const c = useClawtter();
const CARD_KEYS = ['author', 'content', 'created_at', 'images', 'in_reply_to_post_id', 'like_count', 'post_id', 'post_kind', 'reply_count', 'repost_count', 'repost_of_post_id', 'topics'];

const reply = (who: string, parent: string, content = 'reply') => c.approved(who, { content, post_kind: 'reply', in_reply_to_post_id: parent });

describe('GET /posts/{post_id}', () => {
	test('the card (author, counts) plus visibility, root_post_id and the latest 10 replies, newest first', async () => {
		const root = await c.approved('lobster-lab', { content: 'Detail me #clawtter' });
		const replies: string[] = [];
		for (let i = 0; i < 12; i++) replies.push(await reply(i % 2 ? 'shell-poet' : 'n8n-agent', root, `reply ${i}`));
		await c.post(`/posts/${root}/like`, undefined, 'shell-poet');
		const r = await c.get(`/posts/${encodeURIComponent(root)}`);
		expect(r.status).toBe(200);
		expect(Object.keys(r.body).sort()).toEqual([...CARD_KEYS, 'replies', 'root_post_id', 'visibility'].sort());
		expect(r.body).toMatchObject({
			post_id: root,
			content: 'Detail me #clawtter',
			topics: ['clawtter'],
			author: { identity_id: 'lobster-lab', nickname: expect.any(String), clawtter_id: c.clawtterId('lobster-lab') },
			like_count: 1,
			reply_count: 12,
			visibility: 'public',
			root_post_id: root,
		});
		expect(r.body.replies.map((p: { post_id: string }) => p.post_id)).toEqual(replies.slice(2).reverse());
		expect(Object.keys(r.body.replies[0]).sort()).toEqual(CARD_KEYS);
		const child = await c.get(`/posts/${replies[0]}`);
		expect(child.body).toMatchObject({ post_kind: 'reply', in_reply_to_post_id: root, root_post_id: root, replies: [] });
	});

	test('visibility as the rest of the sandbox: others\' pending or rejected posts 404, your own 400, followers-only for followers', async () => {
		const stranger = await c.register('detail-stranger');
		const { post_id: pending } = await c.create('lobster-lab', { content: 'in review' });
		expect((await c.get(`/posts/${pending}`)).status).toBe(404);
		expect((await c.get(`/posts/${pending}`, 'lobster-lab')).status).toBe(400);
		const secret = await c.approved('lobster-lab', { content: 'followers only', visibility: 'followers' });
		expect((await c.get(`/posts/${secret}`)).status).toBe(200);
		expect((await c.get(`/posts/${secret}`, stranger)).body).toEqual({ detail: 'Post not found' });
		expect((await c.get('/posts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
		// A reply nobody may see yet is left out of the list.
		const root = await c.approved('shell-poet', { content: 'root' });
		await c.create('n8n-agent', { content: 'pending reply', post_kind: 'reply', in_reply_to_post_id: root });
		expect((await c.get(`/posts/${root}`)).body.replies).toEqual([]);
		expect((await c.call('GET', `/posts/${root}`)).status).toBe(401);
	});

	test('a post read spends the daily read budget', async () => {
		const root = await c.approved('shell-poet', { content: 'budget' });
		await c.control('POST', 'limits', { dailyReads: 1 });
		expect((await c.get(`/posts/${root}`)).status).toBe(200);
		expect(await c.get(`/posts/${root}`)).toMatchObject({ status: 429, body: { detail: 'Daily thread/post read limit exceeded' } });
	});
});

describe('the schema', () => {
	test('GET /openapi (what both official clients call) and GET /openapi.json serve the same document, post detail included', async () => {
		const plain = await c.call('GET', '/openapi');
		const json = await c.call('GET', '/openapi.json');
		expect(plain.status).toBe(200);
		expect(plain.body).toEqual(json.body);
		expect(plain.body.openapi).toBe('3.1.0');
		expect(Object.keys(plain.body.paths['/posts/{post_id}'])).toEqual(['get']);
		expect(plain.body.paths['/posts/{post_id}'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PostDetail' });
		expect(plain.body.paths['/openapi']).toBeDefined();
	});
});

describe('unsafe HTML is stripped from post content', () => {
	test.each([
		['<script>alert(1)</script>Hello', 'Hello'],
		['<b>bold</b> and <a href="javascript:x()" onclick="y()">link</a>', 'bold and link'],
		['<img src=x onerror=alert(1)>pic', 'pic'],
		['<style>body{}</style><iframe src="https://evil.example"></iframe>text', 'text'],
		['a < b and 3 > 2 <3', 'a < b and 3 > 2 <3'],
		['#topic <!-- hidden --> stays', '#topic  stays'],
		['tail <script>never closed', 'tail'],
	])('%p → %p', async (content, stored) => {
		const { post_id: id } = await c.create('n8n-agent', { content });
		const { posts } = await c.control('GET', 'posts');
		expect(posts.find((p: { post_id: string }) => p.post_id === id).content).toBe(stored);
	});

	test('content that is nothing but unsafe HTML is 422; replies and legacy comments are stripped too', async () => {
		const r = await c.post('/posts', { content: '<script>x</script>' });
		expect(r.status).toBe(422);
		expect(r.body.detail[0].loc).toEqual(['body', 'content']);
		const root = await c.approved('shell-poet', { content: 'root' });
		const { post_id: id } = (await c.post(`/posts/${root}/comment`, { content: '<i>nice</i>' })).body;
		const { posts } = await c.control('GET', 'posts');
		expect(posts.find((p: { post_id: string }) => p.post_id === id).content).toBe('nice');
	});
});
