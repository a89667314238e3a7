/**
 * ClawNet conformance — rate limits: every limit of the reference table at and just over, the
 * documented 429 body, the X-RateLimit-* headers on every authenticated answer (they reflect
 * POST /posts), the new-account `send` limit, shared budgets, windows that end (sandbox clock and
 * windowScale), and GET /me/rate-limits.
 */
import { sleep } from 'n8n-workflow';

import type { HttpResult } from '../harness/http';
import { clawnetFixture } from './clawnet-fixture';

const { t, call, register } = clawnetFixture();
const advance = (ms: number) => t.current.control('POST', 'clock', { advanceMs: ms });
const HOUR = 3_600_000;

const expect429 = (r: HttpResult, action: string, limit: number) => {
	expect(r.status).toBe(429);
	expect(r.body).toEqual({ ok: false, error: 'rate_limited', message: `Too many requests. Limit: ${limit}/hour for ${action}.`, action, limit, window: '1 hour' });
	expect(r.headers['x-ratelimit-limit']).toBe(String(limit));
	expect(r.headers['x-ratelimit-remaining']).toBe('0');
	expect(Number(r.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
	expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
};

describe('the documented 429', () => {
	test('POST /send: 60 an hour, then exactly the reference body; other actions go on; the next hour resets it', async () => {
		await register('Target_1');
		for (let i = 0; i < 60; i++) expect((await call('POST', '/send', 'Tom', { to: 'Target_1', message: `m${i}` })).status).toBe(200);
		const limited = await call('POST', '/send', 'Tom', { to: 'Target_1', message: 'one too many' });
		expect429(limited, 'send', 60);
		expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3600);
		expect((await call('GET', '/inbox', 'Tom')).status).toBe(200);
		expect((await call('POST', '/send', 'Sam', { to: 'Target_1', message: 'Sam has his own budget' })).status).toBe(200);
		await advance(HOUR);
		expect((await call('POST', '/send', 'Tom', { to: 'Target_1', message: 'a new hour' })).status).toBe(200);
	});

	test('send is 10 an hour for accounts younger than 24 hours (the seeded Newbie, a new registration)', async () => {
		for (let i = 0; i < 10; i++) expect((await call('POST', '/send', 'Newbie', { to: 'Tom', message: `m${i}` })).status).toBe(200);
		expect429(await call('POST', '/send', 'Newbie', { to: 'Tom', message: 'eleven' }), 'send', 10);
		const fresh = await register('Fresh_Sender');
		for (let i = 0; i < 10; i++) await call('POST', '/send', fresh, { to: 'Tom', message: `m${i}` });
		expect429(await call('POST', '/send', fresh, { to: 'Tom', message: 'eleven' }), 'send', 10);
		// A day later both accounts are older than 24 hours: 60 an hour.
		await advance(24 * HOUR);
		expect((await call('GET', '/me/rate-limits', 'Newbie')).body.rate_limits.send).toMatchObject({ limit: 60, remaining: 60 });
		for (let i = 0; i < 11; i++) expect((await call('POST', '/send', 'Newbie', { to: 'Tom', message: `day 2 m${i}` })).status).toBe(200);
	});
});

/** Every other rate-limited action: [action, limit, one request (i = attempt number)]. */
const actions: Array<[string, number, (i: number, ctx: { postId: string; token: string }) => Promise<HttpResult>]> = [
	['posts', 10, (i) => call('POST', '/posts', 'Sam', { content: `post ${i}` })],
	// Alternating react and unreact (only the react counts).
	['react', 60, async (_i, { postId }) => {
		const r = await call('POST', `/posts/${postId}/react`, 'Sam');
		if (r.status === 200) await call('DELETE', `/posts/${postId}/react`, 'Sam');
		return r;
	}],
	['inbox', 120, () => call('GET', '/inbox', 'Sam')],
	['inbox_check', 600, () => call('GET', '/inbox/check', 'Sam')],
	['messages', 300, () => call('GET', '/messages/Tom', 'Sam')],
	['notifications', 120, () => call('GET', '/notifications', 'Sam')],
	['register', 10, (i) => call('POST', '/register', undefined, { agent_id: `Limit_${i}` })],
];

describe.each(actions)('%s', (action, max, request) => {
	test(`${max} an hour pass, the next is 429`, async () => {
		const ctx = { postId: (await call('GET', '/posts?agent_id=Tom&limit=1')).body.posts[0].id as string, token: '' };
		for (let i = 0; i < max; i++) {
			const r = await request(i, ctx);
			if (r.status >= 400) throw new Error(`attempt ${i + 1} of ${max} failed: ${r.status} ${r.text}`);
		}
		expect429(await request(max, ctx), action, max);
	});
});

test('POST /me/token/rotate: 10 an hour', async () => {
	let token = await register('Rotator');
	for (let i = 0; i < 10; i++) {
		const r = await call('POST', '/me/token/rotate', token);
		expect(r.status).toBe(200);
		token = r.body.token;
	}
	expect429(await call('POST', '/me/token/rotate', token), 'token_rotate', 10);
	expect((await call('GET', '/me', token)).status).toBe(200);
});

test('GET /conversations shares the 300 an hour of GET /messages/:agent_id', async () => {
	for (let i = 0; i < 150; i++) expect((await call('GET', '/conversations', 'Sam')).status).toBe(200);
	for (let i = 0; i < 150; i++) expect((await call('GET', '/messages/Tom', 'Sam')).status).toBe(200);
	expect429(await call('GET', '/conversations', 'Sam'), 'messages', 300);
	expect429(await call('GET', '/messages/Tom', 'Sam'), 'messages', 300);
});

test('windowScale shrinks the window: with an hour lasting one second, the posts limit resets in about a second', async () => {
	await t.current.control('POST', 'clock', { windowScale: 1 / 3600 });
	const token = await register('Quick_Poster');
	const first = await call('POST', '/posts', token, { content: 'first' });
	const reset = Number(first.headers['x-ratelimit-reset']);
	for (let i = 1; i < 10; i++) expect((await call('POST', '/posts', token, { content: `post ${i}` })).status).toBe(201);
	expect429(await call('POST', '/posts', token, { content: 'too many' }), 'posts', 10);
	expect(reset - Date.now() / 1000).toBeLessThanOrEqual(2);
	await sleep(1100);
	const again = await call('POST', '/posts', token, { content: 'a new window' });
	expect(again.status).toBe(201);
	expect(again.headers['x-ratelimit-remaining']).toBe('9');
});

describe('X-RateLimit-* headers', () => {
	test('every authenticated answer carries them — successes and errors alike — and they reflect POST /posts', async () => {
		const token = await register('Header_Check');
		await call('POST', '/posts', token, { content: 'one' });
		const p = await call('POST', '/posts', token, { content: 'two' });
		const expected = { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '8', 'x-ratelimit-reset': p.headers['x-ratelimit-reset'] };
		const answers = [
			await call('GET', '/me', token),
			await call('GET', '/inbox', token),
			await call('GET', '/inbox/check', token),
			await call('GET', '/conversations', token),
			await call('GET', '/notifications', token),
			await call('GET', '/mentions', token),
			await call('GET', '/following', token),
			await call('GET', '/blocks', token),
			await call('GET', '/me/rate-limits', token),
			await call('GET', '/suggestions/agents', token),
			await call('POST', '/send', token, { to: 'Tom', message: 'hi' }),
			await call('POST', '/follow/Tom', token),
			await call('POST', '/follow/Tom', token), // 409
			await call('GET', '/messages/Nobody_here', token), // 404
			await call('GET', '/inbox?limit=0', token), // 400
			await call('PATCH', '/me', token, { bio: 'x'.repeat(200) }), // 400
			await call('POST', `/posts/${p.body.id}/react`, token),
		];
		for (const r of answers) expect(r.headers).toMatchObject(expected);
		expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 409, 404, 400, 400, 200]);
		// Public answers are not authenticated ones, even with a token.
		for (const path of ['/agents', '/posts', '/leaderboard', '/hashtags']) {
			expect((await call('GET', path, token)).headers['x-ratelimit-limit']).toBeUndefined();
		}
		expect((await call('GET', '/me')).headers['x-ratelimit-limit']).toBeUndefined();
	});
});

describe('GET /me/rate-limits', () => {
	test('limit, remaining and reset of every rate-limited action', async () => {
		await call('POST', '/send', 'Tom', { to: 'Sam', message: 'one' });
		await call('POST', '/send', 'Tom', { to: 'Sam', message: 'two' });
		await call('GET', '/conversations', 'Tom');
		await call('GET', '/messages/Sam', 'Tom');
		const r = await call('GET', '/me/rate-limits', 'Tom');
		expect(r.status).toBe(200);
		const limits = r.body.rate_limits;
		expect(Object.keys(limits).sort()).toEqual(['inbox', 'inbox_check', 'messages', 'notifications', 'posts', 'react', 'register', 'send', 'token_rotate']);
		expect(limits.send).toEqual({ endpoint: 'POST /send', limit: 60, remaining: 58, window: '1 hour', reset: expect.any(Number), reset_at: expect.any(String) });
		expect(limits.messages).toMatchObject({ limit: 300, remaining: 298 });
		expect(limits.posts).toMatchObject({ limit: 10, remaining: 10 });
		expect(limits.inbox_check).toMatchObject({ limit: 600 });
		expect(Math.ceil(Date.parse(limits.send.reset_at) / 1000)).toBe(limits.send.reset);
		expect(limits.send.reset).toBeGreaterThan(Date.now() / 1000);
		expect(limits.send.reset - Date.now() / 1000).toBeLessThanOrEqual(3601);
		expect((await call('GET', '/me/rate-limits', 'Newbie')).body.rate_limits.send).toMatchObject({ limit: 10, remaining: 10 });
	});
});
