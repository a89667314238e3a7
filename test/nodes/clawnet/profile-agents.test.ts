/**
 * ClawNet node — Profile (Get, Update, Set Capabilities, Rotate Token, Get Rate Limits) and Agent
 * (Register without a credential, Get, Get Many, Get Followers / Following, Get Suggestions)
 * through real n8n-core against the sandbox: requests as received, outputs, agent locators in
 * every mode, limits checked before sending, tokens shown once and never leaked.
 */
import { agentModes, field, json, paired, rl, useClawNet } from './helpers';
import type { Json } from './helpers';

const c = useClawNet();

describe('Profile', () => {
	test('Get: GET /me, the agent itself as the item', async () => {
		const { items, error } = await c.run({ resource: 'profile', operation: 'get' });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/me', query: {}, principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([
			{
				agent_id: 'n8n_agent',
				display_name: 'n8n agent',
				bio: 'Automations from n8n.',
				moltbook_username: null,
				created_at: expect.any(String),
				follower_count: 2,
				following_count: 1,
				pinned_post: null,
				capabilities: ['automation', 'n8n'],
			},
		]);
	});

	test('Update: PATCH /me with the bio; pin one of your posts, then unpin it (null)', async () => {
		const bio = 'b'.repeat(160);
		const updated = await c.run({ resource: 'profile', operation: 'update', updateFields: { bio } });
		expect(updated.error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'PATCH', path: '/me', body: { bio }, principal: 'n8n_agent', status: 200 }]);
		expect(updated.items[0].json).toMatchObject({ ok: true, agent: { agent_id: 'n8n_agent', bio } });

		const [own] = (await c.api('GET', '/posts?agent_id=n8n_agent')).posts as Json[];
		const pinned = await c.run({ resource: 'profile', operation: 'update', updateFields: { pinnedPostId: ` ${own.id} ` } });
		expect((await c.sent())[0].body).toEqual({ pinned_post_id: own.id });
		expect((pinned.items[0].json.agent as Json).pinned_post).toMatchObject({ id: own.id, agent_id: 'n8n_agent' });

		const unpinned = await c.run({ resource: 'profile', operation: 'update', updateFields: { pinnedPostId: '' } });
		expect((await c.sent())[0].body).toEqual({ pinned_post_id: null });
		expect((unpinned.items[0].json.agent as Json).pinned_post).toBeNull();
	});

	test('Update: a bio over 160 characters, or no field at all, is refused before sending', async () => {
		await c.refused({ resource: 'profile', operation: 'update', updateFields: { bio: 'b'.repeat(161) } }, 'Bio (bio) is too long: 161 characters; the limit is 160');
		await c.refused({ resource: 'profile', operation: 'update', updateFields: {} }, 'Set at least one of: Bio (bio), Pinned Post ID (pinned_post_id)');
	});

	test('Update: pinning someone else\'s post is a 400 with the API\'s message', async () => {
		const [toms] = (await c.api('GET', '/posts?agent_id=Tom')).posts as Json[];
		const { error } = await c.run({ resource: 'profile', operation: 'update', updateFields: { pinnedPostId: String(toms.id) } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '400', message: expect.stringContaining('You can only pin one of your own posts') });
	});

	test('Set Capabilities: the comma-separated list goes as an array; ClawNet normalizes it; empty clears', async () => {
		const { items, error } = await c.run({ resource: 'profile', operation: 'setCapabilities', capabilities: 'Code Review, python, , API Design ' });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([
			{ method: 'PATCH', path: '/me/capabilities', body: { capabilities: ['Code Review', 'python', 'API Design'] }, principal: 'n8n_agent', status: 200 },
		]);
		expect(json(items)).toEqual([{ ok: true, capabilities: ['code-review', 'python', 'api-design'] }]);

		const cleared = await c.run({ resource: 'profile', operation: 'setCapabilities', capabilities: '' });
		expect((await c.sent())[0].body).toEqual({ capabilities: [] });
		expect(json(cleared.items)).toEqual([{ ok: true, capabilities: [] }]);
	});

	test('Set Capabilities: more than 20 are refused before sending; 20 are sent', async () => {
		const list = (n: number) => Array.from({ length: n }, (_, i) => `skill ${i + 1}`).join(', ');
		await c.refused({ resource: 'profile', operation: 'setCapabilities', capabilities: list(21) }, 'Capabilities (capabilities) has 21 entries; the limit is 20');
		const fits = await c.run({ resource: 'profile', operation: 'setCapabilities', capabilities: list(20) });
		expect(fits.error).toBeUndefined();
		expect((fits.items[0].json.capabilities as string[])).toHaveLength(20);
	});

	test('Rotate Token: the new token with a notice; the old token then fails with 401, the new one works', async () => {
		const old = c.token('n8n_agent');
		const { items, error } = await c.run({ resource: 'profile', operation: 'rotateToken' }, { issuesToken: true });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/me/token/rotate', principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([
			{
				ok: true,
				agent_id: 'n8n_agent',
				token: expect.stringMatching(/^clwnt_[0-9a-f]{40}$/),
				notice: 'The previous token no longer works. Store this new token in your ClawNet credential now: it is shown only once.',
			},
		]);
		const fresh = String(items[0].json.token);
		expect(fresh).not.toBe(old);

		const withOld = await c.run({ resource: 'profile', operation: 'get' }, { as: old });
		expect(withOld.error).toMatchObject({ name: 'NodeApiError', httpCode: '401', message: expect.stringContaining('Invalid token') });
		expect(withOld.error?.description).toContain('A rotated token stops working at once.');
		expect(await c.sent()).toMatchObject([{ path: '/me', status: 401 }]);

		const withNew = await c.run({ resource: 'profile', operation: 'get' }, { as: fresh });
		expect(withNew.items[0].json.agent_id).toBe('n8n_agent');
	});

	test('Get Rate Limits: GET /me/rate-limits', async () => {
		const { items } = await c.run({ resource: 'profile', operation: 'getRateLimits' });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/me/rate-limits', principal: 'n8n_agent', status: 200 }]);
		expect(items).toHaveLength(1);
		expect((items[0].json.rate_limits as Json).send).toMatchObject({ limit: 60, remaining: 60, window: '1 hour' });
	});

	test('every operation but Register says clearly when no credential is selected, and sends nothing', async () => {
		const result = await c.refused({ resource: 'profile', operation: 'get' }, 'No ClawNet credential is selected', { noCredential: true });
		expect(result.error?.description).toBe('Choose a ClawNet credential for this node. Nothing was sent.');
	});
});

describe('Agent → Register', () => {
	const register = (agentId: string, baseUrl = c.base()) => ({ resource: 'agent', operation: 'register', agentId, baseUrl });
	const NOTICE = 'Store this token now, e.g. in a new ClawNet credential: ClawNet shows it only once and it cannot be recovered.';

	test('works without any credential: POST /register to the Base URL field; the token comes with a notice that it is shown once', async () => {
		const { items, error } = await c.run(register(' Fresh_Agent '), { noCredential: true, issuesToken: true });
		expect(error).toBeUndefined();
		const requests = await c.sent();
		expect(requests).toMatchObject([{ method: 'POST', path: '/register', query: {}, body: { agent_id: 'Fresh_Agent' }, status: 201 }]);
		expect(requests[0].headers.authorization).toBeUndefined();
		expect(json(items)).toEqual([{ ok: true, agent_id: 'Fresh_Agent', token: expect.stringMatching(/^clwnt_[0-9a-f]{40}$/), notice: NOTICE }]);
		expect(NOTICE).toMatch(/only once/);

		const me = await c.run({ resource: 'profile', operation: 'get' }, { as: String(items[0].json.token) });
		expect(me.items[0].json.agent_id).toBe('Fresh_Agent');
	});

	test('a credential attached to the node is not sent to the registration Base URL', async () => {
		const { items } = await c.run(register('Cred_Agent', `${c.base()}//`), { issuesToken: true });
		expect(items[0].json.agent_id).toBe('Cred_Agent');
		const [request] = await c.sent();
		expect(request.path).toBe('/register');
		expect(request.headers.authorization).toBeUndefined();
	});

	test.each(['ab', 'has space', 'dash-id', 'x'.repeat(33)])('agent ID "%s" is refused before sending', async (agentId) => {
		await c.refused(register(agentId), `Agent ID (agentId) is not a ClawNet agent ID: 3–32 letters, digits or underscores (e.g. Tom); it is "${agentId}" (${agentId.length} characters)`, { noCredential: true });
	});

	test('a taken ID is a 409, a reserved one a 422, with the API\'s messages', async () => {
		const taken = await c.run(register('tom'), { noCredential: true });
		expect(taken.error).toMatchObject({ name: 'NodeApiError', httpCode: '409', message: expect.stringContaining('Agent ID "tom" is already taken') });
		const reserved = await c.run(register('admin'), { noCredential: true });
		expect(reserved.error).toMatchObject({
			httpCode: '422',
			message: expect.stringContaining('Agent ID "admin" is reserved'),
			description: 'HTTP 422 (reserved_id). Choose another agent ID: this one is reserved.',
		});
	});

	test('a Base URL that is not http(s) stops Register before sending, naming the node\'s Base URL field', async () => {
		for (const baseUrl of ['ftp://127.0.0.1/x', '']) {
			const result = await c.refused(register('Some_Agent', baseUrl), 'The Base URL field of this operation must be an http:// or https:// URL', { noCredential: true });
			expect(result.error!.description).toBe(`It is "${baseUrl}". The production value is https://api.clwnt.com. Nothing was sent.`);
		}
	});
});

describe('Agent → Get', () => {
	test.each(agentModes('Tom'))('GET /agents/:id, picked by %s: the public profile as the item', async (_mode, agentId) => {
		const { items, error } = await c.run({ resource: 'agent', operation: 'get', agentId });
		expect(error).toBeUndefined();
		const [request] = await c.sent();
		expect(request).toMatchObject({ method: 'GET', path: '/agents/Tom', query: {}, status: 200 });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			agent_id: 'Tom',
			bio: 'Code review, Python/JS, API design.',
			follower_count: 3,
			following_count: 2,
			capabilities: ['code-review', 'python'],
			pinned_post: { agent_id: 'Tom' },
		});
	});

	test('an unknown agent is a 404 NodeApiError; under Continue On Fail the error item is paired with its input', async () => {
		const { items, error } = await c.run({ resource: 'agent', operation: 'get', agentId: rl('id', 'Nobody') });
		expect(items).toEqual([]);
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: expect.stringContaining('Agent Nobody not found'), description: 'HTTP 404 (not_found).' });

		const input = [{ json: { id: 'Sam' } }, { json: { id: 'Nobody' } }, { json: { id: 'Newbie' } }];
		const cof = await c.run({ resource: 'agent', operation: 'get', agentId: rl('id', '={{ $json.id }}') }, { input, continueOnFail: true });
		expect(cof.error).toBeUndefined();
		expect(cof.items.map((i) => [i.json.agent_id ?? i.json.error, i.pairedItem])).toEqual([
			['Sam', { item: 0 }],
			[expect.stringContaining('Agent Nobody not found'), { item: 1 }],
			['Newbie', { item: 2 }],
		]);
		expect(cof.items[1].error).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
	});

	test('an agent URL or ID that does not fit stops the workflow before anything is sent', async () => {
		await expect(c.run({ resource: 'agent', operation: 'get', agentId: rl('url', 'https://example.com/agents/Tom') })).rejects.toThrow(/Not a ClawNet agent URL/);
		await expect(c.run({ resource: 'agent', operation: 'get', agentId: rl('id', 'no spaces allowed') })).rejects.toThrow(/must be a ClawNet agent ID: 3–32 letters, digits or underscores/);
		await c.expectNothingSent();
	});
});

describe('the agent picker (From List)', () => {
	test('without a filter it lists the directory (GET /agents?limit=100); with one it searches agents; the picked value is the agent ID the node sends', async () => {
		const directory = await c.listSearch('searchAgents');
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/agents', query: { limit: '100' }, status: 200 }]);
		expect(directory.results.map((r) => r.value)).toEqual(['Newbie', 'n8n_agent', 'Sam', 'Tom', 'ClawNet']);
		expect(directory.results[3]).toEqual({ name: 'Tom — Code review, Python/JS, API design.', value: 'Tom', url: 'https://clwnt.com/agents/Tom' });

		const found = await c.listSearch('searchAgents', 'research');
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/search', query: { q: 'research', type: 'agents', limit: '50' }, status: 200 }]);
		expect(found.results).toEqual([{ name: 'Sam — Research agent.', value: 'Sam', url: 'https://clwnt.com/agents/Sam' }]);
		expect(JSON.stringify([directory, found])).not.toMatch(/clwnt_[0-9a-f]/);

		const { items } = await c.run({ resource: 'agent', operation: 'get', agentId: rl('list', String(found.results[0].value)) });
		expect(await c.sent()).toMatchObject([{ path: '/agents/Sam', status: 200 }]);
		expect(items[0].json.agent_id).toBe('Sam');
	});

	test('the pickers of operations the API refuses for yourself (To, follow, block, task, conversation) leave your own agent out', async () => {
		const others = await c.listSearch('searchOtherAgents');
		expect((await c.sent()).map((r) => r.path)).toEqual(['/me', '/agents']);
		expect(others.results.map((r) => r.value)).toEqual(['Newbie', 'Sam', 'Tom', 'ClawNet']);
		const { ClawNet } = await import('../../../nodes/ClawNet/ClawNet.node');
		const pickers = new ClawNet().description.properties
			.filter((p) => p.type === 'resourceLocator' && p.typeOptions?.idShape === 'clawnetAgent')
			// A field several operations share is one property shown for all of them (sameFields.ts).
			.flatMap((p) =>
				(p.displayOptions?.show?.resource as string[]).flatMap((r) =>
					(p.displayOptions?.show?.operation as string[]).map((o) => [`${r}.${o}.${p.name}`, p.modes?.[0].typeOptions?.searchListMethod]),
				),
			);
		expect(Object.fromEntries(pickers)).toMatchObject({
			'message.send.to': 'searchOtherAgents',
			'follow.follow.agentId': 'searchOtherAgents',
			'block.block.agentId': 'searchOtherAgents',
			'task.send.agentId': 'searchOtherAgents',
			'conversation.getHistory.agentId': 'searchOtherAgents',
			'agent.get.agentId': 'searchAgents',
		});
	});
});

describe('Agent → Get Many / Get Followers / Get Following / Get Suggestions', () => {
	test('Get Many, Limit: GET /agents?limit=N, one item per agent, newest first', async () => {
		const { items, error } = await c.run({ resource: 'agent', operation: 'getMany', returnAll: false, limit: 2 });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/agents', query: { limit: '2' }, status: 200 }]);
		expect(json(items)).toEqual([
			{ id: 'Newbie', bio: 'Registered an hour ago.', moltbook_username: null, created_at: expect.any(String) },
			{ id: 'n8n_agent', bio: 'Automations from n8n.', moltbook_username: null, created_at: expect.any(String) },
		]);
	});

	test('Get Many with a capability; Return All asks for the largest page (the directory has no cursor)', async () => {
		const { items } = await c.run({ resource: 'agent', operation: 'getMany', returnAll: true, filters: { capability: 'code-review' } });
		expect(await c.sent()).toMatchObject([{ path: '/agents', query: { capability: 'code-review', limit: '200' } }]);
		expect(field(items, 'id')).toEqual(['Tom']);
	});

	test.each(agentModes('Tom'))('Get Followers and Get Following of an agent picked by %s (public lists)', async (_mode, agentId) => {
		const followers = await c.run({ resource: 'agent', operation: 'getFollowers', agentId, returnAll: false, limit: 2 });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/agents/Tom/followers', query: { limit: '2' }, status: 200 }]);
		expect(json(followers.items)).toEqual([
			{ agent_id: 'Newbie', display_name: 'Newbie', bio: 'Registered an hour ago.', followed_at: expect.any(String) },
			{ agent_id: 'Sam', display_name: 'Sam', bio: 'Research agent.', followed_at: expect.any(String) },
		]);
		const following = await c.run({ resource: 'agent', operation: 'getFollowing', agentId, returnAll: true });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/agents/Tom/following', query: { limit: '200' }, status: 200 }]);
		expect(field(following.items, 'agent_id')).toEqual(['Sam', 'n8n_agent']);
	});

	test('Get Suggestions: Limit sends limit=N; Return All the largest page (100)', async () => {
		const limited = await c.run({ resource: 'agent', operation: 'getSuggestions', returnAll: false, limit: 1 });
		expect(await c.sent()).toMatchObject([{ method: 'GET', path: '/suggestions/agents', query: { limit: '1' }, principal: 'n8n_agent', status: 200 }]);
		expect(json(limited.items)).toEqual([{ agent_id: 'Sam', bio: 'Research agent.', follower_count: 1 }]);
		const all = await c.run({ resource: 'agent', operation: 'getSuggestions', returnAll: true });
		expect(await c.sent()).toMatchObject([{ path: '/suggestions/agents', query: { limit: '100' } }]);
		expect(field(all.items, 'agent_id')).toEqual(['Sam', 'ClawNet', 'Newbie']);
		expect(paired(all.items)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});
});
