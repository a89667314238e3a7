/**
 * Clawtter reading and the social graph through real n8n-core against the sandbox: feeds as post
 * IDs or hydrated cards (and the daily read budget's 429), trending, search, a user's posts,
 * follow / unfollow by identity_id or clawtter_id, topic subscriptions with URL-encoded names,
 * and what happens without a credential.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../harness/n8n';
import { useSandbox } from '../../harness/sandbox';
import { byId, clawtterKit } from './kit';

const t = useSandbox();
const { run, requests, posts, clawtterId, noKey, base } = clawtterKit(t);

describe('Feed → Get Public / Get Following', () => {
	test('Post IDs Only: hydrate=false, one {post_id} item per post, free of the read budget', async () => {
		await t.current.control('POST', 'clawtter/limits', { dailyReads: 0 });
		const { items, error } = await run('feed', 'getPublic', { hydrate: false, limit: 3 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		for (const item of items) expect(Object.keys(item.json)).toEqual(['post_id']);
		const [request] = await requests();
		expect([request.method, request.path, request.query, request.status]).toEqual(['GET', '/feed/public', { hydrate: 'false', limit: '3' }, 200]);
	});

	test('Full Post Cards: hydrate=true, one card per post with author and content', async () => {
		const { items, error } = await run('feed', 'getPublic', { hydrate: true, limit: 2 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({ post_id: expect.any(String), author: { identity_id: 'lobster-lab' }, content: expect.stringMatching(/^Weekly lab update/) });
		expect((await requests())[0].query).toEqual({ hydrate: 'true', limit: '2' });
	});

	test('Get Following: GET /feed/following; Return All asks for the largest page', async () => {
		const { items, error } = await run('feed', 'getFollowing', { hydrate: true, returnAll: true });
		expect(error).toBeUndefined();
		const authors = new Set(items.map((i) => (i.json.author as IDataObject).identity_id));
		expect(authors.has('lobster-lab')).toBe(true);
		expect(authors.has('n8n-agent')).toBe(true);
		const [request] = await requests();
		expect([request.path, request.query]).toEqual(['/feed/following', { hydrate: 'true', limit: '200' }]);
	});

	test('the daily read budget: past it Clawtter\'s 429 detail reaches the user; IDs stay free', async () => {
		await t.current.control('POST', 'clawtter/limits', { dailyReads: 1 });
		expect((await run('feed', 'getPublic', { hydrate: true, limit: 1 })).error).toBeUndefined();
		const { error } = await run('feed', 'getPublic', { hydrate: true, limit: 1 });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('429');
		expect(error?.message).toContain('Daily thread/post read limit exceeded');
		expect(error?.description).toMatch(/^HTTP 429\. .*daily read budget/);
		noKey(error?.message, error?.description, error?.stack);
		expect((await run('feed', 'getFollowing', { hydrate: false, limit: 1 })).error).toBeUndefined();
		expect((await requests()).map((r) => r.status)).toEqual([200, 429, 200]);
	});
});

describe('Trending and Search', () => {
	test('Trending → Get Posts: GET /trending/posts with limit', async () => {
		const { items, error } = await run('trending', 'getPosts', { limit: 2 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({ post_id: expect.any(String), hot_score: expect.any(Number) });
		expect((await requests()).map((r) => [r.path, r.query])).toEqual([['/trending/posts', { limit: '2' }]]);
	});

	test('Trending → Get Topics: Return All asks for 100', async () => {
		const { items, error } = await run('trending', 'getTopics', { returnAll: true });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(JSON.stringify(items.map((i) => i.json))).toContain('lobsters');
		expect((await requests()).map((r) => [r.path, r.query])).toEqual([['/trending/topics', { limit: '100' }]]);
	});

	test('Search → Posts: a #topic query', async () => {
		const { items, error } = await run('search', 'posts', { q: '#poetry', limit: 10 });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.json).toMatchObject({ post_id: expect.any(String), content_preview: expect.stringContaining('#poetry') });
		expect((await requests()).map((r) => [r.path, r.query])).toEqual([['/search/posts', { q: '#poetry', limit: '10' }]]);
	});

	test('Search → Posts: a blank query is refused before sending', async () => {
		const { error } = await run('search', 'posts', { q: '  ', limit: 10 });
		expect(error?.message).toContain('Query (q) is required');
		expect(await requests()).toHaveLength(0);
	});

	test('Search → Suggest Topics: one {topic} item per name', async () => {
		const { items, error } = await run('search', 'suggestTopics', { q: 'po', limit: 5 });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toContainEqual({ topic: 'poetry' });
		expect((await requests()).map((r) => [r.path, r.query])).toEqual([['/search/suggest', { q: 'po', limit: '5' }]]);
	});
});

describe('User → Get Posts, Follow, Unfollow', () => {
	test('Get Posts of yourself: every moderation state', async () => {
		await t.current.control('POST', 'clawtter/moderation/settings', { manual: true });
		await run('post', 'create', { content: 'Still in review' });
		const { items, error } = await run('user', 'getPosts', { user: byId('n8n-agent'), limit: 10 });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ moderation_status: 'pending', content_preview: 'Still in review' });
		expect(items.slice(1).every((i) => i.json.moderation_status === 'approved')).toBe(true);
		const [request] = await requests('GET');
		expect([request.path, request.query]).toEqual(['/clawtters/n8n-agent/posts', { limit: '10' }]);
	});

	test('Get Posts of someone else: approved posts only (shell-poet\'s rejected post is hidden)', async () => {
		const rejected = (await posts()).find((p) => p.moderation_status === 'rejected');
		const { items } = await run('user', 'getPosts', { user: byId('shell-poet'), returnAll: true });
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((i) => i.json.moderation_status === 'approved')).toBe(true);
		expect(items.map((i) => i.json.post_id)).not.toContain(rejected?.post_id);
		expect((await requests())[0].query).toEqual({ limit: '200' });
	});

	test('Follow and Unfollow by identity_id', async () => {
		const followed = await run('user', 'follow', { user: byId('shell-poet') });
		expect(followed.error).toBeUndefined();
		expect(followed.items.map((i) => i.json)).toEqual([{ success: true }]);
		const following = await run('account', 'getFollowing', { returnAll: true });
		expect(following.items.map((i) => i.json.identity_id).sort()).toEqual(['lobster-lab', 'shell-poet']);
		const unfollowed = await run('user', 'unfollow', { user: byId('shell-poet') });
		expect(unfollowed.items.map((i) => i.json)).toEqual([{ deleted: true }]);
		const after = await run('account', 'getFollowing', { returnAll: true });
		expect(after.items.map((i) => i.json.identity_id)).toEqual(['lobster-lab']);
		const writes = (await requests()).filter((r) => r.method !== 'GET');
		expect(writes.map((r) => [r.method, r.path, r.status])).toEqual([
			['POST', '/clawtters/shell-poet/follow', 204],
			['DELETE', '/clawtters/shell-poet/follow', 204],
		]);
	});

	test('Follow and Unfollow by clawtter_id', async () => {
		const id = clawtterId('shell-poet');
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		expect((await run('user', 'follow', { user: byId(` ${id} `) })).error).toBeUndefined();
		expect((await run('account', 'getFollowing', { returnAll: true })).items.map((i) => i.json.identity_id)).toContain('shell-poet');
		expect((await run('user', 'unfollow', { user: byId(id) })).error).toBeUndefined();
		expect((await run('account', 'getFollowing', { returnAll: true })).items.map((i) => i.json.identity_id)).not.toContain('shell-poet');
		const writes = (await requests()).filter((r) => r.method !== 'GET');
		expect(writes.map((r) => [r.method, r.path])).toEqual([
			['POST', `/clawtters/${id}/follow`],
			['DELETE', `/clawtters/${id}/follow`],
		]);
	});

	test('Follow someone who does not exist: Clawtter\'s 404 detail', async () => {
		const { error } = await run('user', 'follow', { user: byId('nobody-here') });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBeTruthy();
		expect((await requests())[0].path).toBe('/clawtters/nobody-here/follow');
	});
});

describe('Topic → Subscribe', () => {
	test('a non-ASCII name given with # is URL-encoded, without the #, and the subscription takes effect', async () => {
		const made = await t.current.control<{ post: IDataObject }>('POST', 'clawtter/posts', { identity_id: 'shell-poet', content: 'Haiku del día #日本語_más' });
		expect(made.post.topics).toEqual(['日本語_más']);
		const feedIds = async () => (await run('feed', 'getFollowing', { hydrate: false, returnAll: true })).items.map((i) => i.json.post_id);
		expect(await feedIds()).not.toContain(made.post.post_id);
		const { items, error } = await run('topic', 'subscribe', { topic: ' #日本語_más ' });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ success: true }]);
		const [request] = await requests('POST');
		expect([request.method, request.path, request.status]).toEqual(['POST', '/topics/%E6%97%A5%E6%9C%AC%E8%AA%9E_m%C3%A1s/subscribe', 204]);
		expect(await feedIds()).toContain(made.post.post_id);
	});

	test('any name the reference allows goes through (two words, any script)', async () => {
		expect((await run('topic', 'subscribe', { topic: 'two words' })).error).toBeUndefined();
		expect((await requests())[0].path).toBe('/topics/two%20words/subscribe');
		expect((await run('topic', 'subscribe', { topic: '#龙虾' })).error).toBeUndefined();
		expect((await requests()).at(-1)?.path).toBe('/topics/%E9%BE%99%E8%99%BE/subscribe');
	});

	test('a dot segment, an empty name or a slash is refused before sending: it would reach another route', async () => {
		for (const topic of ['..', '##', 'a/b']) {
			const { error } = await run('topic', 'subscribe', { topic });
			expect(error?.message).toMatch(/^Topic \(topic\) is not a topic name: .*Refused by the node before sending: nothing was sent to Clawtter\.$/);
		}
		expect(await requests()).toHaveLength(0);
	});

	test('a subscribed topic brings its posts into the following feed', async () => {
		const feedIds = async () => (await run('feed', 'getFollowing', { hydrate: false, returnAll: true })).items.map((i) => i.json.post_id);
		const moon = (await posts()).find((p) => String(p.content).startsWith('Moonlight'))?.post_id;
		const unsub = (await posts()).find((p) => String(p.content).includes('#science') && p.identity_id === 'shell-poet')?.post_id;
		expect(await feedIds()).toContain(moon);
		expect(await feedIds()).not.toContain(unsub);
		expect((await run('topic', 'subscribe', { topic: '#science' })).error).toBeUndefined();
		expect(await feedIds()).toContain(unsub);
		expect((await requests('POST'))[0].path).toBe('/topics/science/subscribe');
	});
});

describe('Credentials', () => {
	test('no credential selected: a clear error, nothing sent', async () => {
		const { error } = await runNode({ type: 'clawtter', parameters: { resource: 'account', operation: 'getQuota' }, credentials: {} });
		expect(error?.message).toMatch(/credential/i);
		expect(await requests()).toHaveLength(0);
	});

	test('a Base URL that is not http(s) stops the node before sending', async () => {
		const { error } = await run('trending', 'getPosts', { limit: 1 }, { credential: { baseUrl: 'ftp://example.com' } });
		expect(error?.message).toBe('The Base URL in the Clawtter credential must be an http:// or https:// URL');
		expect(await requests()).toHaveLength(0);
	});

	test('a trailing slash on the Base URL is removed', async () => {
		const { error } = await run('account', 'getQuota', {}, { credential: { baseUrl: `${base()}//` } });
		expect(error).toBeUndefined();
		expect((await requests())[0].path).toBe('/me/quota');
	});
});

test('continueOnFail: each item keeps its pairing; errors carry no key', async () => {
	const input = [{ json: { who: 'shell-poet' } }, { json: { who: 'nobody-here' } }, { json: { who: 'lobster-lab' } }];
	const { items, error } = await run('user', 'follow', { user: byId('={{ $json.who }}') }, { input, continueOnFail: true });
	expect(error).toBeUndefined();
	expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(items[0].json).toEqual({ success: true });
	expect(items[1].json.error).toBeTruthy();
	expect(items[2].json).toEqual({ success: true });
	expect((await requests()).map((r) => [r.path, r.status])).toEqual([
		['/clawtters/shell-poet/follow', 204],
		['/clawtters/nobody-here/follow', 404],
		['/clawtters/lobster-lab/follow', 204],
	]);
	noKey(items);
});
