/**
 * Claw Post conformance — the job lifecycle queued → processing → succeeded | failed: the
 * extension endpoints (pull/ack) driven by the test, and the simulated extension driven by the
 * sandbox clock with outcomes and timing chosen through /_control/clawpost/extension.
 */
import { http } from '../harness/http';
import type { HttpResult } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawpost.baseUrl;
const net = () => t.current.info.networks.clawpost as Record<string, Record<string, string>>;
const create = async (body: Record<string, unknown>, who = 'paired') => {
	const r = await http('POST', `${base()}/v1/jobs/tweet`, { headers: { 'clawpost-api-key': seededKey(t.current, 'clawpost', who) }, json: body });
	expect(r.status).toBe(201);
	return r.body as { id: string; createdAt: number; updatedAt: number };
};
const job = async (id: string) => (await http('GET', `${base()}/v1/jobs/${id}`)).body;
const advance = (ms: number) => t.current.control('POST', 'clock', { advanceMs: ms });
const extension = (body: Record<string, unknown>) => t.current.control<Record<string, unknown>>('POST', 'clawpost/extension', body);
/** The seeded tenant's simulated extension, instant: leases and posts on the next request. */
const instant = (body: Record<string, unknown> = {}) => extension({ pickupMs: 0, delayMs: 0, ...body });
/** Calls the extension endpoints with a Bearer token (the seeded paired tenant's by default). */
const ext = (method: string, path: string, json?: unknown, token = net().extensionTokens.paired) =>
	http(method, `${base()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, json });
const expectError = (r: HttpResult, status: number, code: string) => {
	expect({ status: r.status, body: r.body }).toEqual({ status, body: { error: expect.any(String), code } });
};
const FAILURE_CODES = [
	'not_logged_in',
	'no_x_tab',
	'no_platform_tab',
	'content_script_unavailable',
	'selector_not_found',
	'rate_limited',
	'network_error',
	'group_not_approved',
	'media_fetch_failed',
	'unknown_error',
	'challenge_required',
];

describe('the simulated extension (auto mode, driven by the sandbox clock)', () => {
	test('default timing: leased after 1 s, posted 2 s later; updatedAt is when it happened', async () => {
		await t.current.control('POST', 'clock', { scale: 0 }); // frozen: only advanceMs moves time
		const created = await create({ text: 'Hello from Claw Post!' });
		expect((await job(created.id)).status).toBe('queued');
		await advance(1000);
		expect(await job(created.id)).toEqual({ id: created.id, status: 'processing', platform: 'x', createdAt: created.createdAt, updatedAt: expect.any(Number) });
		await advance(1000);
		expect((await job(created.id)).status).toBe('processing');
		await advance(1000);
		const done = await job(created.id);
		expect(done).toEqual({
			id: created.id,
			status: 'succeeded',
			postUrl: expect.stringMatching(/^https:\/\/x\.com\/n8n_agent\/status\/\d{18,19}$/),
			platform: 'x',
			createdAt: created.createdAt,
			updatedAt: expect.any(Number),
		});
		// Events happen at their virtual time, whenever they are observed.
		expect(done.updatedAt - done.createdAt).toBe(3);
	});

	test('one job at a time, oldest first, whatever the time of observation', async () => {
		await t.current.control('POST', 'clock', { scale: 0 });
		await extension({ pickupMs: 1000, delayMs: 5000 });
		const jobs = [await create({ text: 'a' }), await create({ text: 'b', platform: 'linkedin' }), await create({ text: 'c', platform: 'facebook' })];
		await advance(7000); // a done at 6 s, b leased at 6 s
		expect((await Promise.all(jobs.map((j) => job(j.id)))).map((j) => j.status)).toEqual(['succeeded', 'processing', 'queued']);
		await advance(60_000);
		const done = await Promise.all(jobs.map((j) => job(j.id)));
		expect(done.map((j) => j.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
		// Leased at 1 s, done at 6 s; then at once the next one: 11 s, 16 s.
		expect(done.map((j) => j.updatedAt - jobs[0].createdAt)).toEqual([6, 11, 16]);
	});

	test('a live postUrl per platform: X, LinkedIn, Facebook feed and group, TikTok video/photo, Instagram post/reel', async () => {
		await instant();
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ platform: 'x' }, /^https:\/\/x\.com\/n8n_agent\/status\/\d+$/],
			[{ platform: 'linkedin' }, /^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:activity:\d{19}$/],
			[{ platform: 'facebook' }, /^https:\/\/www\.facebook\.com\/n8n\.agent\/posts\/\d+$/],
			[{ platform: 'facebook', platformPayload: { groupId: '1577315533418837' } }, /^https:\/\/www\.facebook\.com\/groups\/1577315533418837\/posts\/\d+\/$/],
			[{ platform: 'facebook', platformPayload: { groupUrl: 'https://www.facebook.com/groups/clawpost-testers' } }, /^https:\/\/www\.facebook\.com\/groups\/1577315533418837\/posts\/\d+\/$/],
			[{ platform: 'tiktok', mediaPaths: ['https://cdn.example.com/clip.mp4'] }, /^https:\/\/www\.tiktok\.com\/@n8n_agent\/video\/\d{19}$/],
			[{ platform: 'tiktok', mediaPaths: ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.png'] }, /^https:\/\/www\.tiktok\.com\/@n8n_agent\/photo\/\d{19}$/],
			[{ platform: 'instagram', mediaPaths: ['https://cdn.example.com/a.jpg'] }, /^https:\/\/www\.instagram\.com\/p\/[A-Za-z0-9_-]{10,12}\/$/],
			[{ platform: 'instagram', mediaPaths: ['https://cdn.example.com/clip.mov'] }, /^https:\/\/www\.instagram\.com\/reel\/[A-Za-z0-9_-]{10,12}\/$/],
		];
		const ids = [];
		for (const [body] of cases) ids.push((await create({ text: 'post', ...body })).id);
		const urls = new Set<string>();
		for (let i = 0; i < cases.length; i++) {
			const done = await job(ids[i]);
			expect(done.status).toBe('succeeded');
			expect(done.postUrl).toMatch(cases[i][1]);
			urls.add(done.postUrl);
		}
		expect(urls.size).toBe(cases.length);
	});

	test.each(FAILURE_CODES)('a chosen failure: %s → failed with error and errorCode', async (code) => {
		await instant({ next: [{ status: 'failed', errorCode: code }] });
		const created = await create({ text: 'doomed' });
		const failed = await job(created.id);
		expect(failed).toEqual({
			id: created.id,
			status: 'failed',
			platform: 'x',
			createdAt: created.createdAt,
			updatedAt: expect.any(Number),
			error: expect.stringMatching(/\w/),
			errorCode: code,
		});
		// One-shot: the next job posts.
		expect((await job((await create({ text: 'fine' })).id)).status).toBe('succeeded');
	});

	test('a chosen outcome with its own words, details and delay', async () => {
		await instant({ next: [{ status: 'failed', errorCode: 'selector_not_found', error: 'Tweet button missing', details: { step: 'compose' }, delayMs: 4000 }] });
		const created = await create({ text: 'x' });
		await advance(3000);
		expect((await job(created.id)).status).toBe('processing');
		await advance(1500);
		expect(await job(created.id)).toMatchObject({ status: 'failed', error: 'Tweet button missing', errorCode: 'selector_not_found', details: { step: 'compose' } });
	});

	test('outcomes per platform and by default; next outcomes can target a platform; clearOutcomes', async () => {
		await instant({ platform: 'x', outcome: { status: 'failed', errorCode: 'rate_limited' } });
		await extension({ next: [{ platform: 'facebook', status: 'failed', errorCode: 'network_error' }] });
		const x = await create({ text: 'x' });
		const li = await create({ text: 'li', platform: 'linkedin' });
		const fb1 = await create({ text: 'fb', platform: 'facebook' });
		const fb2 = await create({ text: 'fb', platform: 'facebook' });
		expect((await job(x.id)).errorCode).toBe('rate_limited');
		expect((await job(li.id)).status).toBe('succeeded');
		expect((await job(fb1.id)).errorCode).toBe('network_error');
		expect((await job(fb2.id)).status).toBe('succeeded');
		expect((await job((await create({ text: 'x again' })).id)).errorCode).toBe('rate_limited');

		await extension({ clearOutcomes: true, outcome: { status: 'failed', errorCode: 'content_script_unavailable' } });
		expect((await job((await create({ text: 'li', platform: 'linkedin' })).id)).errorCode).toBe('content_script_unavailable');
		await extension({ outcome: null });
		expect((await job((await create({ text: 'x' })).id)).status).toBe('succeeded');
		const view = await t.current.control<Record<string, unknown>>('GET', 'clawpost/extension?tenant=paired');
		expect(view).toMatchObject({ mode: 'auto', pickupMs: 0, delayMs: 0, outcome: null, platformOutcomes: {}, next: [], paired: true });
	});

	test('the browser: no tab open (no_x_tab on X, no_platform_tab elsewhere), logged out (not_logged_in)', async () => {
		await instant({ browser: { noTab: ['x', 'linkedin'], loggedOut: ['facebook'] } });
		const x = await create({ text: 'x' });
		const li = await create({ text: 'li', platform: 'linkedin' });
		const fb = await create({ text: 'fb', platform: 'facebook' });
		const ig = await create({ text: 'ig', platform: 'instagram', mediaPaths: ['https://cdn.example.com/a.jpg'] });
		expect(await job(x.id)).toMatchObject({ status: 'failed', errorCode: 'no_x_tab', error: expect.stringMatching(/x\.com/) });
		expect(await job(li.id)).toMatchObject({ status: 'failed', errorCode: 'no_platform_tab', error: expect.stringMatching(/linkedin\.com/) });
		expect(await job(fb.id)).toMatchObject({ status: 'failed', errorCode: 'not_logged_in', error: expect.stringMatching(/facebook\.com/) });
		expect((await job(ig.id)).status).toBe('succeeded');
	});

	test('control validation: unknown error codes, modes and tenants are refused', async () => {
		const controlUrl = `${t.current.info.control}/_control/clawpost/extension`;
		for (const body of [{ next: [{ status: 'failed', errorCode: 'oops' }] }, { mode: 'sometimes' }, { tenant: 'nobody' }, { browser: { noTab: ['myspace'] } }, { delayMs: -1 }]) {
			const r = await http('POST', controlUrl, { json: body });
			expect(r.status).toBeGreaterThanOrEqual(400);
			expect(r.body).toEqual({ error: expect.any(String), code: expect.any(String) });
		}
	});
});

describe('Facebook groups: group_not_approved and details.buttonState', () => {
	const groups = () => net().facebookGroups;

	test('a joined group posts (buttonState joined); a pending one fails (requested); one not joined fails (not_member)', async () => {
		await instant();
		const joined = await create({ text: 'hi', platform: 'facebook', platformPayload: { groupId: groups().joined } });
		const requested = await create({ text: 'hi', platform: 'facebook', platformPayload: { groupId: groups().requested } });
		const notMember = await create({ text: 'hi', platform: 'facebook', platformPayload: { groupUrl: 'https://www.facebook.com/groups/private-makers/' } });
		expect(await job(joined.id)).toMatchObject({ status: 'succeeded', details: { buttonState: 'joined', groupId: groups().joined } });
		expect(await job(requested.id)).toMatchObject({
			status: 'failed',
			errorCode: 'group_not_approved',
			error: expect.stringMatching(/pending/),
			details: { buttonState: 'requested', groupId: groups().requested },
		});
		expect(await job(notMember.id)).toMatchObject({ status: 'failed', errorCode: 'group_not_approved', details: { buttonState: 'not_member', groupId: groups().not_member } });
	});

	test('a group configured as not approved fails; approving it lets the next job post; an unknown group counts as joined', async () => {
		await instant();
		await t.current.control('POST', 'clawpost/groups', { groupId: '555', buttonState: 'requested', name: 'New group' });
		const first = await create({ text: 'hi', platform: 'facebook', platformPayload: { groupId: '555' } });
		expect(await job(first.id)).toMatchObject({ status: 'failed', errorCode: 'group_not_approved', details: { buttonState: 'requested' } });
		await t.current.control('POST', 'clawpost/groups', { groupId: '555', buttonState: 'joined' });
		expect(await job((await create({ text: 'hi', platform: 'facebook', platformPayload: { groupId: '555' } })).id)).toMatchObject({ status: 'succeeded', details: { buttonState: 'joined' } });
		expect((await job((await create({ text: 'hi', platform: 'facebook', platformPayload: { groupId: '42' } })).id)).status).toBe('succeeded');
	});

	test('a feed post (no group) has no details; a chosen failure on a group job still carries buttonState', async () => {
		await instant({ next: [{ status: 'failed', errorCode: 'selector_not_found' }] });
		const group = await create({ text: 'hi', platform: 'facebook', platformPayload: { groupId: groups().joined } });
		expect(await job(group.id)).toMatchObject({ errorCode: 'selector_not_found', details: { buttonState: 'joined' } });
		const feed = await job((await create({ text: 'feed', platform: 'facebook' })).id);
		expect(feed.status).toBe('succeeded');
		expect(feed.details).toBeUndefined();
	});
});

describe('manual mode and POST /_control/clawpost/jobs/:id/complete', () => {
	test('manual: the extension leases the job and waits; the test decides the result and the time', async () => {
		await extension({ mode: 'manual', pickupMs: 0 });
		const a = await create({ text: 'a' });
		const b = await create({ text: 'b' });
		await advance(60_000);
		expect((await job(a.id)).status).toBe('processing');
		expect((await job(b.id)).status).toBe('queued');
		const completed = await t.current.control<Record<string, unknown>>('POST', `clawpost/jobs/${a.id}/complete`, { status: 'failed', errorCode: 'rate_limited', error: 'Slow down' });
		expect(completed).toMatchObject({ id: a.id, status: 'failed', errorCode: 'rate_limited', error: 'Slow down' });
		expect((await job(b.id)).status).toBe('processing');
		await t.current.control('POST', `clawpost/jobs/${b.id}/complete`, { postUrl: 'https://x.com/n8n_agent/status/1234567890' });
		expect(await job(b.id)).toMatchObject({ status: 'succeeded', postUrl: 'https://x.com/n8n_agent/status/1234567890' });
	});

	test('complete with an empty body: as the simulated extension would decide (queued outcomes, realism)', async () => {
		await extension({ mode: 'manual', pickupMs: 0, next: [{ status: 'failed', errorCode: 'network_error' }] });
		const a = await create({ text: 'a' });
		await t.current.control('POST', `clawpost/jobs/${a.id}/complete`, {});
		expect((await job(a.id)).errorCode).toBe('network_error');
		const b = await create({ text: 'b' });
		await t.current.control('POST', `clawpost/jobs/${b.id}/complete`, {});
		expect((await job(b.id)).status).toBe('succeeded');
	});

	test('a queued job can be completed directly; a finished job cannot (409); unknown job 404', async () => {
		await extension({ mode: 'off' });
		const a = await create({ text: 'a' });
		expect((await job(a.id)).status).toBe('queued');
		await t.current.control('POST', `clawpost/jobs/${a.id}/complete`, { status: 'succeeded' });
		expect((await job(a.id)).postUrl).toMatch(/^https:\/\/x\.com\//);
		const again = await http('POST', `${t.current.info.control}/_control/clawpost/jobs/${a.id}/complete`, { json: {} });
		expect(again.status).toBe(409);
		const unknown = await http('POST', `${t.current.info.control}/_control/clawpost/jobs/nope/complete`, { json: {} });
		expect(unknown.status).toBe(404);
	});

	test('switching manual → auto posts the job in hand after delayMs', async () => {
		await extension({ mode: 'manual', pickupMs: 0 });
		const a = await create({ text: 'a' });
		await advance(100);
		expect((await job(a.id)).status).toBe('processing');
		await extension({ mode: 'auto', delayMs: 2000 });
		await advance(1000);
		expect((await job(a.id)).status).toBe('processing');
		await advance(1500);
		expect((await job(a.id)).status).toBe('succeeded');
	});

	test('a leased job with no result for 15 minutes fails with unknown_error', async () => {
		await extension({ mode: 'manual', pickupMs: 0 });
		const a = await create({ text: 'a' });
		await advance(14 * 60_000);
		expect((await job(a.id)).status).toBe('processing');
		await advance(2 * 60_000);
		expect(await job(a.id)).toMatchObject({ status: 'failed', errorCode: 'unknown_error', error: expect.stringMatching(/15 minutes/) });
	});
});

describe('extension endpoints: GET /v1/extension/pull, POST /v1/extension/ack', () => {
	beforeEach(async () => {
		await extension({ mode: 'off' }); // the test is the extension
	});

	test('pull leases the oldest queued job (→ processing) and answers it whole; 204 when none', async () => {
		const a = await create({ text: 'first', platform: 'facebook', platformPayload: { groupId: '1577315533418837' }, mediaPaths: ['https://cdn.example.com/a.png'] });
		const b = await create({ text: 'second' });
		const pulled = await ext('GET', '/v1/extension/pull');
		expect(pulled.status).toBe(200);
		expect(pulled.body).toEqual({
			id: a.id,
			tenantId: net().tenants.paired,
			text: 'first',
			platform: 'facebook',
			mediaPaths: ['https://cdn.example.com/a.png'],
			platformPayload: { groupId: '1577315533418837' },
			status: 'processing',
			createdAt: a.createdAt,
			updatedAt: expect.any(Number),
			leaseExpiresAt: expect.any(Number),
		});
		expect(pulled.body.leaseExpiresAt - pulled.body.updatedAt).toBe(900);
		expect((await job(a.id)).status).toBe('processing');
		expect((await ext('GET', '/v1/extension/pull')).body.id).toBe(b.id);
		const none = await ext('GET', '/v1/extension/pull');
		expect(none.status).toBe(204);
		expect(none.text).toBe('');
	});

	test('ack succeeded with the postUrl → GET shows the reference\'s succeeded shape', async () => {
		const a = await create({ text: 'hi' });
		await ext('GET', '/v1/extension/pull');
		await advance(5000);
		const ack = await ext('POST', '/v1/extension/ack', { jobId: a.id, status: 'succeeded', postUrl: 'https://x.com/user/status/1234567890' });
		expect(ack.status).toBe(200);
		expect(ack.body).toEqual({ ok: true, job: { id: a.id, status: 'succeeded', postUrl: 'https://x.com/user/status/1234567890', platform: 'x', createdAt: a.createdAt, updatedAt: a.createdAt + 5 } });
		expect(await job(a.id)).toEqual(ack.body.job);
		// The same result again is harmless; a different one is a conflict.
		expect((await ext('POST', '/v1/extension/ack', { jobId: a.id, status: 'succeeded', postUrl: 'https://x.com/user/status/1234567890' })).status).toBe(200);
		expectError(await ext('POST', '/v1/extension/ack', { jobId: a.id, status: 'failed', errorCode: 'unknown_error' }), 409, 'JOB_ALREADY_FINISHED');
	});

	test('ack failed with error, errorCode and details', async () => {
		const a = await create({ text: 'hi', platform: 'facebook', platformPayload: { groupId: '777' } });
		await ext('GET', '/v1/extension/pull');
		const ack = await ext('POST', '/v1/extension/ack', { jobId: a.id, status: 'failed', error: 'Join the group first', errorCode: 'group_not_approved', details: { buttonState: 'not_member' } });
		expect(ack.status).toBe(200);
		expect(await job(a.id)).toEqual({
			id: a.id,
			status: 'failed',
			platform: 'facebook',
			createdAt: a.createdAt,
			updatedAt: expect.any(Number),
			error: 'Join the group first',
			errorCode: 'group_not_approved',
			details: { buttonState: 'not_member' },
		});
	});

	test('ack validation: 400 for a bad body, 404 for an unknown job, 409 for a job not pulled', async () => {
		const a = await create({ text: 'hi' });
		expectError(await ext('POST', '/v1/extension/ack', { jobId: a.id, status: 'failed', errorCode: 'oops' }), 400, 'INVALID_REQUEST');
		expectError(await ext('POST', '/v1/extension/ack', { jobId: a.id, status: 'done' }), 400, 'INVALID_REQUEST');
		expectError(await ext('POST', '/v1/extension/ack', { jobId: a.id, status: 'succeeded' }), 400, 'INVALID_REQUEST');
		expectError(await ext('POST', '/v1/extension/ack', { status: 'succeeded', postUrl: 'https://x.com/a/status/1' }), 400, 'INVALID_REQUEST');
		expectError(await ext('POST', '/v1/extension/ack', { jobId: 'nope', status: 'succeeded', postUrl: 'https://x.com/a/status/1' }), 404, 'NOT_FOUND');
		expectError(await ext('POST', '/v1/extension/ack', { jobId: a.id, status: 'succeeded', postUrl: 'https://x.com/a/status/1' }), 409, 'JOB_NOT_LEASED');
		expect((await job(a.id)).status).toBe('queued');
	});

	test('401 without or with a wrong token; a tenant\'s extension sees only its own jobs', async () => {
		expectError(await ext('GET', '/v1/extension/pull', undefined, ''), 401, 'UNAUTHORIZED');
		expectError(await ext('GET', '/v1/extension/pull', undefined, 'cpext_wrong'), 401, 'UNAUTHORIZED');
		// The API key is not an extension token.
		expectError(await ext('GET', '/v1/extension/pull', undefined, seededKey(t.current, 'clawpost', 'paired')), 401, 'UNAUTHORIZED');
		const mine = await create({ text: 'mine' });
		const other = net().extensionTokens.quotaExceeded;
		await extension({ tenant: 'quotaExceeded', mode: 'off' });
		expect((await ext('GET', '/v1/extension/pull', undefined, other)).status).toBe(204);
		expectError(await ext('POST', '/v1/extension/ack', { jobId: mine.id, status: 'succeeded', postUrl: 'https://x.com/a/status/1' }, other), 404, 'NOT_FOUND');
	});

	test('a pulled job that is never acknowledged fails after the 15-minute lease', async () => {
		const a = await create({ text: 'hi' });
		await ext('GET', '/v1/extension/pull');
		await advance(15 * 60_000 + 1000);
		expect(await job(a.id)).toMatchObject({ status: 'failed', errorCode: 'unknown_error' });
		expectError(await ext('POST', '/v1/extension/ack', { jobId: a.id, status: 'succeeded', postUrl: 'https://x.com/a/status/1' }), 409, 'JOB_ALREADY_FINISHED');
	});
});
