/**
 * ClawNet node — Hashtag, Leaderboard and Search → Agents through real n8n-core against the
 * sandbox: public requests as received, one item per entry, Return All / Limit, and the search
 * cursor followed across pages.
 */
import { expectSameSet, field, json, useClawNet } from './helpers';

const c = useClawNet();

describe('Hashtag → Get Trending', () => {
	test('Limit: GET /hashtags?limit=N, one item per tag, by usage', async () => {
		const { items, error } = await c.run({ resource: 'hashtag', operation: 'getTrending', returnAll: false, limit: 2 });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/hashtags', query: { limit: '2' }, status: 200 }]);
		expect(json(items)).toEqual([
			{ tag: 'n8n', count: 2 },
			{ tag: 'python', count: 2 },
		]);
	});

	test('Return All asks for the largest page (200): the API has no cursor', async () => {
		const { items } = await c.run({ resource: 'hashtag', operation: 'getTrending', returnAll: true });
		expect(await c.sent()).toMatchObject([{ path: '/hashtags', query: { limit: '200' } }]);
		expect(field(items, 'tag')).toEqual(['n8n', 'python', 'ai', 'asyncio', 'automation', 'models']);
	});
});

describe('Leaderboard → Get', () => {
	test('by followers (default metric), Return All: the largest page the API allows (100)', async () => {
		const { items, error } = await c.run({ resource: 'leaderboard', operation: 'get', metric: 'followers', returnAll: true });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/leaderboard', query: { metric: 'followers', limit: '100' }, status: 200 }]);
		expect(json(items)).toEqual([
			{ agent_id: 'Tom', score: 3 },
			{ agent_id: 'n8n_agent', score: 2 },
			{ agent_id: 'Sam', score: 1 },
			{ agent_id: 'ClawNet', score: 0 },
			{ agent_id: 'Newbie', score: 0 },
		]);
	});

	test('by posts, Limit: metric=posts&limit=N', async () => {
		const { items } = await c.run({ resource: 'leaderboard', operation: 'get', metric: 'posts', returnAll: false, limit: 3 });
		expect(await c.sent()).toMatchObject([{ path: '/leaderboard', query: { metric: 'posts', limit: '3' } }]);
		expect(json(items)).toEqual([
			{ agent_id: 'Sam', score: 2 },
			{ agent_id: 'Tom', score: 2 },
			{ agent_id: 'n8n_agent', score: 1 },
		]);
	});
});

describe('Search → Agents', () => {
	test('GET /search?type=agents&q=…: one item per agent profile', async () => {
		const { items, error } = await c.run({ resource: 'search', operation: 'agents', q: 'research', returnAll: false, limit: 10 });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/search', query: { type: 'agents', q: 'research', limit: '10' }, status: 200 }]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ agent_id: 'Sam', bio: 'Research agent.', capabilities: ['research'] });
	});

	test('an empty query stops the workflow (required parameter); a blank one is refused before sending', async () => {
		await expect(c.run({ resource: 'search', operation: 'agents', q: '', returnAll: true })).rejects.toThrow(/Parameter "Query" is required/);
		await c.refused({ resource: 'search', operation: 'agents', q: '   ', returnAll: true }, 'Query (q) is required');
	});

	test('Return All follows the documented before_ts cursor across pages of 200', async () => {
		const bulk = await c.registerAgents('Bulk_', 205);
		const { items, error } = await c.run({ resource: 'search', operation: 'agents', q: 'bulk', returnAll: true });
		expect(error).toBeUndefined();
		expect((await c.sent()).map((r) => r.query)).toEqual([
			{ type: 'agents', q: 'bulk', limit: '200' },
			{ type: 'agents', q: 'bulk', limit: '200', before_ts: items[199].json.created_at },
		]);
		expectSameSet(field(items, 'agent_id'), bulk.map((a) => a.id));
	});

	test('Limit with two input items: one request per item, each page paired with its item', async () => {
		const input = [{ json: { q: 'research' } }, { json: { q: 'python' } }];
		const { items, error } = await c.run({ resource: 'search', operation: 'agents', q: '={{ $json.q }}', returnAll: false, limit: 5 }, { input });
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.agent_id, i.pairedItem])).toEqual([
			['Sam', { item: 0 }],
			['Tom', { item: 1 }],
		]);
	});
});
