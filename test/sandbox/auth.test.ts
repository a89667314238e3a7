/**
 * Registration, auth and the credential-test endpoint of each network, as the references
 * document them (the full behaviour of each network has its own conformance file).
 */
import { http } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const base = (n: 'clawnet' | 'clawtter' | 'clawpost') => t.current.info.networks[n].baseUrl;

describe('ClawNet', () => {
	test('POST /register returns ok, the agent id and a clwnt_ token that works at once', async () => {
		const r = await http('POST', `${base('clawnet')}/register`, { json: { agent_id: 'YourName' } });
		expect(r.status).toBe(201);
		expect(r.body).toEqual({ ok: true, agent_id: 'YourName', token: expect.stringMatching(/^clwnt_/) });
		const me = await http('GET', `${base('clawnet')}/me`, { headers: { authorization: `Bearer ${r.body.token}` } });
		expect(me.status).toBe(200);
		expect(me.body.agent.agent_id).toBe('YourName');
	});

	test.each([
		['ab', 400, 'invalid_request'],
		['a'.repeat(33), 400, 'invalid_request'],
		['has space', 400, 'invalid_request'],
		['dash-name', 400, 'invalid_request'],
		['ClawNet', 422, 'reserved_id'],
		['ADMIN', 422, 'reserved_id'],
		['tom', 409, 'already_exists'],
	])('POST /register %p → %p %p', async (agentId, status, error) => {
		const r = await http('POST', `${base('clawnet')}/register`, { json: { agent_id: agentId } });
		expect(r.status).toBe(status);
		expect(r.body).toEqual({ ok: false, error, message: expect.any(String) });
	});

	test('ids are case-insensitive and 3 and 32 characters are allowed', async () => {
		expect((await http('POST', `${base('clawnet')}/register`, { json: { agent_id: 'abc' } })).status).toBe(201);
		expect((await http('POST', `${base('clawnet')}/register`, { json: { agent_id: 'ABC' } })).status).toBe(409);
		expect((await http('POST', `${base('clawnet')}/register`, { json: { agent_id: 'x'.repeat(32) } })).status).toBe(201);
	});

	test('GET /me: 401 unauthorized without or with a wrong token; X-RateLimit-* headers when authenticated', async () => {
		const none = await http('GET', `${base('clawnet')}/me`);
		expect(none.status).toBe(401);
		expect(none.body).toEqual({ ok: false, error: 'unauthorized', message: expect.any(String) });
		const wrong = await http('GET', `${base('clawnet')}/me`, { headers: { authorization: 'Bearer clwnt_nope' } });
		expect(wrong.status).toBe(401);
		const ok = await http('GET', `${base('clawnet')}/me`, { headers: { authorization: `Bearer ${seededKey(t.current, 'clawnet', 'Tom')}` } });
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ ok: true, agent: { agent_id: 'Tom', follower_count: expect.any(Number), following_count: expect.any(Number), capabilities: ['code-review', 'python'] } });
		expect(ok.headers['x-ratelimit-limit']).toBe('10');
		expect(ok.headers['x-ratelimit-remaining']).toBe('10');
		expect(Number(ok.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
	});

	test('any user agent is served: the reference\'s curl examples and the official plugin (Node\'s default `node`) work', async () => {
		const token = seededKey(t.current, 'clawnet', 'Tom');
		for (const ua of ['curl/8.5.0', 'node', 'axios/1.7.0', 'python-requests/2.31', '']) {
			const r = await http('GET', `${base('clawnet')}/me`, { headers: { 'user-agent': ua, authorization: `Bearer ${token}` } });
			expect({ ua, status: r.status, ok: r.body.ok }).toEqual({ ua, status: 200, ok: true });
		}
	});
});

describe('Clawtter', () => {
	test('POST /auth/register returns the documented fields and the key works at once', async () => {
		const r = await http('POST', `${base('clawtter')}/auth/register`, { json: { nickname: 'MyAgent', identity_id: 'my-agent-001', owner_email: 'me@example.com', personality: { tone: 'dry' } } });
		expect(r.status).toBe(201);
		expect(r.body).toEqual({
			clawtter_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
			identity_id: 'my-agent-001',
			api_key: expect.any(String),
			level: 1,
			honor_score: 0,
			message: expect.any(String),
		});
		const quota = await http('GET', `${base('clawtter')}/me/quota`, { headers: { authorization: `Bearer ${r.body.api_key}` } });
		expect(quota.status).toBe(200);
	});

	test('registration validation: 422 detail lists every problem; duplicate identity_id → 409', async () => {
		const r = await http('POST', `${base('clawtter')}/auth/register`, { json: { nickname: 'n'.repeat(101), identity_id: 'i'.repeat(65), owner_email: 'not-an-email' } });
		expect(r.status).toBe(422);
		const locs = (r.body.detail as Array<{ loc: string[] }>).map((p) => p.loc.join('.')).sort();
		expect(locs).toEqual(['body.identity_id', 'body.nickname', 'body.owner_email']);
		const missing = await http('POST', `${base('clawtter')}/auth/register`, { json: {} });
		expect((missing.body.detail as Array<{ msg: string }>).map((p) => p.msg)).toEqual(['Field required', 'Field required']);
		const ok = await http('POST', `${base('clawtter')}/auth/register`, { json: { nickname: 'n'.repeat(100), identity_id: 'i'.repeat(64) } });
		expect(ok.status).toBe(201);
		const dup = await http('POST', `${base('clawtter')}/auth/register`, { json: { nickname: 'x', identity_id: 'n8n-agent' } });
		expect(dup.status).toBe(409);
		expect(dup.body).toEqual({ detail: expect.stringContaining('n8n-agent') });
	});

	test('GET /me/quota: unix-second reset_at on the next hourly boundary; 401 detail without a key', async () => {
		const r = await http('GET', `${base('clawtter')}/me/quota`, { headers: { authorization: `Bearer ${seededKey(t.current, 'clawtter', 'n8n-agent')}` } });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			base_quota: expect.any(Number),
			incentive_quota: expect.any(Number),
			used_quota: 0,
			remaining_quota: r.body.base_quota + r.body.incentive_quota,
			reset_at: expect.any(Number),
			incentive_breakdown: expect.any(Object),
		});
		const now = Math.floor(Date.now() / 1000);
		expect(r.body.reset_at % 3600).toBe(0);
		expect(r.body.reset_at).toBeGreaterThan(now);
		expect(r.body.reset_at - now).toBeLessThanOrEqual(3600);
		const none = await http('GET', `${base('clawtter')}/me/quota`);
		expect(none.status).toBe(401);
		expect(none.body).toEqual({ detail: 'Not authenticated' });
		const wrong = await http('GET', `${base('clawtter')}/me/quota`, { headers: { authorization: 'Bearer nope' } });
		expect(wrong.body).toEqual({ detail: 'Invalid API key' });
	});

	test('GET {origin}/health', async () => {
		const origin = base('clawtter').replace('/api/v1/clawtter', '');
		const r = await http('GET', `${origin}/health`);
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ status: 'ok' });
	});
});

describe('Claw Post', () => {
	test('GET /v1/usage with the clawpost-api-key header; the tenant comes from the key', async () => {
		const tenants = t.current.info.networks.clawpost.tenants as Record<string, string>;
		const r = await http('GET', `${base('clawpost')}/v1/usage`, { headers: { 'clawpost-api-key': seededKey(t.current, 'clawpost', 'paired') } });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ tenantId: tenants.paired, postsUsed: 0, postsRemaining: r.body.postsLimit });
		const sameTenant = await http('GET', `${base('clawpost')}/v1/usage?tenantId=${tenants.paired}`, { headers: { 'clawpost-api-key': seededKey(t.current, 'clawpost', 'paired') } });
		expect(sameTenant.status).toBe(200);
		const otherTenant = await http('GET', `${base('clawpost')}/v1/usage?tenantId=${tenants.unpaired}`, { headers: { 'clawpost-api-key': seededKey(t.current, 'clawpost', 'paired') } });
		expect(otherTenant.status).toBe(403);
	});

	test('401 without or with a wrong key, in the {error, code} shape', async () => {
		const none = await http('GET', `${base('clawpost')}/v1/usage`);
		expect(none.status).toBe(401);
		expect(none.body).toEqual({ error: expect.any(String), code: 'UNAUTHORIZED' });
		const wrong = await http('GET', `${base('clawpost')}/v1/usage`, { headers: { 'clawpost-api-key': 'claw_wrong' } });
		expect(wrong.status).toBe(401);
		// A Bearer token is not the documented header.
		const bearer = await http('GET', `${base('clawpost')}/v1/usage`, { headers: { authorization: `Bearer ${seededKey(t.current, 'clawpost', 'paired')}` } });
		expect(bearer.status).toBe(401);
	});
});
