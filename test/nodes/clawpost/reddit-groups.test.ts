/**
 * Claw Post node — Reddit → Comment and Facebook Group → Search / Join / Get Status through real
 * n8n-core against the sandbox's job service and simulated extension: the documented requests,
 * waiting for the job with Post → Create's wait code, the outputs (comment permalink, one item per
 * group, buttonState), challenge_required with its remedy, and the checks made before sending.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../harness/n8n';
import { seededKey, useSandbox } from '../../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawpost.baseUrl;
const creds = (who = 'paired') => ({ clawPostApi: { apiKey: seededKey(t.current, 'clawpost', who), baseUrl: base() } });
const run = (resource: string, operation: string, parameters: INodeParameters, options: { continueOnFail?: boolean } = {}) =>
	runNode({ type: 'clawPost', parameters: { resource, operation, ...parameters }, credentials: creds(), continueOnFail: options.continueOnFail });
const sent = (method = 'POST', path?: string) => t.current.requests({ network: 'clawpost', method, ...(path ? { path } : {}) });
const fastExtension = (extra: IDataObject = {}) => t.current.control('POST', 'clawpost/extension', { pickupMs: 0, delayMs: 100, ...extra });
const WAIT = { checkEverySeconds: 1, maxWaitSeconds: 20 };
const TARGET = 'https://www.reddit.com/r/n8n/comments/1abcde/how_do_you_crosspost/';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Reddit → Comment', () => {
	test('POST /v1/reddit/comment {text, targetUrl, idempotencyKey}; the queued job as output', async () => {
		const { items, error } = await run('reddit', 'comment', { targetUrl: ` ${TARGET}`, text: 'We use n8n + Claw Post.' });
		expect(error).toBeUndefined();
		const [request] = await sent('POST', '/v1/reddit/comment');
		expect(request.body).toEqual({ targetUrl: TARGET, text: 'We use n8n + Claw Post.', idempotencyKey: expect.stringMatching(/^n8n:.*:reddit$/) });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ type: 'reddit_comment', platform: 'reddit', status: 'queued', targetUrl: TARGET });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Wait for Result: polls the job and outputs the comment\'s permalink', async () => {
		await fastExtension();
		const { items, error } = await run('reddit', 'comment', { targetUrl: TARGET, text: 'Agreed', options: { waitForResult: true, ...WAIT } });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'succeeded', postUrl: expect.stringMatching(/^https:\/\/www\.reddit\.com\/r\/n8n\/comments\/1abcde\/how_do_you_crosspost\/[0-9a-z]+\/$/) });
		const gets = await sent('GET');
		expect(gets.length).toBeGreaterThan(0);
		expect(gets.every((r) => /^\/v1\/jobs\/[0-9a-f-]{36}$/.test(r.path))).toBe(true);
	});

	test('the same Idempotency Key returns the same job instead of commenting twice', async () => {
		const first = await run('reddit', 'comment', { targetUrl: TARGET, text: 'once', options: { idempotencyKey: 'c-1' } });
		const again = await run('reddit', 'comment', { targetUrl: TARGET, text: 'once', options: { idempotencyKey: 'c-1' } });
		expect(again.items[0].json.id).toBe(first.items[0].json.id);
	});

	test.each([
		['not Reddit', 'https://x.com/a/status/1'],
		['a subreddit, not a post', 'https://www.reddit.com/r/n8n/'],
		['not https', 'http://www.reddit.com/r/n8n/comments/1abcde/'],
	])('a target that is %s is refused before sending, naming the field', async (_what, targetUrl) => {
		const { error } = await run('reddit', 'comment', { targetUrl, text: 'hi' });
		expect(error?.message).toMatch(/^Target URL \(targetUrl\) must be a Reddit post or comment permalink/);
		expect(await sent()).toEqual([]);
	});

	test('text over 10,000 characters is refused before sending', async () => {
		const { error } = await run('reddit', 'comment', { targetUrl: TARGET, text: 'x'.repeat(10001) });
		expect(error?.message).toMatch(/^Text \(text\) is too long: 10001 characters/);
		expect(await sent()).toEqual([]);
	});
});

describe('Facebook Group → Search', () => {
	test('POST /v1/groups/search {platform, query, limit, filters}; waits; one item per group, best first, with the job id', async () => {
		await fastExtension();
		const { items, error } = await run('facebookGroup', 'search', { query: 'AI agent', limit: 5, filters: { minMembers: 1000, privacy: 'any' }, options: WAIT });
		expect(error).toBeUndefined();
		const [request] = await sent('POST', '/v1/groups/search');
		expect(request.body).toEqual({ platform: 'facebook', query: 'AI agent', limit: 5, filters: { minMembers: 1000, privacy: 'any' } });
		expect(items.length).toBeGreaterThan(1);
		expect(items[0].json).toMatchObject({ name: 'AI Agent Builders', platformId: '4455667788990011', joinStatus: 'not_member', jobId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		const scores = items.map((i) => i.json.score as number);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
		expect(items.every((i) => (i.json as IDataObject & { pairedItem?: unknown }) && i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('without waiting: the queued job (id and jobId), to check later with Job → Get', async () => {
		const { items } = await run('facebookGroup', 'search', { query: 'ai', waitForResult: false });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ jobId: items[0].json.id, status: 'queued' });
		expect(await sent('GET')).toEqual([]);
		const job = await run('job', 'get', { jobId: String(items[0].json.id) });
		expect(job.items[0].json).toMatchObject({ type: 'group_search' });
	});

	test('query over 200 characters and a limit over 50 are refused before sending', async () => {
		const long = await run('facebookGroup', 'search', { query: 'x'.repeat(201) });
		expect(long.error?.message).toMatch(/^Query \(query\) is too long: 201 characters; the limit is 200/);
		const many = await run('facebookGroup', 'search', { query: 'ai', limit: 51 });
		expect(many.error?.message).toMatch(/^Limit \(limit\) is 51; the maximum is 50/);
		expect(await sent()).toEqual([]);
	});
});

describe('Facebook Group → Join / Get Status', () => {
	test('Get Status: POST /v1/facebook/groups/status {groupId}; waits; buttonState at the top', async () => {
		await fastExtension();
		for (const [groupId, state] of [['1577315533418837', 'joined'], ['2233445566778899', 'requested'], ['9988776655443322', 'not_member']]) {
			const { items, error } = await run('facebookGroup', 'getStatus', { groupId: byId(groupId), options: WAIT });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ status: 'succeeded', type: 'group_status', buttonState: state, details: { buttonState: state, groupId } });
		}
		expect((await sent('POST', '/v1/facebook/groups/status')).map((r) => r.body)).toEqual([{ groupId: '1577315533418837' }, { groupId: '2233445566778899' }, { groupId: '9988776655443322' }]);
	});

	test('Join by group URL: a public group → joined, and posting there works', async () => {
		await fastExtension();
		const { items, error } = await run('facebookGroup', 'join', { groupId: { __rl: true, mode: 'url', value: 'https://www.facebook.com/groups/4455667788990011/' }, options: WAIT });
		expect(error).toBeUndefined();
		expect((await sent('POST', '/v1/facebook/groups/join'))[0].body).toEqual({ groupId: '4455667788990011' });
		expect(items[0].json).toMatchObject({ status: 'succeeded', buttonState: 'joined' });
		const posted = await runNode({ type: 'clawPost', parameters: { resource: 'post', operation: 'create', platforms: ['facebook'], text: 'hi group', options: { facebookGroup: '4455667788990011', waitForResult: true, ...WAIT } }, credentials: creds() });
		expect(posted.items[0].json.postUrl).toContain('/groups/4455667788990011/posts/');
	});

	test('challenge_required: the error carries the errorCode, Claw Post\'s words and the remedy; Continue On Fail pairs it', async () => {
		await fastExtension({ browser: { challenge: ['facebook'] } });
		const { error } = await run('facebookGroup', 'join', { groupId: byId('4455667788990011'), options: WAIT });
		expect(error?.message).toMatch(/^Claw Post job [0-9a-f-]+ on facebook failed: .*security check/i);
		expect(error?.description).toMatch(/^errorCode challenge_required\. .*solve it there, then retry/);
		expect(error?.description).toMatch(/Group button state: not_member/);
		const itemised = await run('facebookGroup', 'join', { groupId: byId('4455667788990011'), options: WAIT }, { continueOnFail: true });
		expect(itemised.items[0].json.error).toMatch(/failed/);
	});

	test('a group that is not a numeric ID is refused before sending', async () => {
		const { error } = await run('facebookGroup', 'join', { groupId: byId('={{ "clawpost-testers" }}') });
		expect(error?.message).toMatch(/^Group \(groupId\) (is not a Facebook group ID|must be a Facebook group ID)/);
		expect(await sent()).toEqual([]);
	});
});
