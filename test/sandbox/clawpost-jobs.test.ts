/**
 * Claw Post conformance — the agent-facing job API: auth by clawpost-api-key, POST /v1/jobs/tweet
 * (the 201 body exactly, validation, idempotency, quota, pairing), GET /v1/jobs/:id, GET /v1/usage.
 */
import { http } from '../harness/http';
import type { HttpResult } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawpost.baseUrl;
const tenants = () => t.current.info.networks.clawpost.tenants as Record<string, string>;
/** A seeded role (paired, unpaired, quotaExceeded) or a literal key; null sends no key. */
const call = (method: string, path: string, who: string | null, json?: unknown) =>
	http(method, `${base()}${path}`, { headers: who === null ? {} : { 'clawpost-api-key': who.startsWith('claw_') ? who : seededKey(t.current, 'clawpost', who) }, json });
const create = (body: unknown, who: string | null = 'paired') => call('POST', '/v1/jobs/tweet', who, body);
const usage = async (who = 'paired') => (await call('GET', '/v1/usage', who)).body;
const expectError = (r: HttpResult, status: number, code: string, message: RegExp | string = /./) => {
	expect({ status: r.status, body: r.body }).toEqual({ status, body: { error: typeof message === 'string' ? message : expect.stringMatching(message), code } });
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MEDIA = 'https://storage.googleapis.com/bucket/clip.mp4';

describe('auth', () => {
	test.each([
		['POST', '/v1/jobs/tweet'],
		['GET', '/v1/usage'],
		['POST', '/v1/media/upload'],
		['POST', '/v1/media/upload-url'],
		['POST', '/v1/connect/pair'],
	])('%s %s: 401 UNAUTHORIZED without a key and with a wrong one', async (method, path) => {
		expectError(await call(method, path, null, { text: 'hi' }), 401, 'UNAUTHORIZED', 'Missing clawpost-api-key header');
		expectError(await call(method, path, 'claw_not_a_real_key', { text: 'hi' }), 401, 'UNAUTHORIZED', 'Invalid API key');
	});

	test('the tenant comes from the key; the request log masks the key', async () => {
		const r = await create({ text: 'whose job?' }, 'paired');
		expect(r.body.tenantId).toBe(tenants().paired);
		const [logged] = await t.current.requests({ network: 'clawpost', method: 'POST', path: '/v1/jobs/tweet' });
		expect(logged.principal).toBe(tenants().paired);
		expect(logged.headers['clawpost-api-key']).toBe(`***${seededKey(t.current, 'clawpost', 'paired').slice(-4)}`);
	});
});

describe('POST /v1/jobs/tweet', () => {
	test('201 with exactly the documented body: id (uuid), tenantId, text, platform x by default, queued, unix-second times, mediaPaths', async () => {
		const r = await create({ text: 'Hello from Claw Post!' });
		expect(r.status).toBe(201);
		expect(r.headers['content-type']).toMatch(/^application\/json/);
		expect(r.body).toEqual({
			id: expect.stringMatching(UUID),
			tenantId: tenants().paired,
			text: 'Hello from Claw Post!',
			platform: 'x',
			status: 'queued',
			createdAt: expect.any(Number),
			updatedAt: r.body.createdAt,
			mediaPaths: [],
		});
		expect(Number.isInteger(r.body.createdAt)).toBe(true);
		expect(Math.abs(r.body.createdAt - Date.now() / 1000)).toBeLessThan(5);
	});

	test('the reference request body (mediaPaths, idempotencyKey, empty platformPayload) and each platform', async () => {
		const full = await create({ text: 'Hello from my AI agent!', platform: 'x', mediaPaths: [], idempotencyKey: 'optional-unique-key', platformPayload: {} });
		expect(full.status).toBe(201);
		for (const platform of ['x', 'linkedin', 'facebook', 'tiktok', 'instagram']) {
			const r = await create({ text: `on ${platform}`, platform, mediaPaths: [MEDIA] });
			expect(r.status).toBe(201);
			expect(r.body).toMatchObject({ platform, mediaPaths: [MEDIA], status: 'queued' });
		}
		const ids = new Set([full.body.id]);
		for (const job of (await t.current.control<{ jobs: Array<{ id: string }> }>('GET', 'clawpost/jobs')).jobs) ids.add(job.id);
		expect(ids.size).toBe(6);
	});

	test('the text is kept as sent (not trimmed); a Facebook group by groupId or groupUrl', async () => {
		expect((await create({ text: '  spaced  ' })).body.text).toBe('  spaced  ');
		const byId = await create({ text: 'Post to group!', platform: 'facebook', platformPayload: { groupId: '1577315533418837' } });
		expect(byId.status).toBe(201);
		expect(Object.keys(byId.body).sort()).toEqual(['createdAt', 'id', 'mediaPaths', 'platform', 'status', 'tenantId', 'text', 'updatedAt']);
		expect((await create({ text: 'g', platform: 'facebook', platformPayload: { groupId: 1577315533418837 } })).status).toBe(201);
		expect((await create({ text: 'g', platform: 'facebook', platformPayload: { groupUrl: 'https://www.facebook.com/groups/clawpost-testers/' } })).status).toBe(201);
	});

	test.each([
		['no text', {}, /text/],
		['empty text', { text: '' }, /text/],
		['blank text', { text: ' \n\t ' }, /text/],
		['text not a string', { text: 42 }, /text/],
		['unknown platform', { text: 'hi', platform: 'mastodon' }, /platform must be one of x, linkedin, facebook, tiktok, instagram/],
		['platform in capitals', { text: 'hi', platform: 'X' }, /platform/],
		['empty platform', { text: 'hi', platform: '' }, /platform/],
		['mediaPaths not an array', { text: 'hi', mediaPaths: MEDIA }, /mediaPaths must be an array/],
		['a media path that is not a URL', { text: 'hi', mediaPaths: ['/tmp/cat.png'] }, /mediaPaths\[0\]/],
		['a media path that is not a string', { text: 'hi', mediaPaths: [MEDIA, 7] }, /mediaPaths\[1\]/],
		['TikTok without media', { text: 'hi', platform: 'tiktok' }, /TikTok posts need media/],
		['Instagram with empty media', { text: 'hi', platform: 'instagram', mediaPaths: [] }, /Instagram posts need media/],
		['a group on X', { text: 'hi', platformPayload: { groupId: '1577315533418837' } }, /only for platform "facebook"/],
		['a group on LinkedIn', { text: 'hi', platform: 'linkedin', platformPayload: { groupUrl: 'https://www.facebook.com/groups/1' } }, /only for platform "facebook"/],
		['groupId and groupUrl', { text: 'hi', platform: 'facebook', platformPayload: { groupId: '1', groupUrl: 'https://www.facebook.com/groups/1' } }, /not both/],
		['empty groupId', { text: 'hi', platform: 'facebook', platformPayload: { groupId: ' ' } }, /groupId/],
		['groupUrl not a group', { text: 'hi', platform: 'facebook', platformPayload: { groupUrl: 'https://www.facebook.com/zuck' } }, /groupUrl/],
		['platformPayload not an object', { text: 'hi', platformPayload: 'group' }, /platformPayload must be an object/],
		['empty idempotencyKey', { text: 'hi', idempotencyKey: '' }, /idempotencyKey/],
		['idempotencyKey not a string', { text: 'hi', idempotencyKey: 12 }, /idempotencyKey/],
		['idempotencyKey over 255 characters', { text: 'hi', idempotencyKey: 'k'.repeat(256) }, /idempotencyKey must be at most 255/],
		['a JSON array', ['hi'], /JSON object/],
	])('%s → 400 INVALID_REQUEST', async (_what, body, message) => {
		expectError(await create(body), 400, 'INVALID_REQUEST', message);
	});

	test('invalid JSON and a non-JSON body are 400; nothing is created', async () => {
		const headers = { 'clawpost-api-key': seededKey(t.current, 'clawpost', 'paired') };
		const broken = await http('POST', `${base()}/v1/jobs/tweet`, { headers: { ...headers, 'content-type': 'application/json' }, body: '{"text": "hi"' });
		expectError(broken, 400, 'INVALID_REQUEST', /not valid JSON/);
		const plain = await http('POST', `${base()}/v1/jobs/tweet`, { headers: { ...headers, 'content-type': 'text/plain' }, body: '{"text": "hi"}' });
		expectError(plain, 400, 'INVALID_REQUEST', /must be JSON/);
		expect((await usage()).postsUsed).toBe(0);
	});

	test('quota exceeded → 403 QUOTA_EXCEEDED (the seeded tenant with quota 0); nothing is created', async () => {
		expectError(await create({ text: 'over quota' }, 'quotaExceeded'), 403, 'QUOTA_EXCEEDED', /Quota exceeded/);
		expect(await usage('quotaExceeded')).toMatchObject({ postsUsed: 0, postsLimit: 0, postsRemaining: 0 });
	});

	test('the quota counts this month\'s jobs: the last one allowed is 201, the next 403', async () => {
		const fresh = await t.current.control<{ apiKey: string }>('POST', 'clawpost/tenants', { monthlyQuota: 2 });
		expect((await create({ text: 'one' }, fresh.apiKey)).status).toBe(201);
		expect((await create({ text: 'two' }, fresh.apiKey)).status).toBe(201);
		expectError(await create({ text: 'three' }, fresh.apiKey), 403, 'QUOTA_EXCEEDED');
		// A new calendar month starts a new count.
		await t.current.control('POST', 'clock', { advanceMs: 32 * 24 * 3600 * 1000 });
		expect((await create({ text: 'next month' }, fresh.apiKey)).status).toBe(201);
	});

	test('no paired extension → 503 EXTENSION_NOT_PAIRED with the reference\'s pairing instructions', async () => {
		const r = await create({ text: 'nobody to post it' }, 'unpaired');
		expectError(
			r,
			503,
			'EXTENSION_NOT_PAIRED',
			'Extension not paired. No active extension is paired for this account. Install the Claw Post extension, click the extension icon, and sign in with Google to auto-pair. If needed, use the Dashboard 6-digit code as fallback.',
		);
		expect((await usage('unpaired')).postsUsed).toBe(0);
	});

	test('validation comes before quota and pairing; unknown routes answer {error, code}', async () => {
		expectError(await create({ text: '' }, 'unpaired'), 400, 'INVALID_REQUEST');
		expectError(await create({ text: '' }, 'quotaExceeded'), 400, 'INVALID_REQUEST');
		expectError(await call('GET', '/v1/nope', 'paired'), 404, 'NOT_FOUND');
		expectError(await call('DELETE', '/v1/jobs/tweet', 'paired'), 405, 'METHOD_NOT_ALLOWED');
	});
});

describe('idempotency', () => {
	const body = { text: 'Once only', platform: 'linkedin', idempotencyKey: 'n8n:wf:exec:node:0:linkedin' };

	test('the same key and body returns the same job with 200 — never a second post or a second count', async () => {
		const first = await create(body);
		expect(first.status).toBe(201);
		const again = await create(body);
		expect(again.status).toBe(200);
		expect(again.body).toEqual(first.body);
		expect((await usage()).postsUsed).toBe(1);
		const { jobs } = await t.current.control<{ jobs: unknown[] }>('GET', 'clawpost/jobs?tenant=paired');
		expect(jobs).toHaveLength(1);
	});

	test('a retry after the post finished shows its current status and live URL', async () => {
		const first = await create(body);
		await t.current.control('POST', 'clock', { advanceMs: 10_000 });
		const again = await create(body);
		expect(again.status).toBe(200);
		expect(again.body).toMatchObject({ id: first.body.id, status: 'succeeded', postUrl: expect.stringMatching(/^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:activity:\d+$/) });
		expect(again.body.updatedAt).toBeGreaterThan(first.body.updatedAt);
	});

	test('the same key with a different body → 409 IDEMPOTENCY_CONFLICT', async () => {
		const first = await create(body);
		for (const changed of [{ ...body, text: 'Twice?' }, { ...body, platform: 'x' }, { ...body, mediaPaths: [MEDIA] }]) {
			const r = await create(changed);
			expectError(r, 409, 'IDEMPOTENCY_CONFLICT', new RegExp(first.body.id));
		}
		expect((await usage()).postsUsed).toBe(1);
	});

	test('keys are per tenant; a retry still answers after the quota is used up or the extension is unpaired', async () => {
		const other = await t.current.control<{ apiKey: string }>('POST', 'clawpost/tenants', { monthlyQuota: 1 });
		const mine = await create(body);
		const theirs = await create(body, other.apiKey);
		expect(theirs.status).toBe(201);
		expect(theirs.body.id).not.toBe(mine.body.id);
		expect((await create(body, other.apiKey)).status).toBe(200);
		await t.current.control('POST', 'clawpost/unpair', { tenant: 'paired' });
		const retry = await create(body);
		expect(retry.status).toBe(200);
		expect(retry.body.id).toBe(mine.body.id);
		expectError(await create({ ...body, idempotencyKey: 'a-new-key' }), 503, 'EXTENSION_NOT_PAIRED');
	});

	test('without a key, the same body twice is two jobs', async () => {
		const a = await create({ text: 'twice' });
		const b = await create({ text: 'twice' });
		expect(a.body.id).not.toBe(b.body.id);
		expect((await usage()).postsUsed).toBe(2);
	});
});

describe('GET /v1/jobs/:id', () => {
	test('no authentication needed; queued job: id, status, platform, times — not the text or the tenant', async () => {
		const created = await create({ text: 'secret draft', platform: 'linkedin' });
		const r = await http('GET', `${base()}/v1/jobs/${created.body.id}`);
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ id: created.body.id, status: 'queued', platform: 'linkedin', createdAt: created.body.createdAt, updatedAt: created.body.updatedAt });
	});

	test('unknown or malformed id → 404 NOT_FOUND', async () => {
		expectError(await http('GET', `${base()}/v1/jobs/00000000-0000-4000-8000-000000000000`), 404, 'NOT_FOUND', /not found/);
		expectError(await http('GET', `${base()}/v1/jobs/not-a-job`), 404, 'NOT_FOUND');
	});
});

describe('GET /v1/usage', () => {
	test('postsUsed counts created jobs (not refused ones); extensionPaired follows the pairing', async () => {
		const before = await usage();
		expect(before).toEqual({
			tenantId: tenants().paired,
			plan: 'pro',
			periodStart: expect.any(Number),
			periodEnd: expect.any(Number),
			postsUsed: 0,
			postsLimit: 1000,
			postsRemaining: 1000,
			extensionPaired: true,
		});
		await create({ text: 'one' });
		await create({ text: 'two', platform: 'facebook' });
		await create({ text: '' });
		expect(await usage()).toMatchObject({ postsUsed: 2, postsRemaining: 998 });
		expect((await usage('unpaired')).extensionPaired).toBe(false);
	});
});
