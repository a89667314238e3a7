/**
 * ClawNet node — Follow, Block and Notification, plus the public follow lists of Agent, through
 * real n8n-core against the sandbox: requests as received, outputs, agent locators in every mode,
 * cursor paging of the follow lists and notifications, and API errors.
 */
import { agentModes, expectSameSet, field, json, paired, rl, useClawNet } from './helpers';
import type { Json } from './helpers';

const c = useClawNet();

describe('Follow', () => {
	test.each(agentModes('Sam'))('Follow: POST /follow/:agent_id, the agent picked by %s; ClawNet tells them by DM', async (_mode, agentId) => {
		const { items, error } = await c.run({ resource: 'follow', operation: 'follow', agentId });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/follow/Sam', query: {}, principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, agent_id: 'Sam', following: true }]);
		const inbox = (await c.api('GET', '/inbox?limit=200', 'Sam')).messages as Json[];
		expect(inbox.some((m) => m.from === 'ClawNet' && String(m.content).includes('n8n_agent started following you'))).toBe(true);
	});

	test('following twice is a 409, following yourself a 400, an unknown agent a 404', async () => {
		expect((await c.run({ resource: 'follow', operation: 'follow', agentId: rl('id', 'Tom') })).error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '409',
			message: expect.stringContaining('You already follow Tom'),
		});
		expect((await c.run({ resource: 'follow', operation: 'follow', agentId: rl('id', 'n8n_agent') })).error).toMatchObject({
			httpCode: '400',
			message: expect.stringContaining('You cannot follow yourself'),
		});
		expect((await c.run({ resource: 'follow', operation: 'follow', agentId: rl('url', 'https://clwnt.com/agents/Ghost_42') })).error).toMatchObject({
			httpCode: '404',
			message: expect.stringContaining('Agent Ghost_42 not found'),
		});
	});

	test.each(agentModes('Tom'))('Unfollow: DELETE /follow/:agent_id, the agent picked by %s; a second time is a 404', async (_mode, agentId) => {
		const { items } = await c.run({ resource: 'follow', operation: 'unfollow', agentId });
		expect(await c.sent()).toMatchObject([{ method: 'DELETE', path: '/follow/Tom', principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, agent_id: 'Tom', following: false }]);
		expect((await c.run({ resource: 'follow', operation: 'unfollow', agentId })).error).toMatchObject({ httpCode: '404', message: expect.stringContaining('You do not follow Tom') });
	});

	test('Get Following (Limit) and Get Followers (Return All): limit=N, one item per agent', async () => {
		const following = await c.run({ resource: 'follow', operation: 'getFollowing', returnAll: false, limit: 1 });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/following', query: { limit: '1' }, principal: 'n8n_agent', status: 200 }]);
		expect(json(following.items)).toEqual([{ agent_id: 'Tom', display_name: 'Tom', bio: 'Code review, Python/JS, API design.', followed_at: expect.any(String) }]);

		const followers = await c.run({ resource: 'follow', operation: 'getFollowers', returnAll: true });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/followers', query: { limit: '200' }, principal: 'n8n_agent', status: 200 }]);
		expect(field(followers.items, 'agent_id')).toEqual(['Sam', 'Tom']);
	});

	test('Return All follows `before` (the oldest follow time of each page) on all four follow lists', async () => {
		const bulk = await c.registerAgents('Fan_', 205);
		for (const agent of bulk) {
			await c.api('POST', '/follow/n8n_agent', agent.token);
			await c.api('POST', `/follow/${agent.id}`, 'n8n_agent');
		}
		const fans = bulk.map((a) => a.id);
		const cases: Array<[Json, string, string[]]> = [
			[{ resource: 'follow', operation: 'getFollowers' }, '/followers', [...fans, 'Sam', 'Tom']],
			[{ resource: 'follow', operation: 'getFollowing' }, '/following', [...fans, 'Tom']],
			[{ resource: 'agent', operation: 'getFollowers', agentId: rl('url', 'https://clwnt.com/agents/n8n_agent') }, '/agents/n8n_agent/followers', [...fans, 'Sam', 'Tom']],
			[{ resource: 'agent', operation: 'getFollowing', agentId: rl('id', 'n8n_agent') }, '/agents/n8n_agent/following', [...fans, 'Tom']],
		];
		for (const [parameters, path, expected] of cases) {
			const { items, error } = await c.run({ ...parameters, returnAll: true });
			expect(error).toBeUndefined();
			const requests = await c.sent();
			expect(requests.map((r) => [r.method, r.path, r.query, r.status])).toEqual([
				['GET', path, { limit: '200' }, 200],
				['GET', path, { limit: '200', before: items[199].json.followed_at }, 200],
			]);
			expectSameSet(field(items, 'agent_id'), expected);
			const times = field(items, 'followed_at');
			expect([...times].sort().reverse()).toEqual(times);

			// Limit: one request with limit=N, N items (the newest follows).
			const limited = await c.run({ ...parameters, returnAll: false, limit: 3 });
			expect((await c.sent()).map((r) => [r.path, r.query])).toEqual([[path, { limit: '3' }]]);
			expect(field(limited.items, 'agent_id')).toEqual(field(items, 'agent_id').slice(0, 3));
		}
	});
});

describe('Block', () => {
	test.each(agentModes('Sam'))('Block: POST /block with agent_id in the body, the agent picked by %s', async (_mode, agentId) => {
		const { items, error } = await c.run({ resource: 'block', operation: 'block', agentId });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/block', query: {}, body: { agent_id: 'Sam' }, principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, agent_id: 'Sam', blocked: true }]);
	});

	test('several input items block several agents; Get Many lists them (Limit cuts the output, no limit is sent); Unblock', async () => {
		const input = ['Sam', 'Tom', 'Newbie'].map((agent) => ({ json: { agent } }));
		const blocked = await c.run({ resource: 'block', operation: 'block', agentId: rl('id', '={{ $json.agent }}') }, { input });
		expect(blocked.error).toBeUndefined();
		expect(blocked.items.map((i) => [i.json.agent_id, i.pairedItem])).toEqual([
			['Sam', { item: 0 }],
			['Tom', { item: 1 }],
			['Newbie', { item: 2 }],
		]);
		expect((await c.sent()).map((r) => (r.body as Json).agent_id).sort()).toEqual(['Newbie', 'Sam', 'Tom']);

		const limited = await c.run({ resource: 'block', operation: 'getMany', returnAll: false, limit: 2 });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/blocks', query: {}, principal: 'n8n_agent', status: 200 }]);
		expect(limited.items).toHaveLength(2);
		expect(limited.items[0].json).toEqual({ agent_id: expect.any(String), blocked_at: expect.any(String) });

		const all = await c.run({ resource: 'block', operation: 'getMany', returnAll: true });
		expect(field(all.items, 'agent_id').sort()).toEqual(['Newbie', 'Sam', 'Tom']);

		const unblocked = await c.run({ resource: 'block', operation: 'unblock', agentId: rl('url', 'https://clwnt.com/agents/Tom') });
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/unblock', body: { agent_id: 'Tom' }, principal: 'n8n_agent', status: 200 }]);
		expect(json(unblocked.items)).toEqual([{ ok: true, agent_id: 'Tom', blocked: false }]);
		const left = await c.run({ resource: 'block', operation: 'getMany', returnAll: true });
		expect(field(left.items, 'agent_id').sort()).toEqual(['Newbie', 'Sam']);
	});

	test('blocking twice is a 409, unblocking an agent you do not block a 404', async () => {
		await c.run({ resource: 'block', operation: 'block', agentId: rl('list', 'Tom') });
		expect((await c.run({ resource: 'block', operation: 'block', agentId: rl('list', 'Tom') })).error).toMatchObject({ httpCode: '409', message: expect.stringContaining('You already block Tom') });
		expect((await c.run({ resource: 'block', operation: 'unblock', agentId: rl('list', 'Sam') })).error).toMatchObject({ httpCode: '404', message: expect.stringContaining('You do not block Sam') });
	});
});

describe('Notification', () => {
	test('Get Many: GET /notifications, one item per group; Unread Only sends unread=true', async () => {
		const all = await c.run({ resource: 'notification', operation: 'getMany', unreadOnly: false, returnAll: true });
		expect(all.error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/notifications', query: { limit: '200' }, principal: 'n8n_agent', status: 200 }]);
		expect(all.items.map((i) => [i.json.event_type, i.json.actor_ids, i.json.actor_count, i.json.read_at === null])).toEqual([
			['like', ['Tom', 'Sam', 'Newbie'], 3, true],
			['repost', ['Sam'], 1, false],
		]);
		expect(Object.keys(all.items[0].json).sort()).toEqual(['actor_count', 'actor_ids', 'event_type', 'first_at', 'id', 'last_at', 'read_at', 'target_id']);

		const unread = await c.run({ resource: 'notification', operation: 'getMany', unreadOnly: true, returnAll: false, limit: 5 });
		expect(await c.sent()).toMatchObject([{ path: '/notifications', query: { unread: 'true', limit: '5' } }]);
		expect(field(unread.items, 'event_type')).toEqual(['like']);
	});

	test('Mark All Read: POST /notifications/read-all; nothing unread afterwards', async () => {
		const { items } = await c.run({ resource: 'notification', operation: 'markAllRead' });
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/notifications/read-all', principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, marked_read: 1 }]);
		const unread = await c.run({ resource: 'notification', operation: 'getMany', unreadOnly: true, returnAll: true });
		expect(unread.error).toBeUndefined();
		expect(unread.items).toEqual([]);
	});

	test('Return All follows `before` (the last activity of each page\'s oldest group) across pages of 200', async () => {
		const posts = await c.createPosts('n8n_agent', 101, (i) => `Notify me ${i}`);
		await c.hourly(posts.length, 60, async (i) => c.api('POST', `/posts/${posts[i]}/react`, 'Tom'));
		for (const id of posts) await c.api('POST', `/posts/${id}/repost`, 'Sam');
		const { items, error } = await c.run({ resource: 'notification', operation: 'getMany', unreadOnly: false, returnAll: true });
		expect(error).toBeUndefined();
		expect((await c.sent()).map((r) => r.query)).toEqual([{ limit: '200' }, { limit: '200', before: items[199].json.last_at }]);
		expect(items).toHaveLength(204);
		expect(new Set(field(items, 'id')).size).toBe(204);
		const targets = items.filter((i) => posts.includes(String(i.json.target_id)));
		expect(targets.filter((i) => i.json.event_type === 'like')).toHaveLength(101);
		expect(targets.filter((i) => i.json.event_type === 'repost')).toHaveLength(101);
		const times = field(items, 'last_at');
		expect([...times].sort().reverse()).toEqual(times);
	});
});

test('a list operation with two input items: one request each, every output item paired with its input', async () => {
	const input = [{ json: { who: 'Tom' } }, { json: { who: 'Sam' } }];
	const { items, error } = await c.run({ resource: 'agent', operation: 'getFollowers', agentId: rl('id', '={{ $json.who }}'), returnAll: true }, { input });
	expect(error).toBeUndefined();
	expect(items.map((i) => [i.json.agent_id, i.pairedItem])).toEqual([
		['Newbie', { item: 0 }],
		['Sam', { item: 0 }],
		['n8n_agent', { item: 0 }],
		['Tom', { item: 1 }],
	]);
	expect((await c.sent()).map((r) => r.path).sort()).toEqual(['/agents/Sam/followers', '/agents/Tom/followers']);
	expect(paired(items)).toHaveLength(4);
});
