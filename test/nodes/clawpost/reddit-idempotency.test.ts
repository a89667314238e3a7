/**
 * Reddit → Comment's automatic idempotency key through real n8n-core against the sandbox: it is
 * made the way Post → Create makes its own (where it runs and what is posted), so two different
 * comments in one run (an AI Agent calls a tool as item 0 of the same execution every time) are
 * two jobs, the same comment again is the same job, and a failed job is never the answer to a retry.
 *
 * The harness runs every execution as `test-execution` of `test-workflow`, node
 * `node-under-test`: exactly the collision a second tool call meets.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../harness/n8n';
import { seededKey, useSandbox } from '../../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawpost.baseUrl;
const creds = () => ({ clawPostApi: { apiKey: seededKey(t.current, 'clawpost', 'paired'), baseUrl: base() } });
const TARGET = 'https://www.reddit.com/r/n8n/comments/1abcde/how_do_you_crosspost/';
const OTHER = 'https://www.reddit.com/r/n8n/comments/2fghij/another_thread/';
const WAIT = { waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 20 };

const comment = (parameters: INodeParameters) =>
	runNode({ type: 'clawPost', parameters: { resource: 'reddit', operation: 'comment', targetUrl: TARGET, ...parameters }, credentials: creds() });
const commentRequests = async () => t.current.requests({ network: 'clawpost', method: 'POST', path: '/v1/reddit/comment' });
const sentKeys = async () => (await commentRequests()).map((r) => String((r.body as IDataObject).idempotencyKey));

beforeEach(async () => {
	await t.current.control('POST', 'clawpost/extension', { pickupMs: 0, delayMs: 100 });
});

test('two different comments in one run (same execution, node and item) are two jobs', async () => {
	const first = await comment({ text: 'First comment of the run' });
	const second = await comment({ text: 'Second, different comment' });
	expect(first.error).toBeUndefined();
	expect(second.error).toBeUndefined();
	expect(second.items[0].json.id).not.toBe(first.items[0].json.id);
	const keys = await sentKeys();
	expect(keys).toHaveLength(2);
	expect(keys[0]).not.toBe(keys[1]);
	for (const key of keys) expect(key).toMatch(/^n8n:.+:reddit$/);
	expect((await commentRequests()).map((r) => r.status)).toEqual([201, 201]);
});

test('the same words under another post are another comment; the same comment again is the same job', async () => {
	const first = await comment({ text: 'Same words' });
	const elsewhere = await comment({ text: 'Same words', targetUrl: OTHER });
	const again = await comment({ text: 'Same words' });
	expect(elsewhere.items[0].json.id).not.toBe(first.items[0].json.id);
	expect(again.items[0].json.id).toBe(first.items[0].json.id);
	const keys = await sentKeys();
	expect(keys[2]).toBe(keys[0]);
	expect(keys[1]).not.toBe(keys[0]);
	expect((await commentRequests()).map((r) => r.status)).toEqual([201, 201, 200]);
});

test('a failed comment is not replayed: the retry after fixing the cause comments, and retrying that returns its job', async () => {
	await t.current.control('POST', 'clawpost/extension', { browser: { loggedOut: ['reddit'] } });
	const failed = await comment({ text: 'Log in first', options: WAIT });
	expect(failed.error?.description).toMatch(/^errorCode not_logged_in\./);

	await t.current.control('POST', 'clawpost/extension', { browser: { loggedOut: [] } });
	const fixed = await comment({ text: 'Log in first', options: WAIT });
	expect(fixed.error).toBeUndefined();
	expect(fixed.items[0].json).toMatchObject({ status: 'succeeded' });

	const again = await comment({ text: 'Log in first', options: WAIT });
	expect(again.items[0].json.id).toBe(fixed.items[0].json.id);

	const [key, ...rest] = await sentKeys();
	expect(rest).toEqual([key, `${key}:r1`, key, `${key}:r1`]);
});

test('a custom key stays the user\'s and still never replays a failed comment', async () => {
	await t.current.control('POST', 'clawpost/extension', { browser: { loggedOut: ['reddit'] } });
	await comment({ text: 'Keyed', options: { ...WAIT, idempotencyKey: 'thread-7' } });
	await t.current.control('POST', 'clawpost/extension', { browser: { loggedOut: [] } });
	const fixed = await comment({ text: 'Keyed', options: { ...WAIT, idempotencyKey: 'thread-7' } });
	expect(fixed.error).toBeUndefined();
	expect(await sentKeys()).toEqual(['thread-7', 'thread-7', 'thread-7:r1']);
});
