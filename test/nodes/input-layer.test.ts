/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only: errors are inspected the way a log line would print them */
/**
 * The shared input layer and request guard through real n8n-core, on the cases issue 10 found:
 * values arriving through expressions, ids of the wrong shape, numbers out of range, secrets in
 * network-error causes and in answers that echo the key, advice after a lost answer to a write.
 */
import { inspect } from 'node:util';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ClawNet } from '../../nodes/ClawNet/ClawNet.node';
import { runNode, runPoll } from '../harness/n8n';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const rl = (value: string) => ({ __rl: true as const, mode: 'id', value });
/** A credential value of no known shape (no clwnt_ / clt_ / claw_ prefix). */
const ODD_KEY = ['plain', 'looking', 'value', '4711'].join('-');

function clawnet(parameters: INodeParameters, options: { token?: string; continueOnFail?: boolean; timeout?: number } = {}) {
	return runNode({
		type: 'clawNet',
		parameters,
		credentials: { clawNetApi: { token: options.token ?? seededKey(t.current, 'clawnet', 'n8n_agent'), baseUrl: t.current.info.networks.clawnet.baseUrl } },
		continueOnFail: options.continueOnFail,
	});
}

/** Every form an error or output can be read in: none may hold the key or an auth header. */
function expectNoSecret(secret: string, error: unknown, items: INodeExecutionData[] = []) {
	const forms = [
		JSON.stringify(error) ?? '',
		JSON.stringify((error as { cause?: unknown } | undefined)?.cause) ?? '',
		inspect(error, { depth: Infinity }),
		JSON.stringify(items),
		inspect(items, { depth: Infinity }),
	];
	for (const form of forms) {
		expect(form).not.toContain(secret);
		expect(form).not.toMatch(/authorization["']?\s*[:=]\s*["']?bearer\s+(?!\*\*\*)\w/i);
		expect(form).not.toMatch(/clawpost-api-key["']?\s*[:=]\s*["']?(?!\*\*\*)\w/i);
	}
}

function expectRefused(result: { error?: Error; items: INodeExecutionData[] }, field: string) {
	expect(result.error?.message).toContain(field);
	expect(result.error?.message).toMatch(/Refused by the node before sending: nothing was sent/);
	expect(result.error?.message).not.toMatch(/answered HTTP/);
}

describe('refused before sending', () => {
	test('Post → Reply with {{ null }} as the target does not become a top-level post', async () => {
		const result = await clawnet({ resource: 'post', operation: 'reply', parentPostId: rl('={{ null }}'), content: 'hello' });
		expectRefused(result, 'Reply To (parentPostId) is null');
		expect(await t.current.requests({ network: 'clawnet' })).toHaveLength(0);
	});

	test.each([['".."', '..'], ['"."', '.'], ['" "', ' '], ['"%2e%2e"', '%2e%2e'], ['"a/b"', 'a/b'], ['"?x=1"', '?x=1'], ['"#"', '#'], ['100,000 × "x"', 'x'.repeat(100000)]])('Agent → Get Followers with %s is refused, not sent to another route', async (_label: string, value: string) => {
		const result = await clawnet({ resource: 'agent', operation: 'getFollowers', agentId: rl(`={{ ${JSON.stringify(value)} }}`), returnAll: false, limit: 10 });
		expectRefused(result, 'Agent (agentId)');
		expect(result.error?.message).toMatch(/\(\d+ characters?\)|is required/);
		expect(await t.current.requests({ network: 'clawnet' })).toHaveLength(0);
	});

	test('a 100,000-character post id is refused with its length, not answered 431', async () => {
		const result = await clawnet({ resource: 'reaction', operation: 'add', postId: rl(`={{ "post_" + "x".repeat(99995) }}`) });
		expectRefused(result, 'Post (postId) is not a ClawNet post ID');
		expect(result.error?.message).toContain('(100000 characters)');
	});

	test.each([0, -1, 1e12, 1.5, '={{ NaN }}', '={{ null }}', '={{ "10" }}'])('Limit %p is refused before sending', async (limit) => {
		const result = await clawnet({ resource: 'post', operation: 'getMany', returnAll: false, limit });
		expectRefused(result, 'Limit (limit)');
		expect(await t.current.requests({ network: 'clawnet' })).toHaveLength(0);
	});

	test('objects, lists and numbers through expressions are refused by type', async () => {
		for (const [content, what] of [['={{ { a: 1 } }}', 'an object'], ['={{ [1, 2] }}', 'a list of 2 entries'], ['={{ 42 }}', 'the number 42']]) {
			const result = await clawnet({ resource: 'post', operation: 'create', content });
			expectRefused(result, `Content (content) must be text; it is ${what}`);
		}
	});

	test('Mentions are agent IDs: a dot segment or a slash among them is refused', async () => {
		const result = await clawnet({ resource: 'post', operation: 'create', content: 'hi', options: { mentions: 'Tom, ../me' } });
		expectRefused(result, 'Mentions (options.mentions) holds an entry that is not a ClawNet agent ID');
		expect(await t.current.requests({ network: 'clawnet' })).toHaveLength(0);
	});

	test('Topic → Subscribe with {{ null }} does not subscribe to "null"', async () => {
		const result = await runNode({
			type: 'clawtter',
			parameters: { resource: 'topic', operation: 'subscribe', topic: '={{ null }}' },
			credentials: { clawtterApi: { apiKey: seededKey(t.current, 'clawtter', 'n8n-agent'), baseUrl: t.current.info.networks.clawtter.baseUrl } },
		});
		expectRefused(result, 'Topic (topic) is null');
		expect(await t.current.requests({ network: 'clawtter' })).toHaveLength(0);
	});

	test('the editor\'s pattern message names the field', () => {
		const agent = new ClawNet().description.properties.find((p) => p.name === 'agentId' && p.type === 'resourceLocator')!;
		const idMode = agent.modes!.find((m) => m.name === 'id')!;
		expect(idMode.validation?.[0]).toMatchObject({ properties: { errorMessage: expect.stringMatching(/^Agent must be a ClawNet agent ID/) } });
	});
});

describe('Claw Post Media → Upload', () => {
	const clawpost = (parameters: INodeParameters, input?: INodeExecutionData[]) =>
		runNode({
			type: 'clawPost',
			parameters,
			input,
			credentials: { clawPostApi: { apiKey: seededKey(t.current, 'clawpost', 'paired'), baseUrl: t.current.info.networks.clawpost.baseUrl } },
		});
	const gif: INodeExecutionData = { json: {}, binary: { data: { data: Buffer.from('GIF89a;').toString('base64'), mimeType: 'image/gif', fileName: 'a.gif' } } };

	test('a Binary Properties value that is not text is refused, not a crash', async () => {
		const result = await clawpost({ resource: 'media', operation: 'upload', binaryProperties: '={{ 5 }}' }, [gif]);
		expectRefused(result, 'Binary Properties (binaryProperties) must be text');
		expect(result.error?.message).not.toMatch(/is not a function/);
	});

	test('a malformed multipart answer is a malformed-JSON error that says the upload may have gone through', async () => {
		await t.current.fault({ network: 'clawpost', path: '/v1/media/upload', kind: 'malformed' });
		const { error } = await clawpost({ resource: 'media', operation: 'upload', binaryProperties: 'data' }, [gif]);
		expect(error?.message).toMatch(/^Claw Post answered HTTP 20\d with malformed JSON: /);
		expect(error?.description).toMatch(/may have carried it out/);
		expect(error?.description).not.toMatch(/nothing was changed/i);
	});
});

describe('secrets by value, and honest advice after a lost answer', () => {
	test('a dropped connection on Message → Send: no request config in the cause, and the DM may have been sent', async () => {
		await t.current.fault({ network: 'clawnet', path: '/send', kind: 'reset' });
		const token = seededKey(t.current, 'clawnet', 'n8n_agent');
		for (const continueOnFail of [false, true]) {
			const { error, items } = await clawnet({ resource: 'message', operation: 'send', to: rl('Sam'), message: 'hi' }, { continueOnFail });
			const failure = (error ?? items[0]?.error) as Error & { description?: string; cause?: Record<string, unknown> };
			expect(failure).toBeDefined();
			expect(failure.cause?.config).toBeUndefined();
			expect(failure.description).toMatch(/may have carried it out/);
			expect(failure.description).toMatch(/Conversation → Get History/);
			expect(failure.description).not.toMatch(/nothing was changed/i);
			expectNoSecret(token, error, items);
		}
	});

	test('a key of no known shape that the server echoes is masked in the error and in the output', async () => {
		await t.current.fault({ network: 'clawnet', path: '/me', kind: 'status', status: 401, body: { ok: false, error: 'unauthorized', message: `Token ${ODD_KEY} is not valid` } });
		const failed = await clawnet({ resource: 'profile', operation: 'get' }, { token: ODD_KEY });
		expect(failed.error?.message).toContain('Token *** is not valid');
		expectNoSecret(ODD_KEY, failed.error);

		await t.current.control('DELETE', 'faults');
		await t.current.fault({ network: 'clawnet', path: '/me', kind: 'status', status: 200, body: { ok: true, agent: { bio: `my key is ${ODD_KEY}` } } });
		const echoed = await clawnet({ resource: 'profile', operation: 'get' }, { token: ODD_KEY });
		expect(echoed.error).toBeUndefined();
		expectNoSecret(ODD_KEY, undefined, echoed.items);
	});

	test('a malformed answer to a write says it may have gone through; to a read, that retrying is safe', async () => {
		await t.current.fault({ network: 'clawnet', path: '/send', kind: 'malformed' });
		const write = await clawnet({ resource: 'message', operation: 'send', to: rl('Sam'), message: 'hi' });
		expect(write.error?.description).toMatch(/^The answer was cut off or is not JSON\. This was a write \(POST\): ClawNet may have carried it out/);
		expect(await t.current.requests({ network: 'clawnet', path: '/send' })).toHaveLength(1);

		await t.current.fault({ network: 'clawnet', path: '/me', kind: 'malformed' });
		const read = await clawnet({ resource: 'profile', operation: 'get' });
		expect(read.error?.description).toMatch(/This was a read: nothing was changed, and retrying is safe\./);
	});

	test('Claw Post → Create, waiting: a dropped poll after the job was created is advice for the write, given once', async () => {
		await t.current.fault({ network: 'clawpost', method: 'GET', path: '/v1/jobs/*', kind: 'reset' });
		const { error } = await runNode({
			type: 'clawPost',
			parameters: { resource: 'post', operation: 'create', platforms: ['x'], text: 'Lost answer', options: { waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 5 } },
			credentials: { clawPostApi: { apiKey: seededKey(t.current, 'clawpost', 'paired'), baseUrl: t.current.info.networks.clawpost.baseUrl } },
		});
		expect(error?.description).toMatch(/This was a write \(POST\): Claw Post may have carried it out/);
		expect(error?.description).not.toMatch(/This was a read/);
		expect(error?.description?.match(/may have carried it out/g)).toHaveLength(1);
		expectNoSecret(seededKey(t.current, 'clawpost', 'paired'), error);
	});

	test('a trigger poll whose connection drops carries no key (requests outside routing use the same guard)', async () => {
		await t.current.fault({ network: 'clawnet', path: '*', kind: 'reset' });
		const { error } = await runPoll({
			type: 'clawNetTrigger',
			parameters: { event: 'directMessage' },
			credentials: { clawNetApi: { token: ODD_KEY, baseUrl: t.current.info.networks.clawnet.baseUrl } },
		});
		expect(error).toBeDefined();
		expectNoSecret(ODD_KEY, error);
	});
});
