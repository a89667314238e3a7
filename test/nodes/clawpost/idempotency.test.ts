/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code (test harness): reaches into n8n-core's container, never ships in dist/ */
/**
 * Claw Post's automatic idempotency key through real n8n-core against the sandbox (issue 14,
 * item 4): what a key is made of decides whether a call is a new post or a retry of one.
 *
 * - Different posts in one run (an AI Agent calls the tool as item 0 of the same execution every
 *   time) are different jobs; the same post again is the same job.
 * - A job that failed is never the answer to a retry: after the user fixed the cause, the retry
 *   posts (the key's next generation), and retrying that returns its job.
 * - Two n8n instances (a fresh database counts executions from 1 again) never share a key.
 *
 * The harness runs every execution as `test-execution` of `test-workflow`, node
 * `node-under-test`: exactly the collision a second instance or a second tool call meets.
 */
import { InstanceSettings } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../harness/n8n';
import { seededKey, useSandbox } from '../../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawpost.baseUrl;
const creds = () => ({ clawPostApi: { apiKey: seededKey(t.current, 'clawpost', 'paired'), baseUrl: base() } });

function post(parameters: INodeParameters) {
	return runNode({ type: 'clawPost', parameters: { resource: 'post', operation: 'create', ...parameters }, credentials: creds() });
}

const jobRequests = async () => t.current.requests({ network: 'clawpost', method: 'POST', path: '/v1/jobs/tweet' });
const sentKeys = async () => (await jobRequests()).map((r) => String((r.body as IDataObject).idempotencyKey));
const jobsIn = async () => (await t.current.control<{ jobs: IDataObject[] }>('GET', 'clawpost/jobs')).jobs;
const WAIT = { waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 20 };

// n8n-core's own copy of the DI container (it nests its @n8n/di): the one its contexts read.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as typeof import('@n8n/di');
const settings = Container.get(InstanceSettings) as unknown as { instanceId: string };
const originalInstance = settings.instanceId;
afterEach(() => {
	settings.instanceId = originalInstance;
});

beforeEach(async () => {
	await t.current.control('POST', 'clawpost/extension', { pickupMs: 0, delayMs: 100 });
});

test('two different posts in one run (same execution, node and item) are two jobs, not a 409', async () => {
	const first = await post({ platforms: ['x'], text: 'First post of the run' });
	const second = await post({ platforms: ['x'], text: 'Second, different post' });
	expect(first.error).toBeUndefined();
	expect(second.error).toBeUndefined();
	expect(second.items[0].json.id).not.toBe(first.items[0].json.id);
	const keys = await sentKeys();
	expect(keys).toHaveLength(2);
	expect(keys[0]).not.toBe(keys[1]);
	expect((await jobRequests()).map((r) => r.status)).toEqual([201, 201]);
	expect((await jobsIn()).map((j) => j.text).sort()).toEqual(['First post of the run', 'Second, different post']);
});

test('the same post again (a true retry) is the same job and the same key', async () => {
	const first = await post({ platforms: ['x', 'linkedin'], text: 'Retry me' });
	const again = await post({ platforms: ['x', 'linkedin'], text: 'Retry me' });
	expect(again.items.map((i) => i.json.id)).toEqual(first.items.map((i) => i.json.id));
	const keys = await sentKeys();
	expect(keys.slice(2)).toEqual(keys.slice(0, 2));
	expect(keys[0]).toMatch(/^n8n:.+:x$/);
	expect(keys[1]).toMatch(/^n8n:.+:linkedin$/);
	expect((await jobRequests()).map((r) => r.status)).toEqual([201, 201, 200, 200]);
	expect(await jobsIn()).toHaveLength(2);
});

test('what is posted is in the key: other media, another Facebook target, another platform', async () => {
	await post({ platforms: ['x'], text: 'Same words' });
	await post({ platforms: ['x'], text: 'Same words', options: { mediaUrls: 'https://example.com/a.png' } });
	await post({ platforms: ['facebook'], text: 'Same words' });
	const groupId = (t.current.info.networks.clawpost.facebookGroups as Record<string, string>).joined;
	await post({ platforms: ['facebook'], text: 'Same words', options: { facebookGroup: groupId } });
	const keys = await sentKeys();
	expect(new Set(keys).size).toBe(4);
	expect(await jobsIn()).toHaveLength(4);
});

test('a failed job is not replayed: the retry after fixing the cause posts, and retrying that returns its job', async () => {
	await t.current.control('POST', 'clawpost/extension', { browser: { loggedOut: ['x'] } });
	const failed = await post({ platforms: ['x'], text: 'Log in first', options: WAIT });
	expect(failed.error?.description).toMatch(/^errorCode not_logged_in\./);

	// The user logs in to x.com and retries: the same post, the same execution.
	await t.current.control('POST', 'clawpost/extension', { browser: { loggedOut: [] } });
	const fixed = await post({ platforms: ['x'], text: 'Log in first', options: WAIT });
	expect(fixed.error).toBeUndefined();
	expect(fixed.items[0].json).toMatchObject({ status: 'succeeded', postUrl: expect.stringMatching(/^https:\/\/x\.com\//) });

	// And a retry of the success is that success, not a third post.
	const again = await post({ platforms: ['x'], text: 'Log in first', options: WAIT });
	expect(again.items[0].json.id).toBe(fixed.items[0].json.id);

	const [key, ...rest] = await sentKeys();
	expect(rest).toEqual([key, `${key}:r1`, key, `${key}:r1`]);
	const jobs = await jobsIn();
	expect(jobs.map((j) => j.status).sort()).toEqual(['failed', 'succeeded']);
});

test('a second n8n instance (its executions counted from 1 again) never gets the first one\'s jobs', async () => {
	settings.instanceId = 'a'.repeat(64);
	const first = await post({ platforms: ['x'], text: 'Crosspost' });
	settings.instanceId = 'b'.repeat(64);
	const second = await post({ platforms: ['x'], text: 'Crosspost' });
	expect(second.items[0].json.id).not.toBe(first.items[0].json.id);
	const keys = await sentKeys();
	expect(keys[0]).not.toBe(keys[1]);
	expect((await jobRequests()).map((r) => r.status)).toEqual([201, 201]);
	for (const k of keys) expect(k.length).toBeLessThanOrEqual(255);
});

test('a custom key stays the user\'s (platform appended) and still never replays a failed job', async () => {
	await t.current.control('POST', 'clawpost/extension', { browser: { loggedOut: ['linkedin'] } });
	await post({ platforms: ['linkedin'], text: 'Keyed', options: { ...WAIT, idempotencyKey: 'campaign-7' } });
	await t.current.control('POST', 'clawpost/extension', { browser: { loggedOut: [] } });
	const fixed = await post({ platforms: ['linkedin'], text: 'Keyed', options: { ...WAIT, idempotencyKey: 'campaign-7' } });
	expect(fixed.error).toBeUndefined();
	expect(await sentKeys()).toEqual(['campaign-7:linkedin', 'campaign-7:linkedin', 'campaign-7:linkedin:r1']);
});

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64',
);

test('a true retry with binary media (uploaded again, so under a new URL) is the same job, not a 409', async () => {
	const input = [{ json: {}, binary: { data: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'dot.png' } } }];
	const run = () =>
		runNode({ type: 'clawPost', parameters: { resource: 'post', operation: 'create', platforms: ['x'], text: 'With a picture', options: { mediaBinaries: 'data' } }, credentials: creds(), input });
	const first = await run();
	const again = await run();
	expect(first.error).toBeUndefined();
	expect(again.error).toBeUndefined();
	expect(again.items[0].json.id).toBe(first.items[0].json.id);
	expect(await t.current.requests({ network: 'clawpost', path: '/v1/media/upload' })).toHaveLength(2);
	expect(await jobsIn()).toHaveLength(1);
});
