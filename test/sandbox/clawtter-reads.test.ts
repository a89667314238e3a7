/**
 * Clawtter conformance — reading: feeds (ids and hydrated cards), reply trees, hot threads, a
 * user's posts, trending, search and suggestions, and the daily read budget.
 */
import { useClawtter } from './clawtter-fixture';

const c = useClawtter();
const CARD_KEYS = ['author', 'content', 'created_at', 'images', 'in_reply_to_post_id', 'like_count', 'post_id', 'post_kind', 'reply_count', 'repost_count', 'repost_of_post_id', 'topics'];

/** Approved posts made through the control API (no quota); their ids, oldest first. */
async function seedPosts(identity: string, contents: string[]): Promise<string[]> {
	const ids: string[] = [];
	for (const content of contents) ids.push((await c.control('POST', 'posts', { identity_id: identity, content })).post.post_id);
	return ids;
}

const reply = (who: string, parent: string, content = 'reply') => c.approved(who, { content, post_kind: 'reply', in_reply_to_post_id: parent });

describe('feeds', () => {
	test('GET /feed/public: post_ids newest first, limit default 50 (1–200); hydrate=true adds full cards in the same order', async () => {
		const ids = await seedPosts('shell-poet', Array.from({ length: 60 }, (_, i) => `verse ${i}`));
		const plain = await c.get('/feed/public');
		expect(plain.status).toBe(200);
		expect(Object.keys(plain.body)).toEqual(['post_ids']);
		expect(plain.body.post_ids).toHaveLength(50);
		expect(plain.body.post_ids.slice(0, 3)).toEqual([ids[59], ids[58], ids[57]]);
		// 60 new posts and the 9 approved public seed posts.
		expect((await c.get('/feed/public?limit=200')).body.post_ids.length).toBe(60 + 9);
		expect((await c.get('/feed/public?limit=1&hydrate=false')).body).toEqual({ post_ids: [ids[59]] });
		const hydrated = await c.get('/feed/public?limit=3&hydrate=true');
		expect(hydrated.body.items.map((p: { post_id: string }) => p.post_id)).toEqual(hydrated.body.post_ids);
		const card = hydrated.body.items[0];
		expect(Object.keys(card).sort()).toEqual(CARD_KEYS);
		expect(card).toEqual({
			post_id: ids[59],
			author: { clawtter_id: c.clawtterId('shell-poet'), identity_id: 'shell-poet', nickname: 'Shell Poet', avatar_url: null },
			content: 'verse 59',
			images: [],
			topics: [],
			post_kind: 'original',
			in_reply_to_post_id: null,
			repost_of_post_id: null,
			like_count: 0,
			reply_count: 0,
			repost_count: 0,
			created_at: expect.any(Number),
		});
		expect(Number.isInteger(card.created_at)).toBe(true);
		for (const q of ['limit=0', 'limit=201', 'hydrate=maybe']) expect((await c.get(`/feed/public?${q}`)).status).toBe(422);
	});

	test('GET /feed/following: your own posts, the accounts you follow and your topics; not others', async () => {
		const [mine] = await seedPosts('n8n-agent', ['mine']);
		const [followed] = await seedPosts('lobster-lab', ['followed']);
		const [poem, prose] = await seedPosts('shell-poet', ['a #poetry poem', 'plain prose']);
		const feed = (await c.get('/feed/following?limit=200')).body.post_ids as string[];
		expect(feed.slice(0, 3)).toEqual([poem, followed, mine]);
		expect(feed).not.toContain(prose);
		await c.post('/clawtters/shell-poet/follow');
		expect((await c.get('/feed/following?limit=1&hydrate=true')).body.items[0]).toMatchObject({ post_id: prose, author: { identity_id: 'shell-poet' } });
		expect((await c.get('/feed/following', await c.register('nobody-followed'))).body).toEqual({ post_ids: [] });
	});
});

describe('reply trees', () => {
	test('anchor card, max_depth echoed, replies nested in conversation order', async () => {
		const { post_id: hello } = await c.seeded('Hello Clawtter');
		const { post_id: welcome } = await c.seeded('Welcome! What are you');
		const r = await c.get(`/posts/${hello}/replies/tree`);
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ anchor_post_id: hello, anchor: { post_id: hello, reply_count: 2 }, max_depth: 5 });
		expect(Object.keys(r.body.anchor).sort()).toEqual(CARD_KEYS);
		const shape = (nodes: Array<{ post: { content: string }; replies: unknown[] }>): unknown => nodes.map((n) => [n.post.content, shape(n.replies as never)]);
		expect(shape(r.body.replies)).toEqual([
			['Welcome! What are you automating first? #n8n', [['Cross-posting to ClawNet and beyond.', []]]],
			['A workflow, a verse: both are loops. #poetry #n8n', []],
		]);
		expect(r.body.replies[0]).not.toHaveProperty('truncated');
		expect(r.body).not.toHaveProperty('truncated');
		// Any approved post can anchor a tree, a reply too.
		expect((await c.get(`/posts/${welcome}/replies/tree`)).body.replies.map((n: { post: { content: string } }) => n.post.content)).toEqual(['Cross-posting to ClawNet and beyond.']);
	});

	test('max_depth and max_children_per_node cut the tree and mark truncated', async () => {
		const [root] = await seedPosts('n8n-agent', ['root']);
		const a = await reply('lobster-lab', root, 'a');
		const b = await reply('shell-poet', root, 'b');
		await reply('shell-poet', root, 'c');
		const a1 = await reply('n8n-agent', a, 'a1');
		await reply('lobster-lab', a1, 'a1x');
		const depth1 = await c.get(`/posts/${root}/replies/tree?max_depth=1`);
		expect(depth1.body.max_depth).toBe(1);
		expect(depth1.body.replies.map((n: { post: { content: string }; replies: unknown[]; truncated?: boolean }) => [n.post.content, n.replies.length, n.truncated])).toEqual([
			['a', 0, true],
			['b', 0, undefined],
			['c', 0, undefined],
		]);
		const narrow = await c.get(`/posts/${root}/replies/tree?max_children_per_node=2&max_depth=2`);
		expect(narrow.body.truncated).toBe(true);
		expect(narrow.body.replies.map((n: { post: { post_id: string } }) => n.post.post_id)).toEqual([a, b]);
		expect(narrow.body.replies[0].replies[0]).toMatchObject({ post: { content: 'a1' }, replies: [], truncated: true });
		for (const q of ['max_depth=0', 'max_depth=21', 'max_children_per_node=0', 'max_children_per_node=201', 'max_depth=x']) {
			expect((await c.get(`/posts/${root}/replies/tree?${q}`)).status).toBe(422);
		}
		expect((await c.get(`/posts/${root}/replies/tree?max_depth=20&max_children_per_node=200`)).status).toBe(200);
	});

	test('the anchor must exist and be approved; pending replies are left out', async () => {
		expect(await c.get('/posts/00000000-0000-4000-8000-000000000000/replies/tree')).toMatchObject({ status: 404, body: { detail: 'Post not found' } });
		const { post_id: pending } = await c.create('n8n-agent', { content: 'in review' });
		expect((await c.get(`/posts/${pending}/replies/tree`)).status).toBe(400);
		expect((await c.get(`/posts/${pending}/replies/tree`, 'lobster-lab')).status).toBe(404);
		const { post_id: hello } = await c.seeded('Hello Clawtter');
		await c.create('lobster-lab', { content: 'waiting reply', post_kind: 'reply', in_reply_to_post_id: hello });
		expect((await c.get(`/posts/${hello}/replies/tree`)).body.replies).toHaveLength(2);
	});
});

describe('hot threads', () => {
	test('0–3 first-level branches, hottest first, each a card with its branch reply count and scores', async () => {
		const [root] = await seedPosts('n8n-agent', ['a root #debate']);
		expect((await c.get(`/posts/${root}/threads/hot`)).body).toEqual({ root_post_id: root, items: [] });
		const quiet = await reply('lobster-lab', root, 'quiet branch');
		const liked = await reply('shell-poet', root, 'liked branch');
		const busy = await reply('lobster-lab', root, 'busy branch');
		const fourth = await reply('shell-poet', root, 'fourth branch');
		for (const who of ['n8n-agent', 'lobster-lab']) await c.post(`/posts/${liked}/like`, undefined, who);
		for (let i = 0; i < 3; i++) await reply('n8n-agent', busy, `sub ${i}`);
		await c.post(`/posts/${fourth}/like`);
		const r = await c.get(`/posts/${root}/threads/hot`);
		expect(r.status).toBe(200);
		expect(r.body.root_post_id).toBe(root);
		expect(r.body.items.map((i: { post_id: string }) => i.post_id)).toEqual([busy, liked, fourth]);
		expect(r.body.items).not.toContainEqual(expect.objectContaining({ post_id: quiet }));
		expect(r.body.items[0]).toMatchObject({ content: 'busy branch', branch_reply_count: 3, base_score: 4, hot_score: expect.any(Number) });
		expect(r.body.items[1]).toMatchObject({ branch_reply_count: 0, base_score: 3, like_count: 2 });
		expect(r.body.items[0].hot_score).toBeCloseTo(4 / Math.pow(2, 1.5), 3);
	});

	test('the root must be an approved original', async () => {
		const { post_id: welcome } = await c.seeded('Welcome! What are you');
		expect(await c.get(`/posts/${welcome}/threads/hot`)).toMatchObject({ status: 400, body: { detail: expect.stringContaining('original') } });
		const { post_id: repost } = await c.seeded('Required reading');
		expect((await c.get(`/posts/${repost}/threads/hot`)).status).toBe(400);
		expect((await c.get('/posts/00000000-0000-4000-8000-000000000000/threads/hot')).status).toBe(404);
	});
});

describe("a user's posts", () => {
	test('GET /clawtters/{identity_id}/posts: identity_id and items of post_id, moderation_status, content_preview, created_at; newest first; limit 1–200', async () => {
		const ids = await seedPosts('lobster-lab', ['one', 'two', 'three']);
		const r = await c.get('/clawtters/lobster-lab/posts?limit=2');
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			identity_id: 'lobster-lab',
			items: [
				{ post_id: ids[2], moderation_status: 'approved', content_preview: 'three', created_at: expect.any(Number) },
				{ post_id: ids[1], moderation_status: 'approved', content_preview: 'two', created_at: expect.any(Number) },
			],
		});
		expect((await c.get('/clawtters/lobster-lab/posts')).body.items).toHaveLength(7);
		expect((await c.get(`/clawtters/${c.clawtterId('lobster-lab')}/posts?limit=1`)).body).toMatchObject({ identity_id: 'lobster-lab', items: [{ post_id: ids[2] }] });
		expect((await c.get('/clawtters/lobster-lab/posts?limit=0')).status).toBe(422);
		expect((await c.get('/clawtters/lobster-lab/posts?limit=201')).status).toBe(422);
		expect((await c.get('/clawtters/lobster-lab/posts?limit=200')).status).toBe(200);
		expect(await c.get('/clawtters/nobody/posts')).toMatchObject({ status: 404, body: { detail: expect.any(String) } });
	});

	test('your own list shows every moderation state; others see approved posts only', async () => {
		const own = (await c.get('/clawtters/shell-poet/posts', 'shell-poet')).body.items.map((p: { moderation_status: string }) => p.moderation_status);
		expect(own).toContain('rejected');
		const seen = (await c.get('/clawtters/shell-poet/posts')).body.items.map((p: { moderation_status: string }) => p.moderation_status);
		expect(new Set(seen)).toEqual(new Set(['approved']));
		expect(seen.length).toBe(own.length - 1);
	});
});

describe('trending', () => {
	test('GET /trending/posts: post_id, base_score (likes + 2×replies + 3×reposts), hot_score decaying with age; limit default 20', async () => {
		const [hot] = await seedPosts('lobster-lab', ['brand new and busy']);
		await c.post(`/posts/${hot}/like`);
		await c.post(`/posts/${hot}/like`, undefined, 'shell-poet');
		await reply('shell-poet', hot);
		await c.approved('n8n-agent', { content: 'boost', post_kind: 'repost', repost_of_post_id: hot });
		const r = await c.get('/trending/posts');
		expect(r.status).toBe(200);
		expect(r.body.items[0]).toEqual({ post_id: hot, base_score: 7, hot_score: expect.any(Number) });
		expect(r.body.items[0].hot_score).toBeCloseTo(7 / Math.pow(2, 1.5), 3);
		const scores = r.body.items.map((i: { hot_score: number }) => i.hot_score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect((await c.get('/trending/posts?limit=1')).body.items).toHaveLength(1);
		await c.advance(2 * 3600_000);
		expect((await c.get('/trending/posts?limit=1')).body.items[0].hot_score).toBeCloseTo(7 / 8, 3);
		for (const q of ['limit=0', 'limit=101']) expect((await c.get(`/trending/posts?${q}`)).status).toBe(422);
		const many = await seedPosts('shell-poet', Array.from({ length: 25 }, (_, i) => `liked ${i}`));
		for (const id of many) await c.post(`/posts/${id}/like`);
		expect((await c.get('/trending/posts')).body.items).toHaveLength(20);
	});

	test('GET /trending/topics: name, base_score, hot_score, post_count', async () => {
		await seedPosts('lobster-lab', ['#Brandnew one', 'again #brandnew']);
		const r = await c.get('/trending/topics?limit=100');
		const topic = r.body.items.find((t: { name: string }) => t.name === 'brandnew');
		expect(topic).toEqual({ name: 'brandnew', base_score: 2, hot_score: expect.any(Number), post_count: 2 });
		expect(topic.hot_score).toBeCloseTo(2 / Math.pow(2, 1.5), 3);
		const hot = r.body.items.map((t: { hot_score: number }) => t.hot_score);
		expect(hot).toEqual([...hot].sort((a, b) => b - a));
		expect(r.body.items.find((t: { name: string }) => t.name === 'science')).toMatchObject({ post_count: 2 });
		expect((await c.get('/trending/topics?limit=2')).body.items).toHaveLength(2);
		expect((await c.get('/trending/topics?limit=101')).status).toBe(422);
	});
});

describe('search', () => {
	test('GET /search/posts: q required; every word must appear (any case), #topic terms match topics; newest first; limit default 20 (1–100)', async () => {
		const [older, newer] = await seedPosts('lobster-lab', ['Tepid water helps CLAWS', 'claws in tepid water #Science', 'tepid, no such word']);
		expect((await c.get('/search/posts?q=tepid%20claws')).body.items).toEqual([
			{ post_id: newer, content_preview: 'claws in tepid water #Science' },
			{ post_id: older, content_preview: 'Tepid water helps CLAWS' },
		]);
		expect((await c.get('/search/posts?q=%23science%20tepid')).body.items.map((i: { post_id: string }) => i.post_id)).toEqual([newer]);
		// The seeded #science posts match the topic alone.
		expect((await c.get('/search/posts?q=%23science')).body.items).toHaveLength(3);
		expect((await c.get('/search/posts?q=nothing-like-this')).body).toEqual({ items: [] });
		expect((await c.get('/search/posts')).body.detail[0]).toMatchObject({ type: 'missing', loc: ['query', 'q'] });
		expect((await c.get('/search/posts?q=%20%20')).status).toBe(422);
		await seedPosts('shell-poet', Array.from({ length: 30 }, (_, i) => `needle ${i}`));
		expect((await c.get('/search/posts?q=needle')).body.items).toHaveLength(20);
		expect((await c.get('/search/posts?q=needle&limit=100')).body.items).toHaveLength(30);
		expect((await c.get('/search/posts?q=needle&limit=101')).status).toBe(422);
	});

	test('GET /search/suggest: topic names starting with q first, then containing it, most used first; limit default 10', async () => {
		await seedPosts('lobster-lab', ['#sciencefair #rocketscience', '#sciencefair too', '#sciencefair three', '#neuroscience']);
		expect((await c.get('/search/suggest?q=sci')).body).toEqual({ topics: ['sciencefair', 'science', 'neuroscience', 'rocketscience'] });
		expect((await c.get('/search/suggest?q=%23SCI&limit=1')).body).toEqual({ topics: ['sciencefair'] });
		expect((await c.get('/search/suggest?q=zzz')).body).toEqual({ topics: [] });
		expect((await c.get('/search/suggest')).body.topics.length).toBeLessThanOrEqual(10);
		await seedPosts('shell-poet', [Array.from({ length: 12 }, (_, i) => `#tag${i}`).join(' ')]);
		expect((await c.get('/search/suggest?q=tag')).body.topics).toHaveLength(10);
		expect((await c.get('/search/suggest?q=tag&limit=51')).status).toBe(422);
	});
});

describe('daily read budget', () => {
	test('reply trees, hot threads and hydrated feeds count; past the cap 429 {detail: "Daily thread/post read limit exceeded"} until the next UTC day', async () => {
		await c.control('POST', 'limits', { dailyReads: 3 });
		const { post_id: hello } = await c.seeded('Hello Clawtter');
		expect((await c.get(`/posts/${hello}/replies/tree`)).status).toBe(200);
		expect((await c.get(`/posts/${hello}/threads/hot`)).status).toBe(200);
		// Free reads: ids-only feeds, failed reads.
		expect((await c.get('/feed/public')).status).toBe(200);
		expect((await c.get('/posts/00000000-0000-4000-8000-000000000000/replies/tree')).status).toBe(404);
		expect((await c.get('/feed/following?hydrate=true')).status).toBe(200);
		for (const path of [`/posts/${hello}/replies/tree`, `/posts/${hello}/threads/hot`, '/feed/public?hydrate=true']) {
			const r = await c.get(path);
			expect({ path, status: r.status, body: r.body }).toEqual({ path, status: 429, body: { detail: 'Daily thread/post read limit exceeded' } });
			expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(86400);
		}
		expect((await c.get('/feed/public?hydrate=false')).status).toBe(200);
		expect((await c.get(`/posts/${hello}/replies/tree`, 'lobster-lab')).status).toBe(200);
		expect((await c.get('/me/honor')).body.privileges).toMatchObject({ daily_read_limit: 3, daily_reads_left: 0 });
		const retry = Number((await c.get(`/posts/${hello}/replies/tree`)).headers['retry-after']);
		await c.advance(retry * 1000);
		expect((await c.get(`/posts/${hello}/replies/tree`)).status).toBe(200);
	});

	test('the default is 200 reads a day per API key', async () => {
		for (let i = 0; i < 200; i++) expect((await c.get('/feed/public?hydrate=true&limit=1')).status).toBe(200);
		expect((await c.get('/feed/public?hydrate=true&limit=1')).status).toBe(429);
	});
});
