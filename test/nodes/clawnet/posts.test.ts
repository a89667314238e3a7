/**
 * ClawNet node — Post (Create, Reply, Quote, Get, Get Many), Mention, Reaction, Repost and
 * Thread through real n8n-core against the sandbox: requests as received, outputs, post locators
 * in every mode, content limits checked before sending, cursor paging and API errors.
 */
import { expectSameSet, field, json, paired, postModes, rl, useClawNet } from './helpers';
import type { Json } from './helpers';

const c = useClawNet();

/** The seeded posts by a word of their content (replies included). */
async function seededPost(word: string): Promise<Json> {
	const { posts } = await c.api('GET', `/search?type=posts&include_replies=true&q=${encodeURIComponent(word)}`);
	expect(posts).toHaveLength(1);
	return (posts as Json[])[0];
}
const MODELS = 'GPT';
const REPLY = 'Confirmed';
const HELLO = 'workflows';
const READING = 'TaskGroup';

const postOp = (operation: string, extra: Json) => ({ resource: 'post', operation, ...extra });

describe('Post → Create', () => {
	test('POST /posts with the content and the comma-separated mentions as an array; the created post comes out', async () => {
		const content = 'Shipping the ClawNet node today #n8n — cc @Tom';
		const { items, error } = await c.run(postOp('create', { content, options: { mentions: '@Sam, Newbie ,' } }));
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([
			{ method: 'POST', path: '/posts', query: {}, body: { content, mentions: ['Sam', 'Newbie'] }, principal: 'n8n_agent', status: 201 },
		]);
		expect(json(items)).toEqual([
			{
				ok: true,
				id: expect.stringMatching(/^post_/),
				post: expect.objectContaining({ agent_id: 'n8n_agent', content, parent_post_id: null, quoted_post_id: null, mentions: ['Tom', 'Sam', 'Newbie'], hashtags: ['n8n'] }),
			},
		]);
		expect(items[0].json.id).toBe((items[0].json.post as Json).id);
	});

	test('without mentions no `mentions` is sent', async () => {
		await c.run(postOp('create', { content: 'plain', options: { mentions: ' , ' } }));
		expect((await c.sent())[0].body).toEqual({ content: 'plain' });
	});

	test('1,501 characters are refused before sending; 1,500 are sent', async () => {
		await c.refused(postOp('create', { content: 'p'.repeat(1501) }), 'Content (content) is too long: 1501 characters; the limit is 1500');
		const fits = await c.run(postOp('create', { content: 'p'.repeat(1500) }));
		expect(fits.error).toBeUndefined();
		expect((await c.sent())[0]).toMatchObject({ path: '/posts', status: 201 });
	});

	test('empty content stops the workflow (required parameter); blank content is refused before sending', async () => {
		await expect(c.run(postOp('create', { content: '' }))).rejects.toThrow(/Parameter "Content" is required/);
		await c.expectNothingSent();
		await c.refused(postOp('create', { content: ' \n ' }), 'Content (content) is required');
	});
});

describe('Post → Reply', () => {
	test.each(['list', 'id', 'url'])('POST /posts with parent_post_id, the post picked by %s', async (mode) => {
		const parent = await seededPost(MODELS);
		const [, locator] = postModes(String(parent.id)).find(([m]) => m === mode)!;
		const { items, error } = await c.run(postOp('reply', { parentPostId: locator, content: 'Works for me too.' }));
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([
			{ method: 'POST', path: '/posts', body: { parent_post_id: parent.id, content: 'Works for me too.' }, principal: 'n8n_agent', status: 201 },
		]);
		expect(items[0].json.post).toMatchObject({ parent_post_id: parent.id, root_post_id: parent.id, agent_id: 'n8n_agent' });
	});

	test('a reply over 1,500 characters is refused before sending', async () => {
		const parent = await seededPost(MODELS);
		await c.refused(postOp('reply', { parentPostId: rl('id', String(parent.id)), content: 'r'.repeat(1501) }), 'Content (content) is too long: 1501 characters; the limit is 1500');
	});

	test('replying to an unknown post is a 404 NodeApiError', async () => {
		const { error } = await c.run(postOp('reply', { parentPostId: rl('id', 'post_000000000000'), content: 'hello?' }));
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: expect.stringContaining('parent_post_id post_000000000000 not found') });
	});
});

describe('Post → Quote', () => {
	test.each(['list', 'id', 'url'])('POST /posts with quoted_post_id, the post picked by %s', async (mode) => {
		const quoted = await seededPost(READING);
		const [, locator] = postModes(String(quoted.id)).find(([m]) => m === mode)!;
		const { items, error } = await c.run(postOp('quote', { quotedPostId: locator, content: 'Worth reading.', options: { mentions: 'Sam' } }));
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ path: '/posts', body: { quoted_post_id: quoted.id, content: 'Worth reading.', mentions: ['Sam'] }, status: 201 }]);
		expect(items[0].json.post).toMatchObject({ quoted_post_id: quoted.id, quoted_post: { id: quoted.id, agent_id: 'Sam' } });
	});

	test('a quote over 750 characters is refused before sending; 750 are sent', async () => {
		const quoted = await seededPost(READING);
		await c.refused(postOp('quote', { quotedPostId: rl('id', String(quoted.id)), content: 'q'.repeat(751) }), 'Content (content) is too long: 751 characters; the limit is 750');
		const fits = await c.run(postOp('quote', { quotedPostId: rl('id', String(quoted.id)), content: 'q'.repeat(750) }));
		expect(fits.error).toBeUndefined();
		expect((await c.sent())[0]).toMatchObject({ path: '/posts', status: 201 });
	});
});

describe('the post picker (From List)', () => {
	test('without a filter it lists recent posts (GET /posts?limit=50); with one it searches posts and replies; the picked value is the post ID the node sends', async () => {
		const recent = await c.listSearch('searchPosts');
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/posts', query: { limit: '50' }, status: 200 }]);
		expect(recent.results.map((r) => String(r.name).split(':')[0])).toEqual(['Tom', 'Sam', 'n8n_agent', 'Tom']);
		expect(recent.results.every((r) => /^post_[0-9a-f]+$/.test(String(r.value)))).toBe(true);

		const found = await c.listSearch('searchPosts', 'python');
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/search', query: { q: 'python', type: 'posts', include_replies: 'true', limit: '50' }, status: 200 }]);
		const reply = await seededPost(REPLY);
		expect(found.results).toContainEqual({ name: 'Sam: Confirmed: o3 works here too. Anyone tried it on #python async code?', value: reply.id });

		const { items } = await c.run({ resource: 'reaction', operation: 'getCount', postId: rl('list', String(reply.id)) });
		expect(await c.sent()).toMatchObject([{ path: `/posts/${reply.id}/reactions`, status: 200 }]);
		expect(items[0].json).toEqual({ ok: true, post_id: reply.id, count: 0 });
	});
});

describe('Post → Get', () => {
	test.each(['list', 'id', 'url'])('GET /posts/:id, picked by %s: the post and its conversation in one item', async (mode) => {
		const root = await seededPost(MODELS);
		const reply = await seededPost(REPLY);
		const [, locator] = postModes(String(root.id)).find(([m]) => m === mode)!;
		const { items, error } = await c.run(postOp('get', { postId: locator }));
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: `/posts/${root.id}`, query: {}, status: 200 }]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ ok: true, post: { id: root.id, agent_id: 'Tom' }, next_before_ts: null, next_before_id: null });
		expect((items[0].json.conversation as Json[]).map((p) => p.id)).toEqual([root.id, reply.id]);
	});

	test('Conversation Limit and Before: limit and before_ts', async () => {
		const root = await seededPost(MODELS);
		const reply = await seededPost(REPLY);
		const beforeTs = new Date(Date.now() + 60_000).toISOString();
		const { items } = await c.run(postOp('get', { postId: rl('id', String(root.id)), options: { conversationLimit: 1, beforeTs } }));
		expect(await c.sent()).toMatchObject([{ path: `/posts/${root.id}`, query: { limit: '1', before_ts: beforeTs } }]);
		expect((items[0].json.conversation as Json[]).map((p) => p.id)).toEqual([reply.id]);
		expect(items[0].json.next_before_id).toBe(reply.id);
	});

	test('an unknown post is a 404 NodeApiError with the API\'s message', async () => {
		const { items, error } = await c.run(postOp('get', { postId: rl('id', 'post_nope') }));
		expect(items).toEqual([]);
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: expect.stringContaining('Post post_nope not found'), description: 'HTTP 404 (not_found).' });
	});

	test('a URL that is not a clwnt.com post link stops the workflow before anything is sent', async () => {
		await expect(c.run(postOp('get', { postId: rl('url', 'https://example.com/posts/123') }))).rejects.toThrow(/Not a ClawNet post URL/);
		await c.expectNothingSent();
	});
});

describe('Post → Get Many, Mention → Get Many, Search → Posts', () => {
	test('Limit: limit=N in one request and N posts, newest first, one item per post', async () => {
		const { items, error } = await c.run(postOp('getMany', { feed: 'public', returnAll: false, limit: 2 }));
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/posts', query: { limit: '2' }, status: 200 }]);
		expect(items.map((i) => i.json.agent_id)).toEqual(['Tom', 'Sam']);
		expect(items[0].json.content).toMatch(/^Hey @n8n_agent/);
		expect(items[0].json).not.toHaveProperty('_guide');
		expect(items[0].json).not.toHaveProperty('posts');
	});

	test('Following feed and filters: feed=following, agent_id, hashtag (without #), before', async () => {
		const before = new Date(Date.now() - 60_000).toISOString();
		const following = await c.run(postOp('getMany', { feed: 'following', returnAll: false, limit: 10, filters: { agentId: 'Tom', before } }));
		expect(await c.sent()).toMatchObject([{ path: '/posts', query: { feed: 'following', agent_id: 'Tom', before, limit: '10' }, principal: 'n8n_agent', status: 200 }]);
		expect(following.items.map((i) => String(i.json.content).slice(0, 10))).toEqual(['Hey @n8n_a', 'GPT-4o is ']);

		const tagged = await c.run(postOp('getMany', { feed: 'public', returnAll: true, filters: { hashtag: '#python' } }));
		expect(await c.sent()).toMatchObject([{ path: '/posts', query: { hashtag: 'python', limit: '200' } }]);
		expect(tagged.items.map((i) => i.json.agent_id)).toEqual(['Sam']);
	});

	test('Mention → Get Many: GET /mentions with limit', async () => {
		const { items, error } = await c.run({ resource: 'mention', operation: 'getMany', returnAll: false, limit: 1 });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/mentions', query: { limit: '1' }, principal: 'n8n_agent', status: 200 }]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ agent_id: 'Tom', mentions: ['n8n_agent'] });
	});

	test('Search → Posts: q, include_replies and limit; an empty query is refused before sending', async () => {
		const { items } = await c.run({ resource: 'search', operation: 'posts', q: 'python', includeReplies: true, returnAll: false, limit: 5 });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/search', query: { type: 'posts', q: 'python', include_replies: 'true', limit: '5' }, status: 200 }]);
		expect(items.map((i) => i.json.agent_id)).toEqual(['Sam', 'Sam']);
		const topLevel = await c.run({ resource: 'search', operation: 'posts', q: 'python', includeReplies: false, returnAll: false, limit: 5 });
		expect((await c.sent())[0].query).toEqual({ type: 'posts', q: 'python', limit: '5' });
		expect(topLevel.items).toHaveLength(1);

		await c.refused({ resource: 'search', operation: 'posts', q: '  ', returnAll: true }, 'Query (q) is required');
	});

	test('Return All follows the cursor of each list across pages of 200 (feed: before, mentions: before, search: before_ts)', async () => {
		const seededTopLevel = ((await c.api('GET', '/posts?limit=200')).posts as Json[]).map((p) => String(p.id));
		expect(seededTopLevel).toHaveLength(4);
		const created = await c.createPosts('Tom', 201, (i) => `Bulk update ${i} for @n8n_agent #bulk`);

		const feed = await c.run(postOp('getMany', { feed: 'public', returnAll: true }));
		expect(feed.error).toBeUndefined();
		let requests = await c.sent();
		expect(requests.map((r) => [r.path, r.query])).toEqual([
			['/posts', { limit: '200' }],
			['/posts', { limit: '200', before: feed.items[199].json.created_at }],
		]);
		expectSameSet(field(feed.items, 'id'), [...seededTopLevel, ...created]);
		const times = field(feed.items, 'created_at');
		expect([...times].sort().reverse()).toEqual(times);

		const mentions = await c.run({ resource: 'mention', operation: 'getMany', returnAll: true });
		requests = await c.sent();
		expect(requests.map((r) => [r.path, r.query])).toEqual([
			['/mentions', { limit: '200' }],
			['/mentions', { limit: '200', before: mentions.items[199].json.created_at }],
		]);
		expect(mentions.items).toHaveLength(202);
		expectSameSet(field(mentions.items, 'id').slice(0, 201), created);

		const search = await c.run({ resource: 'search', operation: 'posts', q: 'bulk', returnAll: true });
		requests = await c.sent();
		expect(requests.map((r) => [r.path, r.query])).toEqual([
			['/search', { type: 'posts', q: 'bulk', limit: '200' }],
			['/search', { type: 'posts', q: 'bulk', limit: '200', before_ts: search.items[199].json.created_at }],
		]);
		expectSameSet(field(search.items, 'id'), created);
	});
});

describe('Reaction', () => {
	test.each(['list', 'id', 'url'])('Add: POST /posts/:id/react, the post picked by %s', async (mode) => {
		const post = await seededPost(READING);
		const [, postId] = postModes(String(post.id)).find(([m]) => m === mode)!;
		const { items, error } = await c.run({ resource: 'reaction', operation: 'add', postId });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: `/posts/${post.id}/react`, principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, post_id: post.id, reacted: true, count: 1 }]);
	});

	test('reacting twice is a 409 NodeApiError; under Continue On Fail each item gets its own outcome', async () => {
		const liked = await seededPost(MODELS); // n8n_agent reacted to it in the seed
		const fresh = await seededPost(READING);
		const once = await c.run({ resource: 'reaction', operation: 'add', postId: rl('id', String(liked.id)) });
		expect(once.error).toMatchObject({ name: 'NodeApiError', httpCode: '409', message: expect.stringContaining(`You already reacted to ${liked.id}`), description: 'HTTP 409 (already_exists). The agent ID or resource already exists.' });

		const input = [{ json: { post: liked.id } }, { json: { post: fresh.id } }];
		const { items, error } = await c.run({ resource: 'reaction', operation: 'add', postId: rl('id', '={{ $json.post }}') }, { input, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ error: expect.stringContaining(`You already reacted to ${liked.id}`) }, { item: 0 }],
			[{ ok: true, post_id: fresh.id, reacted: true, count: 1 }, { item: 1 }],
		]);
		expect((await c.sent()).map((r) => `${r.path} ${r.status}`).sort()).toEqual([`/posts/${fresh.id}/react 200`, `/posts/${liked.id}/react 409`].sort());
	});

	test('Remove: DELETE /posts/:id/react; Get Count: GET /posts/:id/reactions', async () => {
		const liked = await seededPost(MODELS);
		const removed = await c.run({ resource: 'reaction', operation: 'remove', postId: rl('url', `https://clwnt.com/posts/${liked.id}`) });
		expect(await c.sent()).toMatchObject([{ method: 'DELETE', path: `/posts/${liked.id}/react`, principal: 'n8n_agent', status: 200 }]);
		expect(json(removed.items)).toEqual([{ ok: true, post_id: liked.id, reacted: false, count: 0 }]);

		const hello = await seededPost(HELLO);
		const count = await c.run({ resource: 'reaction', operation: 'getCount', postId: rl('list', String(hello.id)) });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: `/posts/${hello.id}/reactions`, status: 200 }]);
		expect(json(count.items)).toEqual([{ ok: true, post_id: hello.id, count: 3 }]);

		const again = await c.run({ resource: 'reaction', operation: 'remove', postId: rl('id', String(liked.id)) });
		expect(again.error).toMatchObject({ httpCode: '404', message: expect.stringContaining(`You have not reacted to ${liked.id}`) });
	});
});

describe('Repost', () => {
	test.each(['list', 'id', 'url'])('Create: POST /posts/:id/repost, the post picked by %s', async (mode) => {
		const post = await seededPost(MODELS);
		const [, postId] = postModes(String(post.id)).find(([m]) => m === mode)!;
		const { items, error } = await c.run({ resource: 'repost', operation: 'create', postId });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: `/posts/${post.id}/repost`, principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, post_id: post.id, repost_id: expect.stringMatching(/^repost_/), reposted: true, count: 1 }]);
	});

	test('Delete: DELETE /posts/:id/repost; Get Count: GET /posts/:id/reposts; reposting twice is a 409', async () => {
		const post = await seededPost(MODELS);
		const locator = rl('id', String(post.id));
		await c.run({ resource: 'repost', operation: 'create', postId: locator });
		const twice = await c.run({ resource: 'repost', operation: 'create', postId: locator });
		expect(twice.error).toMatchObject({ name: 'NodeApiError', httpCode: '409', message: expect.stringContaining(`You already reposted ${post.id}`) });

		const count = await c.run({ resource: 'repost', operation: 'getCount', postId: locator });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: `/posts/${post.id}/reposts`, status: 200 }]);
		expect(json(count.items)).toEqual([{ ok: true, post_id: post.id, count: 1 }]);

		const deleted = await c.run({ resource: 'repost', operation: 'delete', postId: locator });
		expect(await c.sent()).toMatchObject([{ method: 'DELETE', path: `/posts/${post.id}/repost`, principal: 'n8n_agent', status: 200 }]);
		expect(json(deleted.items)).toEqual([{ ok: true, post_id: post.id, reposted: false, count: 0 }]);
	});
});

describe('Thread', () => {
	test.each(['list', 'id', 'url'])('Follow and Unfollow: POST / DELETE /posts/:id/follow, the post picked by %s', async (mode) => {
		const post = await seededPost(READING);
		const [, postId] = postModes(String(post.id)).find(([m]) => m === mode)!;
		const followed = await c.run({ resource: 'thread', operation: 'follow', postId });
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: `/posts/${post.id}/follow`, principal: 'n8n_agent', status: 200 }]);
		expect(json(followed.items)).toEqual([{ ok: true, post_id: post.id, following: true }]);

		const unfollowed = await c.run({ resource: 'thread', operation: 'unfollow', postId });
		expect(await c.sent()).toMatchObject([{ method: 'DELETE', path: `/posts/${post.id}/follow`, principal: 'n8n_agent', status: 200 }]);
		expect(json(unfollowed.items)).toEqual([{ ok: true, post_id: post.id, following: false }]);
	});

	test('a reply cannot be followed: 400 with the API\'s message; following twice is a 409', async () => {
		const reply = await seededPost(REPLY);
		const { error } = await c.run({ resource: 'thread', operation: 'follow', postId: rl('id', String(reply.id)) });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '400', message: expect.stringContaining('Only top-level posts can be followed (this post is a reply)'), description: 'HTTP 400 (invalid_request).' });
		const own = await seededPost(HELLO); // posting follows your own thread
		const twice = await c.run({ resource: 'thread', operation: 'follow', postId: rl('id', String(own.id)) });
		expect(twice.error).toMatchObject({ httpCode: '409', message: expect.stringContaining(`You already follow the thread of ${own.id}`) });
	});
});

test('several input items on a post operation: one request per item, outputs paired', async () => {
	const posts = await Promise.all([MODELS, HELLO, READING].map(seededPost));
	const { items, error } = await c.run({ resource: 'reaction', operation: 'getCount', postId: rl('id', '={{ $json.id }}') }, { input: posts.map((p) => ({ json: { id: p.id } })) });
	expect(error).toBeUndefined();
	expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(items.map((i) => [i.json.post_id, i.json.count])).toEqual([
		[posts[0].id, 1],
		[posts[1].id, 3],
		[posts[2].id, 0],
	]);
	expect((await c.sent()).map((r) => r.path).sort()).toEqual(posts.map((p) => `/posts/${p.id}/reactions`).sort());
});
