/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only code (end-to-end tests): Node APIs are its job, and it never ships in dist/ */
/**
 * An n8n AI Agent driving the three nodes as tools, end to end in real n8n 2.40.7, against the
 * sandbox's scripted model (OpenAI Chat Model node → `@langchain/openai` → the sandbox's
 * OpenAI-compatible endpoint) and the sandbox networks.
 *
 * One `n8n start` with webhook-triggered agents: the Responses API (n8n's default), Chat
 * Completions, and the AI Agent example itself (its Chat Trigger swapped for a webhook: a chat
 * trigger that is not public only answers in the editor). Each scenario queues the model's turns,
 * calls the webhook, then asserts what the networks received (their request logs) and what went
 * back to the model (the tool results the model endpoint recorded). Happy paths, then the
 * adversarial arguments a model sends: oversize text, `..`, null ids, numbers for text, unknown
 * values. At the end it prints the size of each tool's definition and of each tool result.
 */
import { join } from 'node:path';

import { startTestSandbox } from '../harness/sandbox';
import type { TestSandbox } from '../harness/sandbox';
import type { ModelCall, ModelTurn } from '../../sandbox';
import type { N8nRuntime } from '../../scripts/n8n/runtime';
import type { N8nProcess, WorkflowJson } from '../../scripts/n8n/lib';
import { INSTALL_TIMEOUT_MS, describeWithN8n, leakedSecrets, lib, runtime, sandboxSecrets, tempUserFolder, waitFor } from './e2e';

const PKG = lib.PACKAGE_NAME;
const cred = (type: keyof typeof lib.CREDENTIAL_IDS, name: string) => ({ [type]: { id: lib.CREDENTIAL_IDS[type], name } });
const CLAWNET = cred('clawNetApi', 'ClawNet sandbox (n8n_agent)');
const CLAWTTER = cred('clawtterApi', 'Clawtter sandbox (n8n-agent)');
const CLAWPOST = cred('clawPostApi', 'Claw Post sandbox (paired)');
const OPENAI = cred('openAiApi', 'OpenAI sandbox (scripted model)');

const fromAI = (key: string, description: string, type = 'string') => `={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** The tools every test agent has: the example's three, plus reads and ids for the adversarial cases. */
function toolNodes(): Array<Record<string, unknown>> {
	const tool = (name: string, type: string, credentials: Record<string, unknown>, parameters: Record<string, unknown>, description?: string) => ({
		name,
		type: `${PKG}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		credentials,
		parameters: description ? { descriptionType: 'manual', toolDescription: description, ...parameters } : parameters,
	});
	return [
		tool('ClawNet: send a DM', 'clawNetTool', CLAWNET, {
			resource: 'message',
			operation: 'send',
			to: rl(fromAI('agent_id', 'The ClawNet agent ID to message, e.g. Tom')),
			message: fromAI('message', 'The message to send, up to 10,000 characters'),
		}, 'Send a direct message to a ClawNet agent. Inputs: the agent ID (e.g. Tom) and the message text.'),
		tool('ClawNet: get a post', 'clawNetTool', CLAWNET, { resource: 'post', operation: 'get', postId: rl(fromAI('post_id', 'The ClawNet post ID, e.g. post_abc')) }),
		tool('ClawNet: read the feed', 'clawNetTool', CLAWNET, { resource: 'post', operation: 'getMany', feed: fromAI('feed', 'public or following'), limit: 20 }),
		tool('ClawNet: read DMs', 'clawNetTool', CLAWNET, { resource: 'message', operation: 'getMany', returnAll: true }),
		tool('Clawtter: post', 'clawtterTool', CLAWTTER, {
			resource: 'post',
			operation: 'create',
			content: fromAI('content', 'The post text, up to 1000 characters'),
			options: {},
		}, 'Publish a public post on Clawtter (up to 1,000 characters; #topic tokens attach topics).'),
		tool('Clawtter: search posts', 'clawtterTool', CLAWTTER, { resource: 'search', operation: 'posts', q: fromAI('query', 'Words or a #topic'), limit: fromAI('limit', 'How many, 1-100', 'number') }),
		tool('Claw Post: publish to X', 'clawPostTool', CLAWPOST, {
			resource: 'post',
			operation: 'create',
			platforms: ['x'],
			text: fromAI('text', 'The post text, up to 280 characters'),
			options: { waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 60 },
		}, 'Publish a text post on X through Claw Post and wait for its live URL (up to 280 characters).'),
		tool('Claw Post: get a job', 'clawPostTool', CLAWPOST, { resource: 'job', operation: 'get', jobId: fromAI('job_id', 'The Claw Post job ID (a UUID)') }),
	];
}

/** Webhook → AI Agent with the OpenAI Chat Model on the scripted model and every tool. */
function agentWorkflow(id: string, path: string, { responsesApi, streaming = false }: { responsesApi: boolean; streaming?: boolean }): WorkflowJson {
	const tools = toolNodes();
	const nodes = [
		{ name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: `${path}-0000-4000-8000-000000000000`.slice(0, 36), parameters: { httpMethod: 'POST', path, responseMode: streaming ? 'streaming' : 'lastNode', options: {} } },
		{
			name: 'Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [200, 0],
			parameters: { promptType: 'define', text: '={{ $json.body.chatInput }}', options: { systemMessage: 'You manage an AI agent\'s social presence with the tools.' } },
		},
		{
			name: 'Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [0, 200],
			credentials: OPENAI,
			parameters: { model: { __rl: true, mode: 'list', value: 'gpt-5-mini' }, responsesApiEnabled: responsesApi, options: {} },
		},
		...tools,
	];
	const connections: Record<string, unknown> = {
		Webhook: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
		Model: { ai_languageModel: [[{ node: 'Agent', type: 'ai_languageModel', index: 0 }]] },
	};
	for (const t of tools) connections[t.name as string] = { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] };
	return { id, name: `e2e agent ${path}`, nodes, connections, active: false, settings: { executionOrder: 'v1' } } as unknown as WorkflowJson;
}

/** The AI Agent example as shipped, its Chat Trigger swapped for a webhook and its memory keyed by the request. */
function exampleViaWebhook(path: string): WorkflowJson {
	const found = lib.exampleWorkflows().find((e) => e.file === 'ai-agent-tools.json');
	if (!found) throw new Error('examples/ai-agent-tools.json is missing');
	const w = JSON.parse(JSON.stringify(found.workflow)) as WorkflowJson;
	w.id = 'e2eAgentExample1';
	for (const node of w.nodes) {
		if (node.type === '@n8n/n8n-nodes-langchain.chatTrigger') {
			Object.assign(node, { type: 'n8n-nodes-base.webhook', typeVersion: 2.1, webhookId: 'e2e00000-0000-4000-8000-00000000e2e0', parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} } });
		}
		if (node.type === '@n8n/n8n-nodes-langchain.agent') Object.assign(node.parameters, { promptType: 'define', text: '={{ $json.body.chatInput }}' });
		if (node.type === '@n8n/n8n-nodes-langchain.memoryBufferWindow') Object.assign(node.parameters, { sessionIdType: 'customKey', sessionKey: '={{ $json.body.sessionId }}' });
	}
	return w;
}

const RESPONSES = { id: 'e2eAgentRespons1', path: 'e2e-agent-responses' };
const CHAT = { id: 'e2eAgentChatCmp1', path: 'e2e-agent-chat' };
const STREAMING = { id: 'e2eAgentStream01', path: 'e2e-agent-streaming' };
const EXAMPLE = { path: 'e2e-agent-example' };

const TOOL = {
	dm: 'ClawNet_send_a_DM',
	getPost: 'ClawNet_get_a_post',
	feed: 'ClawNet_read_the_feed',
	dms: 'ClawNet_read_DMs',
	clawtter: 'Clawtter_post',
	search: 'Clawtter_search_posts',
	publish: 'Claw_Post_publish_to_X',
	job: 'Claw_Post_get_a_job',
};

describeWithN8n('AI Agent with the nodes as tools in real n8n (scripted model)', () => {
	let rt: N8nRuntime;
	let sb: TestSandbox;
	let folder: ReturnType<typeof tempUserFolder>;
	let env: Record<string, string>;
	let n8n: N8nProcess | undefined;
	let secrets: Array<{ label: string; value: string }>;
	/** Per tool: characters of its definition per API, and its description. */
	const definitionSizes = new Map<string, { responses?: number; chat?: number; description: string }>();
	const resultSizes: Array<{ scenario: string; tool: string; chars: number; items?: number; output: string }> = [];

	beforeAll(async () => {
		rt = runtime();
		sb = await startTestSandbox();
		secrets = sandboxSecrets(sb.info);
		folder = tempUserFolder('e2e-agent');
		env = lib.n8nEnv({ runtime: rt, userFolder: folder.path, port: await lib.freePort(), brokerPort: await lib.freePort() });
		const workflows = [
			agentWorkflow(RESPONSES.id, RESPONSES.path, { responsesApi: true }),
			agentWorkflow(CHAT.id, CHAT.path, { responsesApi: false }),
			agentWorkflow(STREAMING.id, STREAMING.path, { responsesApi: true, streaming: true }),
			exampleViaWebhook(EXAMPLE.path),
		];
		await lib.prepareUserFolder({ runtime: rt, userFolder: folder.path, sandboxInfo: sb.info, env, workflows, publish: workflows.map((w) => w.id) });
		n8n = await lib.startN8n(rt, { env, logFile: join(folder.path, 'n8n.log') });
		// n8n is ready before it has registered the published workflows' webhooks: a GET on a
		// POST webhook answers "not registered" before, "not registered for GET" after.
		for (const path of [RESPONSES.path, CHAT.path, STREAMING.path, EXAMPLE.path]) {
			const registered = await waitFor(async () => {
				const body = await (await fetch(`${n8n!.url}/webhook/${path}`)).text();
				return !/requested webhook .* is not registered/.test(body);
			}, 120_000, 500);
			expect(registered).toBe(true);
		}
	}, INSTALL_TIMEOUT_MS);

	afterAll(async () => {
		await n8n?.stop();
		await sb?.sandbox.stop();
		folder?.remove();
		if (definitionSizes.size) {
			const lines = ['', 'Tool definitions as n8n sent them to the model (characters of JSON: Responses API / Chat Completions; description):'];
			for (const [name, d] of [...definitionSizes].sort()) {
				lines.push(`  ${name.padEnd(26)} ${String(d.responses ?? '-').padStart(5)} / ${String(d.chat ?? '-').padStart(5)}  ${JSON.stringify(d.description).slice(0, 110)}`);
			}
			lines.push('Tool results that went back to the model (characters):');
			for (const r of resultSizes) {
				lines.push(`  ${r.tool.padEnd(26)} ${String(r.chars).padStart(7)}  ${String(r.items ?? '').padStart(3)} item(s)  ${r.scenario}`);
				// CLAW_E2E_SHOW_RESULTS=1 shows what the model read.
				if (process.env.CLAW_E2E_SHOW_RESULTS === '1') lines.push(`      ${r.output.slice(0, 400)}`);
			}
			process.stdout.write(`${lines.join('\n')}\n`);
		}
	}, 60_000);

	beforeEach(async () => {
		await sb.reset();
		await sb.control('POST', 'clawpost/extension', { pickupMs: 0, delayMs: 200 });
	});

	/** Queues the model's turns, runs the agent through its webhook, and returns what happened. */
	async function run(scenario: string, path: string, turns: ModelTurn[], chatInput = 'Do it.') {
		await sb.control('POST', 'model/script', { turns });
		const response = await fetch(`${n8n!.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ chatInput, sessionId: scenario.replace(/\W+/g, '-') }),
			signal: AbortSignal.timeout(180_000),
		});
		const text = await response.text();
		const calls = (await sb.control<{ calls: ModelCall[] }>('GET', 'model/calls')).calls;
		const results = calls.length ? calls[calls.length - 1].toolResults : [];
		for (const call of calls) {
			for (const tool of call.tools) definitionSizes.set(tool.name, { ...definitionSizes.get(tool.name), [call.api]: tool.size, description: tool.description });
		}
		for (const r of results) {
			let items: number | undefined;
			try {
				const parsed = JSON.parse(r.output) as unknown;
				items = Array.isArray(parsed) ? parsed.length : undefined;
			} catch {
				items = undefined;
			}
			resultSizes.push({ scenario, tool: r.name ?? '?', chars: r.output.length, items, output: r.output });
		}
		expect(leakedSecrets(text, secrets)).toEqual([]);
		for (const r of results) expect(leakedSecrets(r.output, secrets)).toEqual([]);
		let output: unknown = text;
		try {
			output = JSON.parse(text);
		} catch {
			/* a plain answer */
		}
		return { status: response.status, output, calls, results, result: (tool: string) => results.find((r) => r.name === tool) };
	}

	const answerWithResults: ModelTurn = { text: 'Done: {{result}}' };

	describe('happy paths (Responses API, n8n\'s default)', () => {
		test('ClawNet: a DM to Tom reaches ClawNet, and the message ID goes back to the model', async () => {
			const r = await run('DM to Tom', RESPONSES.path, [{ toolCalls: [{ tool: TOOL.dm, args: { agent_id: 'Tom', message: 'The release is out (e2e)' } }] }, answerWithResults]);
			expect(r.status).toBe(200);
			const sent = await sb.requests({ network: 'clawnet', method: 'POST', path: '/send' });
			expect(sent.map((s) => [s.principal, s.body, s.status])).toEqual([['n8n_agent', { to: 'Tom', message: 'The release is out (e2e)' }, 200]]);
			const result = r.result(TOOL.dm);
			expect(result?.output).toMatch(/msg_/);
			expect(r.calls).toHaveLength(2);
			expect(r.calls.every((c) => c.api === 'responses')).toBe(true);
			expect(r.calls[0].tools.map((t) => t.name).sort()).toEqual(Object.values(TOOL).sort());
			// The model's answer carries the tool's result (the scripted model fills in {{result}}).
			expect(JSON.stringify(r.output)).toMatch(/Done: .*msg_/);
		}, 240_000);

		test('Clawtter: a post is created and its ID and moderation state go back to the model', async () => {
			const r = await run('Clawtter post', RESPONSES.path, [{ toolCalls: [{ tool: TOOL.clawtter, args: { content: 'Hello from an agent #n8n' } }] }, answerWithResults]);
			const sent = await sb.requests({ network: 'clawtter', method: 'POST', path: '/posts' });
			expect(sent).toHaveLength(1);
			expect(sent[0].body).toMatchObject({ content: 'Hello from an agent #n8n' });
			expect(r.result(TOOL.clawtter)?.output).toMatch(/post_id/);
		}, 240_000);

		test('Claw Post: two different posts in one agent run are two jobs, both published (no 409), and a true repeat is the same job', async () => {
			const r = await run('Claw Post, two posts and a repeat', RESPONSES.path, [
				{ toolCalls: [{ tool: TOOL.publish, args: { text: 'First news (e2e)' } }] },
				{ toolCalls: [{ tool: TOOL.publish, args: { text: 'Second news (e2e)' } }] },
				{ toolCalls: [{ tool: TOOL.publish, args: { text: 'First news (e2e)' } }] },
				answerWithResults,
			]);
			const created = await sb.requests({ network: 'clawpost', method: 'POST', path: '/v1/jobs/tweet' });
			expect(created.map((c) => [(c.body as { text: string }).text, c.status])).toEqual([
				['First news (e2e)', 201],
				['Second news (e2e)', 201],
				['First news (e2e)', 200],
			]);
			const keys = created.map((c) => (c.body as { idempotencyKey: string }).idempotencyKey);
			expect(keys[0]).not.toBe(keys[1]);
			expect(keys[2]).toBe(keys[0]);
			const outputs = r.results.filter((x) => x.name === TOOL.publish).map((x) => x.output);
			expect(outputs).toHaveLength(3);
			for (const o of outputs) expect(o).toMatch(/"status":"succeeded"/);
			for (const o of outputs) expect(o).toMatch(/https:\/\/x\.com\//);
		}, 240_000);

		test('reads: the feed, the DM inbox, a search and a post (result sizes)', async () => {
			const feed = await run('ClawNet feed (20)', RESPONSES.path, [{ toolCalls: [{ tool: TOOL.feed, args: { feed: 'public' } }] }, answerWithResults]);
			expect(feed.result(TOOL.feed)?.output).toMatch(/post_/);
			const postId = /"(post_[A-Za-z0-9_]+)"/.exec(feed.result(TOOL.feed)!.output)![1];
			const post = await run('ClawNet post and thread', RESPONSES.path, [{ toolCalls: [{ tool: TOOL.getPost, args: { post_id: postId } }] }, answerWithResults]);
			expect(post.result(TOOL.getPost)?.output).toContain(postId);
			// 50 DMs of 280 characters waiting, as an agent's inbox might hold after a day.
			const tom = (sb.info.networks.clawnet.credentials as Record<string, string>).Tom;
			for (let i = 0; i < 50; i++) {
				const sent = await fetch(`${sb.info.networks.clawnet.baseUrl}/send`, {
					method: 'POST',
					headers: { Authorization: `Bearer ${tom}`, 'Content-Type': 'application/json' },
					body: JSON.stringify({ to: 'n8n_agent', message: `DM ${String(i).padStart(2, '0')}: ${'a realistic sentence of an agent. '.repeat(8)}`.slice(0, 280) }),
				});
				expect(sent.status).toBe(200);
			}
			const dms = await run('ClawNet DM inbox (seed + 50 DMs of 280 chars)', RESPONSES.path, [{ toolCalls: [{ tool: TOOL.dms, args: {} }] }, answerWithResults]);
			expect(dms.result(TOOL.dms)).toBeDefined();
			const search = await run('Clawtter search (limit 20)', RESPONSES.path, [{ toolCalls: [{ tool: TOOL.search, args: { query: 'hello', limit: 20 } }] }, answerWithResults]);
			expect(search.result(TOOL.search)).toBeDefined();
			expect(await sb.requests({ network: 'clawtter', method: 'GET', path: '/search/posts' })).toHaveLength(1);
		}, 480_000);
	});

	describe('adversarial arguments: nothing reaches the networks, and the model gets an error it can read', () => {
		const refused = async (scenario: string, tool: string, args: Record<string, unknown>, network: 'clawnet' | 'clawtter' | 'clawpost', pattern: RegExp) => {
			const r = await run(scenario, RESPONSES.path, [{ toolCalls: [{ tool, args }] }, answerWithResults]);
			expect(r.status).toBe(200); // the run goes on: the error is the tool's result
			const result = r.result(tool);
			expect(result).toBeDefined();
			expect(JSON.parse(result!.output)).toEqual([{ error: expect.stringMatching(pattern) }]);
			expect(result!.output).toMatch(/Refused by the node before sending/);
			const writes = (await sb.requests({ network })).filter((q) => q.path !== '/me' && q.path !== '/v1/usage');
			expect(writes).toEqual([]);
			return result!.output;
		};

		test('oversize: a 1,001-character Clawtter post', async () => {
			await refused('oversize Clawtter post (1,001)', TOOL.clawtter, { content: 'x'.repeat(1001) }, 'clawtter', /^Content \(content\) is too long: 1001 characters; the limit is 1000/);
		}, 240_000);

		test('`..` as a ClawNet post ID', async () => {
			await refused('`..` as post ID', TOOL.getPost, { post_id: '..' }, 'clawnet', /^Post \(postId\) is not a ClawNet post ID.*"\.\."/);
		}, 240_000);

		test('`../me/token/rotate` as a ClawNet post ID', async () => {
			await refused('path in a post ID', TOOL.getPost, { post_id: '../me/token/rotate' }, 'clawnet', /^Post \(postId\) is not a ClawNet post ID/);
		}, 240_000);

		test('null as a ClawNet post ID', async () => {
			await refused('null post ID', TOOL.getPost, { post_id: null }, 'clawnet', /^Post \(postId\) is required/);
		}, 240_000);

		test('null as a Claw Post job ID', async () => {
			await refused('null job ID', TOOL.job, { job_id: null }, 'clawpost', /^Job ID \(jobId\) is required/);
		}, 240_000);

		test('a number for text: Claw Post text 42', async () => {
			await refused('number as Claw Post text', TOOL.publish, { text: 42 }, 'clawpost', /^Text \(text\) must be text; it is the number 42/);
		}, 240_000);

		test('a number for text: a DM of 12345', async () => {
			await refused('number as DM message', TOOL.dm, { agent_id: 'Tom', message: 12345 }, 'clawnet', /^Message \(message\) must be text; it is the number 12345/);
		}, 240_000);

		test('unknown values: feed "everything"', async () => {
			await refused('unknown feed value', TOOL.feed, { feed: 'everything' }, 'clawnet', /^Feed \(feed\) must be one of: public, following/);
		}, 240_000);

		test('unknown values: a profile URL as the DM recipient', async () => {
			await refused('profile URL as To', TOOL.dm, { agent_id: 'https://clwnt.com/agents/Tom/profile', message: 'hi' }, 'clawnet', /^To \(to\) is not a ClawNet agent ID/);
		}, 240_000);

		test('unknown values: a search limit of "lots" and of 1e12', async () => {
			await refused('search limit "lots"', TOOL.search, { query: 'hello', limit: 'lots' }, 'clawtter', /^Limit \(limit\) must be a number/);
			await refused('search limit 1e12', TOOL.search, { query: 'hello', limit: 1e12 }, 'clawtter', /^Limit \(limit\) is 1000000000000; the maximum is 100/);
		}, 480_000);
	});

	test('Chat Completions: the same DM through the other API', async () => {
		const r = await run('DM via Chat Completions', CHAT.path, [{ toolCalls: [{ tool: TOOL.dm, args: { agent_id: 'Sam', message: 'Hi from Chat Completions' } }] }, answerWithResults]);
		expect(r.calls.map((c) => c.api)).toEqual(['chat', 'chat']);
		const sent = await sb.requests({ network: 'clawnet', method: 'POST', path: '/send' });
		expect(sent.map((s) => s.body)).toEqual([{ to: 'Sam', message: 'Hi from Chat Completions' }]);
		expect(r.result(TOOL.dm)?.output).toMatch(/msg_/);
	}, 240_000);

	test('streaming (a webhook that streams): the agent streams the model, Responses events and all', async () => {
		const r = await run('DM, streaming', STREAMING.path, [{ toolCalls: [{ tool: TOOL.dm, args: { agent_id: 'Tom', message: 'Streamed' } }] }, { text: 'Streamed answer: {{result}}' }]);
		expect(r.status).toBe(200);
		expect(r.calls.map((c) => [c.api, c.stream])).toEqual([
			['responses', true],
			['responses', true],
		]);
		expect((await sb.requests({ network: 'clawnet', method: 'POST', path: '/send' })).map((s) => s.body)).toEqual([{ to: 'Tom', message: 'Streamed' }]);
		expect(r.result(TOOL.dm)?.output).toMatch(/msg_/);
		expect(String(r.output)).toMatch(/Streamed answer: .*msg_/);
	}, 240_000);

	test('the AI Agent example runs on the scripted model out of the box: its default rules pick the tool from the words', async () => {
		const dm = await run('example: DM rule', EXAMPLE.path, [], 'Tell Tom on ClawNet that the release is out');
		expect((await sb.requests({ network: 'clawnet', method: 'POST', path: '/send' })).map((s) => s.body)).toEqual([{ to: 'Tom', message: 'Tell Tom on ClawNet that the release is out' }]);
		expect(JSON.stringify(dm.output)).toMatch(/ClawNet_send_a_DM answered: .*msg_/);
		expect(dm.calls[0].answer.from).toBe('rule');

		const post = await run('example: Clawtter rule', EXAMPLE.path, [], 'Hello from my agent #n8n');
		expect((await sb.requests({ network: 'clawtter', method: 'POST', path: '/posts' })).map((s) => (s.body as { content: string }).content)).toEqual(['Hello from my agent #n8n']);
		expect(JSON.stringify(post.output)).toMatch(/Clawtter_post answered: /);

		const tweet = await run('example: X rule', EXAMPLE.path, [], 'Tweet that we shipped v1');
		const jobs = await sb.requests({ network: 'clawpost', method: 'POST', path: '/v1/jobs/tweet' });
		expect(jobs.map((j) => (j.body as { text: string }).text)).toEqual(['Tweet that we shipped v1']);
		expect(JSON.stringify(tweet.output)).toMatch(/Claw_Post_publish_to_X answered: /);
	}, 600_000);
});
