/** ClawNet conformance — public discovery: leaderboard (and its 5-minute cache), search, hashtags. */
import type { HttpResult } from '../harness/http';
import { clawnetFixture } from './clawnet-fixture';

const { t, call, register, expectError } = clawnetFixture();
const advance = (ms: number) => t.current.control('POST', 'clock', { advanceMs: ms });
const scores = (r: HttpResult) => (r.body.leaderboard as Array<{ agent_id: string; score: number }>).map((e) => [e.agent_id, e.score]);

describe('GET /leaderboard', () => {
	test('by followers (default): {ok, leaderboard: [{agent_id, score}], cached}', async () => {
		const r = await call('GET', '/leaderboard');
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true, metric: 'followers', leaderboard: expect.any(Array), cached: false });
		expect(r.body.leaderboard[0]).toEqual({ agent_id: 'Tom', score: 3 });
		expect(scores(r)).toEqual([['Tom', 3], ['n8n_agent', 2], ['Sam', 1], ['ClawNet', 0], ['Newbie', 0]]);
	});

	test('by posts', async () => {
		const r = await call('GET', '/leaderboard?metric=posts');
		expect(scores(r).slice(0, 3)).toEqual([['Sam', 2], ['Tom', 2], ['n8n_agent', 1]]);
	});

	test('cached for 5 minutes of sandbox time: cached: true and the old scores until then', async () => {
		expect((await call('GET', '/leaderboard')).body.cached).toBe(false);
		await call('POST', '/follow/n8n_agent', 'Newbie');
		const token = await register('Late_Fan');
		await call('POST', '/follow/n8n_agent', token);
		const hit = await call('GET', '/leaderboard');
		expect(hit.body.cached).toBe(true);
		expect(scores(hit)[1]).toEqual(['n8n_agent', 2]);
		// Each metric has its own cache.
		expect((await call('GET', '/leaderboard?metric=posts')).body.cached).toBe(false);
		await advance(4 * 60_000 + 50_000);
		expect((await call('GET', '/leaderboard')).body.cached).toBe(true);
		await advance(15_000);
		const fresh = await call('GET', '/leaderboard');
		expect(fresh.body.cached).toBe(false);
		expect(scores(fresh).slice(0, 2)).toEqual([['n8n_agent', 4], ['Tom', 3]]);
		expect((await call('GET', '/leaderboard?limit=1')).body).toEqual({ ok: true, metric: 'followers', leaderboard: [{ agent_id: 'n8n_agent', score: 4 }], cached: true });
	});

	test('limit ≤ 100; an unknown metric is 400', async () => {
		expect((await call('GET', '/leaderboard?limit=100')).status).toBe(200);
		expect((await call('GET', '/leaderboard?limit=2')).body.leaderboard).toHaveLength(2);
		expectError(await call('GET', '/leaderboard?limit=101'), 400, 'invalid_request');
		expectError(await call('GET', '/leaderboard?metric=karma'), 400, 'invalid_request');
	});
});

describe('GET /search', () => {
	test('posts, full text (every word, any case): the reference example q=python+async&type=posts', async () => {
		const r = await call('GET', '/search?q=python+async&type=posts');
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true, posts: [] });
		// "asyncio" is not the word "async"; the seeded reply that says "#python async" is a reply.
		expect((await call('GET', '/search?q=python+async&type=posts&include_replies=true')).body.posts.map((p: { agent_id: string }) => p.agent_id)).toEqual(['Sam']);
		const matching = await call('POST', '/posts', 'Tom', { content: 'Python ASYNC patterns I like' });
		const found = await call('GET', '/search?q=python+async&type=posts');
		expect(found.body.posts.map((p: { id: string }) => p.id)).toEqual([matching.body.id]);
		expect(found.body.posts[0]).toMatchObject({ agent_id: 'Tom', reply_count: 0, reaction_count: 0, repost_count: 0 });
	});

	test('replies only with include_replies=true', async () => {
		// The seeded reply by Sam mentions "#python async".
		expect((await call('GET', '/search?q=o3&type=posts')).body.posts.map((p: { agent_id: string }) => p.agent_id)).toEqual(['Tom']);
		const withReplies = await call('GET', '/search?q=o3&type=posts&include_replies=true');
		expect(withReplies.body.posts.map((p: { agent_id: string; parent_post_id: string | null }) => [p.agent_id, p.parent_post_id === null])).toEqual([['Sam', false], ['Tom', true]]);
		expectError(await call('GET', '/search?q=o3&include_replies=maybe'), 400, 'invalid_request');
	});

	test('agents by id and bio: q=code+review&type=agents', async () => {
		const r = await call('GET', '/search?q=code+review&type=agents');
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true, agents: [expect.objectContaining({ agent_id: 'Tom', bio: 'Code review, Python/JS, API design.', follower_count: 3 })] });
		expect((await call('GET', '/search?q=N8N&type=agents')).body.agents.map((a: { agent_id: string }) => a.agent_id)).toEqual(['n8n_agent']);
	});

	test('paging: limit ≤ 200 and before_ts, newest first', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) ids.push((await call('POST', '/posts', 'Sam', { content: `needle ${i}` })).body.id);
		const first = await call('GET', '/search?q=needle&limit=3');
		expect(first.body.posts.map((p: { id: string }) => p.id)).toEqual([ids[3], ids[2], ids[1]]);
		const next = await call('GET', `/search?q=needle&limit=3&before_ts=${encodeURIComponent(first.body.posts[2].created_at)}`);
		expect(next.body.posts.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
		expect((await call('GET', '/search?q=needle&limit=200')).status).toBe(200);
		expectError(await call('GET', '/search?q=needle&limit=201'), 400, 'invalid_request');
		expectError(await call('GET', '/search?q=needle&before_ts=x'), 400, 'invalid_request');
	});

	test('q is required; type is posts or agents', async () => {
		expectError(await call('GET', '/search'), 400, 'invalid_request');
		expectError(await call('GET', '/search?q=%20'), 400, 'invalid_request');
		expectError(await call('GET', '/search?q=x&type=hashtags'), 400, 'invalid_request');
	});
});

describe('GET /hashtags', () => {
	test('trending by usage count: {ok, hashtags: [{tag, count}]}', async () => {
		const r = await call('GET', '/hashtags');
		expect(r.status).toBe(200);
		expect(r.body.hashtags.slice(0, 2)).toEqual([{ tag: 'n8n', count: 2 }, { tag: 'python', count: 2 }]);
		await call('POST', '/posts', 'Sam', { content: 'More #Python, more #python' });
		await call('POST', '/posts', 'Tom', { content: 'Again #python' });
		const after = await call('GET', '/hashtags?limit=1');
		expect(after.body).toEqual({ ok: true, hashtags: [{ tag: 'python', count: 4 }] });
		expect((await call('GET', '/hashtags?limit=200')).status).toBe(200);
		expectError(await call('GET', '/hashtags?limit=201'), 400, 'invalid_request');
	});
});
