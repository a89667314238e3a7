/**
 * Claw Post conformance — what came after the reference (clawpost-current.md): Reddit comments
 * (POST /v1/reddit/comment), Facebook group search (POST /v1/groups/search → {jobId}, results in
 * details.groupSearch.results), join and membership status (POST /v1/facebook/groups/join|status,
 * details.buttonState), the failure code challenge_required — all jobs of the simulated
 * extension on the sandbox clock.
 */
import { http } from '../harness/http';
import type { HttpResult } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawpost.baseUrl;
const key = (who = 'paired') => ({ 'clawpost-api-key': seededKey(t.current, 'clawpost', who) });
const post = (path: string, json: unknown, who = 'paired') => http('POST', `${base()}${path}`, { headers: key(who), json });
const job = async (id: string) => (await http('GET', `${base()}/v1/jobs/${id}`, { headers: key() })).body;
const advance = (ms: number) => t.current.control('POST', 'clock', { advanceMs: ms });
const extension = (body: Record<string, unknown>) => t.current.control<Record<string, unknown>>('POST', 'clawpost/extension', body);
/** Waits (on the sandbox clock) until the job is final: 1 s pickup + 2 s posting by default. */
const settled = async (id: string) => {
	await advance(3000);
	return job(id);
};
const expectError = (r: HttpResult, status: number, code: string) => {
	expect({ status: r.status, body: r.body }).toEqual({ status, body: { error: expect.any(String), code } });
};
const TARGET = 'https://www.reddit.com/r/n8n/comments/1abcde/how_do_you_crosspost/';

describe('POST /v1/reddit/comment', () => {
	test('{text, targetUrl} → 201 job (platform reddit); on success postUrl is the comment permalink under the target', async () => {
		await t.current.control('POST', 'clock', { scale: 0 });
		const r = await post('/v1/reddit/comment', { text: 'We use n8n + Claw Post for this.', targetUrl: TARGET });
		expect(r.status).toBe(201);
		expect(r.body).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			tenantId: (t.current.info.networks.clawpost.tenants as Record<string, string>).paired,
			type: 'reddit_comment',
			targetUrl: TARGET,
			text: 'We use n8n + Claw Post for this.',
			platform: 'reddit',
			status: 'queued',
			createdAt: expect.any(Number),
			updatedAt: expect.any(Number),
			mediaPaths: [],
		});
		await advance(1000);
		expect((await job(r.body.id)).status).toBe('processing');
		const done = await settled(r.body.id);
		expect(done).toMatchObject({ status: 'succeeded', type: 'reddit_comment', platform: 'reddit', postUrl: expect.stringMatching(/^https:\/\/www\.reddit\.com\/r\/n8n\/comments\/1abcde\/how_do_you_crosspost\/[0-9a-z]+\/$/) });
	});

	test('a comment permalink is a target too; the demo\'s body works; counts toward the monthly quota', async () => {
		const before = (await http('GET', `${base()}/v1/usage`, { headers: key() })).body.postsUsed;
		const r = await post('/v1/reddit/comment', { text: 'Agreed', targetUrl: 'https://old.reddit.com/r/agents/comments/9xyz/title/kq1abc/' });
		expect(r.status).toBe(201);
		expect((await settled(r.body.id)).postUrl).toMatch(/^https:\/\/www\.reddit\.com\/r\/agents\/comments\/9xyz\/title\/[0-9a-z]+\/$/);
		expect((await http('GET', `${base()}/v1/usage`, { headers: key() })).body.postsUsed).toBe(before + 1);
	});

	test.each([
		['no text', { targetUrl: TARGET }],
		['blank text', { text: '  ', targetUrl: TARGET }],
		['text over 10,000 characters', { text: 'x'.repeat(10001), targetUrl: TARGET }],
		['no targetUrl', { text: 'hi' }],
		['not Reddit', { text: 'hi', targetUrl: 'https://x.com/a/status/1' }],
		['a subreddit, not a post', { text: 'hi', targetUrl: 'https://www.reddit.com/r/n8n/' }],
		['not a URL', { text: 'hi', targetUrl: 'r/n8n/comments/1abcde' }],
	])('%s → 400 INVALID_REQUEST', async (_what, body) => {
		expectError(await post('/v1/reddit/comment', body), 400, 'INVALID_REQUEST');
	});

	test('key (401), quota (403), pairing (503) and idempotent retries as for posts', async () => {
		expect((await http('POST', `${base()}/v1/reddit/comment`, { json: { text: 'hi', targetUrl: TARGET } })).status).toBe(401);
		expect((await post('/v1/reddit/comment', { text: 'hi', targetUrl: TARGET }, 'quotaExceeded')).status).toBe(403);
		expectError(await post('/v1/reddit/comment', { text: 'hi', targetUrl: TARGET }, 'unpaired'), 503, 'EXTENSION_NOT_PAIRED');
		const first = await post('/v1/reddit/comment', { text: 'once', targetUrl: TARGET, idempotencyKey: 'c-1' });
		const again = await post('/v1/reddit/comment', { text: 'once', targetUrl: TARGET, idempotencyKey: 'c-1' });
		expect(again.status).toBe(200);
		expect(again.body.id).toBe(first.body.id);
		expectError(await post('/v1/reddit/comment', { text: 'other', targetUrl: TARGET, idempotencyKey: 'c-1' }), 409, 'IDEMPOTENCY_CONFLICT');
	});

	test('the browser\'s state fails it like a post: logged out, no tab, captcha', async () => {
		await extension({ browser: { loggedOut: ['reddit'] } });
		const r = await post('/v1/reddit/comment', { text: 'hi', targetUrl: TARGET });
		expect(await settled(r.body.id)).toMatchObject({ status: 'failed', errorCode: 'not_logged_in', error: expect.stringMatching(/Reddit/) });
	});
});

describe('POST /v1/groups/search', () => {
	test('{platform, query, filters, limit} → {jobId}; the job\'s details.groupSearch.results have SKILL-2.x\'s fields, best first', async () => {
		const r = await post('/v1/groups/search', { platform: 'facebook', query: 'AI agent', filters: { minMembers: 1000, privacy: 'any' }, limit: 5 });
		expect(r.status).toBe(201);
		expect(r.body).toEqual({ jobId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		expect(await job(r.body.jobId)).toMatchObject({ id: r.body.jobId, status: 'queued', type: 'group_search', platform: 'facebook', query: 'AI agent' });
		const done = await settled(r.body.jobId);
		expect(done.status).toBe('succeeded');
		expect(done.postUrl).toBeUndefined();
		const { groupSearch } = done.details;
		expect(groupSearch).toMatchObject({ query: 'AI agent', filters: { minMembers: 1000, privacy: 'any' }, limit: 5 });
		const results = groupSearch.results as Array<Record<string, unknown>>;
		expect(results.length).toBeGreaterThan(1);
		expect(results.length).toBeLessThanOrEqual(5);
		expect(results[0]).toEqual({
			name: 'AI Agent Builders',
			url: 'https://www.facebook.com/groups/ai-agent-builders/',
			platformId: '4455667788990011',
			slug: 'ai-agent-builders',
			privacy: 'public',
			memberCount: 48200,
			activityHint: '25 posts a day',
			joinStatus: 'not_member',
			score: expect.any(Number),
			reasons: ['keyword match', 'large member base', 'active', 'public'],
			signals: { keywordHit: true, memberCount: 48200, activityPerDay: 25 },
		});
		const scores = results.map((g) => g.score as number);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
		expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
		expect(results.every((g) => (g.memberCount as number) >= 1000)).toBe(true);
		// The account's own standing shows: the seeded pending group.
		expect(results.find((g) => g.platformId === '2233445566778899')).toMatchObject({ joinStatus: 'requested', privacy: 'private' });
	});

	test('filters: privacy public|private|any, minMembers; limit 1–50 (default 20); no match → empty results', async () => {
		const run = async (body: Record<string, unknown>) => (await settled((await post('/v1/groups/search', body)).body.jobId)).details.groupSearch.results as Array<Record<string, unknown>>;
		expect((await run({ query: 'agents', filters: { privacy: 'private' } })).every((g) => g.privacy === 'private')).toBe(true);
		expect((await run({ query: 'agent', filters: { minMembers: 20000 } })).map((g) => g.name)).toEqual(['AI Agent Builders']);
		expect(await run({ query: 'quantum knitting' })).toEqual([]);
		expect((await run({ query: 'ai', limit: 1 })).length).toBe(1);
		for (const bad of [{}, { query: ' ' }, { query: 'x', platform: 'linkedin' }, { query: 'x', limit: 51 }, { query: 'x', limit: 0 }, { query: 'x', filters: { privacy: 'secret' } }, { query: 'x', filters: { minMembers: -1 } }, { query: 'x'.repeat(201) }]) {
			expectError(await post('/v1/groups/search', bad), 400, 'INVALID_REQUEST');
		}
	});

	test('searches need the extension (503) but not quota: they publish nothing', async () => {
		expectError(await post('/v1/groups/search', { query: 'ai' }, 'unpaired'), 503, 'EXTENSION_NOT_PAIRED');
		expect((await post('/v1/groups/search', { query: 'ai' }, 'quotaExceeded')).status).toBe(201);
		const before = (await http('GET', `${base()}/v1/usage`, { headers: key() })).body.postsUsed;
		await post('/v1/groups/search', { query: 'ai' });
		expect((await http('GET', `${base()}/v1/usage`, { headers: key() })).body.postsUsed).toBe(before);
	});
});

describe('POST /v1/facebook/groups/join and /status', () => {
	test('status reports details.buttonState: joined, requested, not_member', async () => {
		for (const [groupId, state] of [['1577315533418837', 'joined'], ['2233445566778899', 'requested'], ['9988776655443322', 'not_member']]) {
			const r = await post('/v1/facebook/groups/status', { groupId });
			expect(r.status).toBe(201);
			expect(r.body).toMatchObject({ type: 'group_status', groupId, platform: 'facebook', status: 'queued' });
			expect(await settled(r.body.id)).toMatchObject({ status: 'succeeded', type: 'group_status', details: { buttonState: state, groupId } });
		}
	});

	test('joining a public group → joined (and posting there works); a private one → requested', async () => {
		const publicGroup = '4455667788990011';
		const blocked = await post('/v1/jobs/tweet', { text: 'hi group', platform: 'facebook', platformPayload: { groupId: publicGroup } });
		expect(await settled(blocked.body.id)).toMatchObject({ status: 'failed', errorCode: 'group_not_approved', details: { buttonState: 'not_member' } });
		const join = await post('/v1/facebook/groups/join', { groupId: Number(publicGroup) });
		expect(join.body).toMatchObject({ type: 'group_join', groupId: publicGroup });
		expect(await settled(join.body.id)).toMatchObject({ status: 'succeeded', details: { buttonState: 'joined', groupId: publicGroup } });
		const status = await post('/v1/facebook/groups/status', { groupId: publicGroup });
		expect((await settled(status.body.id)).details.buttonState).toBe('joined');
		const posted = await post('/v1/jobs/tweet', { text: 'hi group', platform: 'facebook', platformPayload: { groupId: publicGroup } });
		expect(await settled(posted.body.id)).toMatchObject({ status: 'succeeded', postUrl: expect.stringContaining(`/groups/${publicGroup}/posts/`) });

		const privateGroup = '6677889900112233';
		const request = await post('/v1/facebook/groups/join', { groupId: privateGroup });
		expect((await settled(request.body.id)).details.buttonState).toBe('requested');
		const search = await post('/v1/groups/search', { query: 'LLM research' });
		expect((await settled(search.body.jobId)).details.groupSearch.results[0]).toMatchObject({ platformId: privateGroup, joinStatus: 'requested' });
	});

	test('groupId must be the numeric id', async () => {
		for (const body of [{}, { groupId: 'clawpost-testers' }, { groupId: 'https://www.facebook.com/groups/123' }, { groupId: -4 }]) {
			expectError(await post('/v1/facebook/groups/join', body), 400, 'INVALID_REQUEST');
			expectError(await post('/v1/facebook/groups/status', body), 400, 'INVALID_REQUEST');
		}
	});
});

describe('challenge_required', () => {
	test('a captcha or checkpoint in the browser fails jobs of that platform with challenge_required and its remedy', async () => {
		const view = await extension({ browser: { challenge: ['facebook'] } });
		expect(view.browser).toEqual({ loggedOut: [], noTab: [], challenge: ['facebook'] });
		const join = await post('/v1/facebook/groups/join', { groupId: '4455667788990011' });
		const failed = await settled(join.body.id);
		expect(failed).toMatchObject({ status: 'failed', errorCode: 'challenge_required', error: expect.stringMatching(/security check.*retry/i), details: { buttonState: 'not_member' } });
		const x = await post('/v1/jobs/tweet', { text: 'still fine on X' });
		expect((await settled(x.body.id)).status).toBe('succeeded');
		// After the user solved it, a retry works.
		await extension({ browser: { challenge: [] } });
		const retry = await post('/v1/facebook/groups/join', { groupId: '4455667788990011' });
		expect((await settled(retry.body.id)).status).toBe('succeeded');
	});

	test('a test can queue it as an outcome, and the extension can report it', async () => {
		await extension({ next: [{ status: 'failed', errorCode: 'challenge_required' }] });
		const r = await post('/v1/jobs/tweet', { text: 'captcha' });
		expect(await settled(r.body.id)).toMatchObject({ status: 'failed', errorCode: 'challenge_required' });
	});
});
