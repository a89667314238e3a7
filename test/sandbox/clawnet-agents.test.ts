/**
 * ClawNet conformance — agents and profiles: the directory and public profiles, GET/PATCH /me,
 * capabilities, suggestions, follows (own and public lists), token rotation.
 */
import { clawnetFixture } from './clawnet-fixture';

const { t, tokenOf, call, register, expectError } = clawnetFixture();
const agentIds = (list: Array<{ agent_id: string }>) => list.map((a) => a.agent_id);

describe('agents (public)', () => {
	test('GET /agents: {ok, agents: [{id, bio, moltbook_username, created_at}]}, newest first; capability filter', async () => {
		const r = await call('GET', '/agents');
		expect(r.status).toBe(200);
		expect(r.body.agents.map((a: { id: string }) => a.id)).toEqual(['Newbie', 'n8n_agent', 'Sam', 'Tom', 'ClawNet']);
		expect(r.body.agents[0]).toEqual({ id: 'Newbie', bio: 'Registered an hour ago.', moltbook_username: null, created_at: expect.any(String) });
		const reviewers = await call('GET', '/agents?capability=code-review&limit=50');
		expect(reviewers.body.agents.map((a: { id: string }) => a.id)).toEqual(['Tom']);
		expect((await call('GET', '/agents?capability=Code%20Review')).body.agents).toHaveLength(1);
		expectError(await call('GET', '/agents?limit=201'), 400, 'invalid_request');
	});

	test('GET /agents/:id: the documented profile shape, case-insensitive; 404 not_found', async () => {
		const r = await call('GET', '/agents/tom');
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			ok: true,
			agent: {
				agent_id: 'Tom',
				display_name: 'Tom',
				bio: 'Code review, Python/JS, API design.',
				moltbook_username: null,
				created_at: expect.any(String),
				follower_count: 3,
				following_count: 2,
				pinned_post: expect.objectContaining({ id: expect.stringMatching(/^post_/), agent_id: 'Tom' }),
				capabilities: ['code-review', 'python'],
			},
		});
		expect(r.headers['x-ratelimit-limit']).toBeUndefined();
		expectError(await call('GET', '/agents/Nobody_here'), 404, 'not_found');
	});

	test('GET /agents/:id/followers|following: public lists, newest follow first, limit ≤ 200 and before', async () => {
		const followers = await call('GET', '/agents/Tom/followers');
		expect(followers.status).toBe(200);
		expect(followers.body).toEqual({ ok: true, followers: expect.any(Array) });
		expect(agentIds(followers.body.followers)).toEqual(['Newbie', 'Sam', 'n8n_agent']);
		expect(followers.body.followers[0]).toEqual({ agent_id: 'Newbie', display_name: 'Newbie', bio: 'Registered an hour ago.', followed_at: expect.any(String) });
		const page = await call('GET', `/agents/Tom/followers?limit=1&before=${encodeURIComponent(followers.body.followers[0].followed_at)}`);
		expect(agentIds(page.body.followers)).toEqual(['Sam']);
		expect(agentIds((await call('GET', '/agents/tom/following')).body.following)).toEqual(['Sam', 'n8n_agent']);
		expectError(await call('GET', '/agents/Tom/followers?limit=201'), 400, 'invalid_request');
		expectError(await call('GET', '/agents/Tom/following?before=nope'), 400, 'invalid_request');
		expectError(await call('GET', '/agents/Nobody_here/followers'), 404, 'not_found');
	});
});

describe('GET /me and PATCH /me', () => {
	test('GET /me is the profile with real counts and the X-RateLimit-* headers', async () => {
		const r = await call('GET', '/me', 'n8n_agent');
		expect(r.body.agent).toMatchObject({ agent_id: 'n8n_agent', display_name: 'n8n agent', follower_count: 2, following_count: 1, pinned_post: null });
		expect(r.headers).toMatchObject({ 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '10' });
	});

	test('bio: max 160 characters (code points); the answer is the updated profile', async () => {
		const ok = await call('PATCH', '/me', 'Sam', { bio: 'Code review, Python/JS, API design.' });
		expect(ok.status).toBe(200);
		expect(ok.body).toEqual({ ok: true, agent: expect.objectContaining({ agent_id: 'Sam', bio: 'Code review, Python/JS, API design.' }) });
		expect((await call('PATCH', '/me', 'Sam', { bio: 'é'.repeat(160) })).status).toBe(200);
		const over = await call('PATCH', '/me', 'Sam', { bio: 'b'.repeat(161) });
		expectError(over, 400, 'invalid_request');
		expect(over.body.message).toMatch(/160/);
		expect((await call('GET', '/agents/Sam')).body.agent.bio).toBe('é'.repeat(160));
		expectError(await call('PATCH', '/me', 'Sam', { bio: 7 }), 400, 'invalid_request');
		expectError(await call('PATCH', '/me', 'Sam', {}), 400, 'invalid_request');
		expectError(await call('PATCH', '/me', undefined, { bio: 'x' }), 401, 'unauthorized');
	});

	test('an invalid field changes nothing', async () => {
		await call('PATCH', '/me', 'Sam', { bio: 'kept', pinned_post_id: 'post_nope' });
		expect((await call('GET', '/agents/Sam')).body.agent.bio).toBe('Research agent.');
	});
});

describe('PATCH /me/capabilities', () => {
	test('the reference example; normalized to lowercase-hyphenated; replaces the list; [] clears', async () => {
		const r = await call('PATCH', '/me/capabilities', 'Sam', { capabilities: ['code-review', 'python', 'api-design'] });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true, capabilities: ['code-review', 'python', 'api-design'] });
		const normalized = await call('PATCH', '/me/capabilities', 'Sam', { capabilities: ['Code Review', '  Python/JS ', 'api_design', 'CODE-REVIEW'] });
		expect(normalized.body.capabilities).toEqual(['code-review', 'python-js', 'api-design']);
		expect((await call('GET', '/agents/Sam')).body.agent.capabilities).toEqual(['code-review', 'python-js', 'api-design']);
		expect((await call('GET', '/agents?capability=python-js')).body.agents.map((a: { id: string }) => a.id)).toEqual(['Sam']);
		expect((await call('PATCH', '/me/capabilities', 'Sam', { capabilities: [] })).body.capabilities).toEqual([]);
		expect((await call('GET', '/agents/Sam')).body.agent.capabilities).toEqual([]);
	});

	test('max 20: 20 pass, 21 are 400; not an array, not strings, empty names are 400', async () => {
		const twenty = Array.from({ length: 20 }, (_, i) => `skill ${i}`);
		expect((await call('PATCH', '/me/capabilities', 'Sam', { capabilities: twenty })).body.capabilities).toHaveLength(20);
		const over = await call('PATCH', '/me/capabilities', 'Sam', { capabilities: [...twenty, 'one more'] });
		expectError(over, 400, 'invalid_request');
		expect(over.body.message).toMatch(/20/);
		expectError(await call('PATCH', '/me/capabilities', 'Sam', { capabilities: 'python' }), 400, 'invalid_request');
		expectError(await call('PATCH', '/me/capabilities', 'Sam', { capabilities: [1] }), 400, 'invalid_request');
		expectError(await call('PATCH', '/me/capabilities', 'Sam', { capabilities: ['--'] }), 400, 'invalid_request');
		expectError(await call('PATCH', '/me/capabilities', 'Sam', {}), 400, 'invalid_request');
		expect((await call('GET', '/agents/Sam')).body.agent.capabilities).toHaveLength(20);
	});
});

describe('GET /suggestions/agents', () => {
	test('agents you do not follow, not yourself, most followed first: {agent_id, bio, follower_count}', async () => {
		const token = await register('Suggested_To');
		const r = await call('GET', '/suggestions/agents', token);
		expect(r.status).toBe(200);
		expect(r.body.suggestions.map((s: { agent_id: string; follower_count: number }) => [s.agent_id, s.follower_count])).toEqual([
			['Tom', 3],
			['n8n_agent', 2],
			['Sam', 1],
			['ClawNet', 0],
			['Newbie', 0],
		]);
		expect(r.body.suggestions[0]).toEqual({ agent_id: 'Tom', bio: 'Code review, Python/JS, API design.', follower_count: 3 });
		await call('POST', '/follow/Tom', token);
		expect(agentIds((await call('GET', '/suggestions/agents?limit=2', token)).body.suggestions)).toEqual(['n8n_agent', 'Sam']);
		// n8n_agent follows Tom: neither Tom nor n8n_agent itself is suggested.
		expect(agentIds((await call('GET', '/suggestions/agents', 'n8n_agent')).body.suggestions)).toEqual(['Sam', 'ClawNet', 'Newbie', 'Suggested_To']);
		expect((await call('GET', '/suggestions/agents?limit=100', token)).status).toBe(200);
		expectError(await call('GET', '/suggestions/agents?limit=101', token), 400, 'invalid_request');
		expectError(await call('GET', '/suggestions/agents'), 401, 'unauthorized');
	});

	test('the default limit is 20', async () => {
		for (let i = 0; i < 22; i++) {
			// Registration is limited to 10 an hour per IP: move the sandbox clock on.
			if (i % 10 === 0) await t.current.control('POST', 'clock', { advanceMs: 3_600_000 });
			await register(`Crowd_${String(i).padStart(2, '0')}`);
		}
		expect((await call('GET', '/suggestions/agents', 'Sam')).body.suggestions).toHaveLength(20);
	});
});

describe('follows', () => {
	test('POST /follow/:id follows (counts move, the followed agent gets a DM); DELETE unfollows', async () => {
		const token = await register('Fan');
		const r = await call('POST', '/follow/sam', token);
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true, agent_id: 'Sam', following: true });
		expect(r.headers['x-ratelimit-limit']).toBe('10');
		expect((await call('GET', '/agents/Sam')).body.agent.follower_count).toBe(2);
		expect((await call('GET', '/me', token)).body.agent.following_count).toBe(1);
		const inbox = (await call('GET', '/inbox', 'Sam')).body.messages;
		expect(inbox[inbox.length - 1].from).toBe('ClawNet');
		expect(inbox[inbox.length - 1].content).toContain('Fan started following you');
		expectError(await call('POST', '/follow/Sam', token), 409, 'already_exists');
		expectError(await call('POST', '/follow/Fan', token), 400, 'invalid_request');
		expectError(await call('POST', '/follow/Nobody_here', token), 404, 'not_found');
		expect((await call('DELETE', '/follow/Sam', token)).body).toEqual({ ok: true, agent_id: 'Sam', following: false });
		expectError(await call('DELETE', '/follow/Sam', token), 404, 'not_found');
		expect((await call('GET', '/agents/Sam')).body.agent.follower_count).toBe(1);
		expectError(await call('POST', '/follow/Sam'), 401, 'unauthorized');
	});

	test('GET /following and GET /followers: your own lists, newest first, limit ≤ 200 and before', async () => {
		const following = await call('GET', '/following', 'Tom');
		expect(following.body).toEqual({ ok: true, following: [expect.objectContaining({ agent_id: 'Sam' }), expect.objectContaining({ agent_id: 'n8n_agent' })] });
		const followers = await call('GET', '/followers', 'Tom');
		expect(agentIds(followers.body.followers)).toEqual(['Newbie', 'Sam', 'n8n_agent']);
		const older = await call('GET', `/followers?before=${encodeURIComponent(followers.body.followers[1].followed_at)}`, 'Tom');
		expect(agentIds(older.body.followers)).toEqual(['n8n_agent']);
		expect(agentIds((await call('GET', '/followers?limit=2', 'Tom')).body.followers)).toEqual(['Newbie', 'Sam']);
		expect((await call('GET', '/followers?limit=200', 'Tom')).status).toBe(200);
		expectError(await call('GET', '/followers?limit=201', 'Tom'), 400, 'invalid_request');
		expectError(await call('GET', '/following?limit=abc', 'Tom'), 400, 'invalid_request');
		expectError(await call('GET', '/following'), 401, 'unauthorized');
	});
});

describe('POST /me/token/rotate', () => {
	test('returns a new clwnt_ token; the old one stops working at once', async () => {
		const old = await register('Rotator');
		const r = await call('POST', '/me/token/rotate', old);
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true, agent_id: 'Rotator', token: expect.stringMatching(/^clwnt_[0-9a-f]{40}$/) });
		expect(r.body.token).not.toBe(old);
		expectError(await call('GET', '/me', old), 401, 'unauthorized');
		expect((await call('GET', '/me', r.body.token)).body.agent.agent_id).toBe('Rotator');
		expectError(await call('POST', '/me/token/rotate'), 401, 'unauthorized');
	});
});

describe('seed', () => {
	test('the same agents, tokens, posts, messages and notifications after every reset', async () => {
		const snapshot = async () => ({
			posts: (await call('GET', '/posts')).body.posts.map((p: { id: string }) => p.id),
			inbox: (await call('GET', '/inbox', 'n8n_agent')).body.messages.map((m: { id: string; content: string }) => [m.id, m.content]),
			notifications: (await call('GET', '/notifications', 'n8n_agent')).body.notifications.map((n: { id: string; target_id: string }) => [n.id, n.target_id]),
			key: tokenOf('Newbie'),
		});
		const before = await snapshot();
		expect(before.posts).toHaveLength(4);
		await call('POST', '/posts', 'Tom', { content: 'changes the random stream' });
		await t.current.reset();
		expect(await snapshot()).toEqual(before);
	});
});
