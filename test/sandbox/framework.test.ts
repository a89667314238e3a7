/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only code (sandbox server, test harness): Node APIs are its job, and it never ships in dist/ */
/** The sandbox framework: control API, fault injection, clock and window scaling, request log. */
import { http } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const clawnet = () => t.current.info.networks.clawnet.baseUrl;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

test('info lists every network with its base URL and seeded credentials, stable across resets', async () => {
	const info = t.current.info;
	expect(Object.keys(info.networks).sort()).toEqual(['clawnet', 'clawpost', 'clawtter', 'model']);
	expect(info.networks.clawtter.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/clawtter$/);
	const before = seededKey(t.current, 'clawnet', 'n8n_agent');
	expect(before).toMatch(/^clwnt_[0-9a-f]{40}$/);
	await t.current.reset();
	expect(seededKey(t.current, 'clawnet', 'n8n_agent')).toBe(before);
});

test('reset drops state created since', async () => {
	const registered = await http('POST', `${clawnet()}/register`, { json: { agent_id: 'Fresh_1' } });
	expect(registered.status).toBe(201);
	expect((await http('POST', `${clawnet()}/register`, { json: { agent_id: 'Fresh_1' } })).status).toBe(409);
	await t.current.reset();
	expect((await http('POST', `${clawnet()}/register`, { json: { agent_id: 'Fresh_1' } })).status).toBe(201);
});

describe('faults', () => {
	const key = () => seededKey(t.current, 'clawnet', 'n8n_agent');

	test('status fault answers in the network\'s own error shape, for the given number of times', async () => {
		const rule = await t.current.fault({ network: 'clawnet', path: '/me', kind: 'status', status: 503, times: 1 });
		const first = await http('GET', `${clawnet()}/me`, { headers: auth(key()) });
		expect(first.status).toBe(503);
		expect(first.body).toEqual({ ok: false, error: 'injected_fault', message: 'Injected fault: HTTP 503' });
		expect((await http('GET', `${clawnet()}/me`, { headers: auth(key()) })).status).toBe(200);
		const { faults } = await t.current.control<{ faults: Array<{ id: number; hits: number }> }>('GET', 'faults');
		expect(faults.find((f) => f.id === rule.id)?.hits).toBe(1);
	});

	test('latency delays the answer', async () => {
		await t.current.fault({ network: 'clawnet', path: '/me', kind: 'latency', latencyMs: 300 });
		const started = Date.now();
		expect((await http('GET', `${clawnet()}/me`, { headers: auth(key()) })).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	test('malformed JSON is sent as a JSON content type', async () => {
		await t.current.fault({ network: 'clawnet', path: '/me', kind: 'malformed' });
		const r = await http('GET', `${clawnet()}/me`, { headers: auth(key()) });
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toMatch(/json/);
		expect(() => JSON.parse(r.text)).toThrow();
	});

	test('connection reset', async () => {
		await t.current.fault({ network: 'clawnet', path: '/me', kind: 'reset' });
		await expect(http('GET', `${clawnet()}/me`, { headers: auth(key()) })).rejects.toThrow();
	});

	test('429 with rate-limit headers', async () => {
		await t.current.fault({ network: 'clawnet', path: '/me', kind: 'rateLimit' });
		const r = await http('GET', `${clawnet()}/me`, { headers: auth(key()) });
		expect(r.status).toBe(429);
		expect(r.body).toMatchObject({ ok: false, error: 'rate_limited' });
		expect(Number(r.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
		expect(r.headers['x-ratelimit-remaining']).toBe('0');
	});

	test('a rate below 1 hits some requests and not others, the same way on every run', async () => {
		await t.current.fault({ network: 'clawnet', path: '/me', kind: 'status', status: 500, rate: 0.5 });
		const statuses: number[] = [];
		for (let i = 0; i < 20; i++) statuses.push((await http('GET', `${clawnet()}/me`, { headers: auth(key()) })).status);
		expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(3);
		expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(3);
		await t.current.reset();
		await t.current.fault({ network: 'clawnet', path: '/me', kind: 'status', status: 500, rate: 0.5 });
		const again: number[] = [];
		for (let i = 0; i < 20; i++) again.push((await http('GET', `${clawnet()}/me`, { headers: auth(key()) })).status);
		expect(again).toEqual(statuses);
	});

	test('faults are scoped by network, method and path prefix', async () => {
		await t.current.fault({ network: 'clawtter', path: '*', kind: 'status', status: 500 });
		await t.current.fault({ network: 'clawnet', method: 'POST', path: '/reg*', kind: 'status', status: 502 });
		expect((await http('GET', `${clawnet()}/me`, { headers: auth(key()) })).status).toBe(200);
		expect((await http('POST', `${clawnet()}/register`, { json: { agent_id: 'Abc' } })).status).toBe(502);
	});
});

test('the clock can be advanced and rate-limit windows scaled down', async () => {
	const before = await t.current.control<{ now: string }>('POST', 'clock', {});
	const after = await t.current.control<{ now: string }>('POST', 'clock', { advanceMs: 3_600_000 });
	expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(3_600_000);
	// register is limited to 10/hour per IP; with windows scaled to 1/1800 an hour lasts 2 s.
	await t.current.control('POST', 'clock', { windowScale: 1 / 1800 });
	for (let i = 0; i < 10; i++) expect((await http('POST', `${clawnet()}/register`, { json: { agent_id: `Agent_${i}` } })).status).toBe(201);
	const limited = await http('POST', `${clawnet()}/register`, { json: { agent_id: 'Agent_x' } });
	expect(limited.status).toBe(429);
	await new Promise((r) => setTimeout(r, 2100));
	expect((await http('POST', `${clawnet()}/register`, { json: { agent_id: 'Agent_x' } })).status).toBe(201);
});

test('the request log records method, path, query, body and masked secrets', async () => {
	const key = seededKey(t.current, 'clawnet', 'n8n_agent');
	await http('GET', `${clawnet()}/me?limit=5&x=y`, { headers: auth(key) });
	await http('POST', `${clawnet()}/register`, { json: { agent_id: 'Logged_1', token: 'should-not-be-logged' } });
	const log = await t.current.requests({ network: 'clawnet' });
	expect(log).toHaveLength(2);
	expect(log[0]).toMatchObject({ method: 'GET', path: '/me', query: { limit: '5', x: 'y' }, principal: 'n8n_agent', status: 200 });
	expect(log[0].headers.authorization).toBe(`Bearer ***${key.slice(-4)}`);
	expect(log[1]).toMatchObject({ method: 'POST', path: '/register', body: { agent_id: 'Logged_1', token: '***gged' }, status: 201 });
	expect(JSON.stringify(log)).not.toContain(key);
	expect(JSON.stringify(log)).not.toContain('should-not-be-logged');
	expect(await t.current.requests({ network: 'clawnet', method: 'POST' })).toHaveLength(1);
});

test('unknown routes and methods answer in the network\'s error shape', async () => {
	const notFound = await http('GET', `${clawnet()}/nope`);
	expect(notFound.status).toBe(404);
	expect(notFound.body).toMatchObject({ ok: false, error: 'not_found' });
	const wrongMethod = await http('DELETE', `${clawnet()}/register`);
	expect(wrongMethod.status).toBe(405);
	const clawtter404 = await http('GET', `${t.current.info.networks.clawtter.baseUrl}/nope`);
	expect(clawtter404.body).toEqual({ detail: 'No route for GET /nope' });
	const badJson = await http('POST', `${clawnet()}/register`, { body: '{"agent_id":', headers: { 'content-type': 'application/json' } });
	expect(badJson.status).toBe(400);
	expect(badJson.body).toMatchObject({ ok: false, error: 'invalid_request' });
});

test('a fresh sandbox\'s seeded content links to its real ports, never to port 0', async () => {
	const { createSandbox } = await import('../../sandbox');
	const fresh = createSandbox({ host: '127.0.0.1' });
	const info = await fresh.start();
	try {
		const key = (info.networks.clawnet.credentials as Record<string, string>).n8n_agent;
		const inbox = await http('GET', `${info.networks.clawnet.baseUrl}/inbox`, { headers: auth(key) });
		expect(inbox.status).toBe(200);
		expect(JSON.stringify(inbox.body)).not.toMatch(/127\.0\.0\.1:0\b/);
		expect(JSON.stringify(info)).not.toMatch(/127\.0\.0\.1:0\b/);
	} finally {
		await fresh.stop();
	}
});
