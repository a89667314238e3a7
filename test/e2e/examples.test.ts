/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only code (end-to-end tests): Node APIs are its job, and it never ships in dist/ */
/**
 * End to end in real n8n 2.40.7 (Node 24, scripts/n8n/runtime.js): the packed package installed
 * into a fresh n8n user folder, the sandbox credentials and the example workflows imported with
 * n8n's own CLI, against a sandbox this file starts.
 *
 * - Crosspost and Notification digest run with `n8n execute`; the sandbox's state afterwards is
 *   checked through the public APIs and the control API, and no key appears in n8n's output.
 * - Then `n8n start` with DM auto-reply and the digest published (polling every minute, the
 *   shortest n8n allows): every node type and Tool variant is registered, a DM is answered and
 *   acknowledged, and a new Clawtter notification reaches the owner agent as a DM, each within
 *   two poll intervals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { http } from '../harness/http';
import { seededKey, startTestSandbox } from '../harness/sandbox';
import type { TestSandbox } from '../harness/sandbox';
import type { N8nRuntime } from '../../scripts/n8n/runtime';
import type { N8nProcess, WorkflowJson } from '../../scripts/n8n/lib';
import { INSTALL_TIMEOUT_MS, chars, describeWithN8n, leakedSecrets, lib, runtime, sandboxSecrets, tempUserFolder, waitFor } from './e2e';

const CROSSPOST = 'clawCrosspost001';
const DIGEST = 'clawNotifDigest1';
const AUTO_REPLY = 'clawDmAutoReply1';
const A2A_AUTO_REPLY = 'clawA2aTaskAutoReply1';
/** Poll every minute (n8n refuses anything shorter); "two poll intervals" plus time to run. */
const POLL_MS = 60_000;
const TWO_POLLS_MS = 2 * POLL_MS + 15_000;

const example = (id: string): WorkflowJson => {
	const found = lib.exampleWorkflows().find((e) => e.workflow.id === id);
	if (!found) throw new Error(`no example workflow with id ${id}`);
	return found.workflow;
};

describeWithN8n('example workflows in real n8n', () => {
	let rt: N8nRuntime;
	let sb: TestSandbox;
	let folder: ReturnType<typeof tempUserFolder>;
	let env: Record<string, string>;
	let secrets: Array<{ label: string; value: string }>;

	const clawnet = () => sb.info.networks.clawnet.baseUrl;
	const clawtter = () => sb.info.networks.clawtter.baseUrl;
	const clawpost = () => sb.info.networks.clawpost.baseUrl;
	const bearer = (network: 'clawnet' | 'clawtter', who: string) => ({ authorization: `Bearer ${seededKey(sb, network, who)}` });

	beforeAll(async () => {
		rt = runtime();
		sb = await startTestSandbox();
		secrets = sandboxSecrets(sb.info);
		folder = tempUserFolder('e2e');
		env = lib.n8nEnv({ runtime: rt, userFolder: folder.path, port: await lib.freePort(), brokerPort: await lib.freePort() });
		await lib.prepareUserFolder({ runtime: rt, userFolder: folder.path, sandboxInfo: sb.info, env });
	}, INSTALL_TIMEOUT_MS);

	afterAll(async () => {
		await sb?.sandbox.stop();
		folder?.remove();
	});

	describe('with n8n execute', () => {
		beforeEach(async () => {
			await sb.reset();
		});

		test('Crosspost: posts on Clawtter and ClawNet, X and LinkedIn jobs succeed with live URLs, texts fitted to each limit', async () => {
			const { run, stdout, stderr } = await lib.executeWorkflow(rt, CROSSPOST, { env });
			expect(run.data.resultData.error).toBeUndefined();
			expect(run.status).toBe('success');
			expect(leakedSecrets(`${stdout}\n${stderr}`, secrets)).toEqual([]);

			const [[input]] = lib.nodeOutput(run, 'Your text');
			const text = input.text as string;
			expect(chars(text)).toBeGreaterThan(1000); // so that the Clawtter post is shortened
			expect(chars(text)).toBeLessThanOrEqual(1500); // and the ClawNet post is not

			// Clawtter: shortened to 1,000 characters with an ellipsis, and really there.
			const [[clawtterPost]] = lib.nodeOutput(run, 'Post to Clawtter');
			const sent = (await sb.requests({ network: 'clawtter', method: 'POST', path: '/posts' })).map((r) => r.body as { content: string });
			expect(sent).toHaveLength(1);
			expect(chars(sent[0].content)).toBeLessThanOrEqual(1000);
			expect(sent[0].content.endsWith('…')).toBe(true);
			expect(text.startsWith(sent[0].content.slice(0, -1))).toBe(true);
			const mine = await http('GET', `${clawtter()}/clawtters/n8n-agent/posts`, { headers: bearer('clawtter', 'n8n-agent') });
			expect(mine.status).toBe(200);
			expect(mine.body.items.map((p: { post_id: string }) => p.post_id)).toContain(clawtterPost.post_id);

			// ClawNet: the whole text (it fits in 1,500), public.
			const [[clawnetPost]] = lib.nodeOutput(run, 'Post to ClawNet');
			const post = await http('GET', `${clawnet()}/posts/${clawnetPost.id}`, { headers: bearer('clawnet', 'n8n_agent') });
			expect(post.status).toBe(200);
			expect(post.body.post.agent_id).toBe('n8n_agent');
			expect(post.body.post.content).toBe(text);

			// Claw Post: one job per platform, waited for until it succeeded, with the live URL.
			for (const [node, platform, limit] of [['Publish to X', 'x', 280], ['Publish to LinkedIn', 'linkedin', 3000]] as const) {
				const [[job]] = lib.nodeOutput(run, node);
				expect(job).toMatchObject({ platform, status: 'succeeded', postUrl: expect.stringMatching(/^https:\/\//) });
				const status = await http('GET', `${clawpost()}/v1/jobs/${job.id}`, { headers: { 'clawpost-api-key': seededKey(sb, 'clawpost', 'paired') } });
				expect(status.status).toBe(200);
				expect(status.body).toMatchObject({ status: 'succeeded', postUrl: job.postUrl });
				const created = (await sb.requests({ network: 'clawpost', method: 'POST', path: '/v1/jobs/tweet' })).map((r) => r.body as { text: string; platform: string });
				const forPlatform = created.filter((b) => b.platform === platform);
				expect(forPlatform).toHaveLength(1);
				expect(chars(forPlatform[0].text)).toBeLessThanOrEqual(limit);
			}
		}, 300_000);

		test('Notification digest (Run now): the pending Clawtter notifications reach the owner agent as one ClawNet DM', async () => {
			const pendingCount = (await sb.control<{ items: unknown[] }>('GET', 'clawtter/notifications/n8n-agent')).items.length;
			expect(pendingCount).toBeGreaterThan(0);

			const { run, stdout, stderr } = await lib.executeWorkflow(rt, DIGEST, { env });
			expect(run.data.resultData.error).toBeUndefined();
			expect(leakedSecrets(`${stdout}\n${stderr}`, secrets)).toEqual([]);
			expect(lib.nodeOutput(run, 'Get and clear notifications')[0]).toHaveLength(pendingCount);
			const [[digest]] = lib.nodeOutput(run, 'Write the digest');
			expect(digest.digest).toMatch(new RegExp(`^${pendingCount} new on Clawtter:`));

			// The owner agent (Tom) has exactly one new DM from n8n_agent: the digest.
			const inbox = await http('GET', `${clawnet()}/inbox`, { headers: bearer('clawnet', 'Tom') });
			expect(inbox.status).toBe(200);
			const fromUs = inbox.body.messages.filter((m: { from: string }) => m.from === 'n8n_agent');
			expect(fromUs).toHaveLength(1);
			expect(fromUs[0].content).toContain(`${pendingCount} new on Clawtter:`);
			expect(fromUs[0].content).toContain('Shell Poet followed you');

			// Reading cleared the queue.
			const after = await http('GET', `${clawtter()}/me/notifications`, { headers: bearer('clawtter', 'n8n-agent') });
			expect(after.body.items).toEqual([]);
		}, 300_000);
	});

	describe('activated under n8n start', () => {
		let n8n: N8nProcess | undefined;
		let cookie: string;
		let dmId: string;
		let dmSentAt: number;
		let likeSentAt: number;
		const logFile = () => join(folder.path, 'n8n.log');

		beforeAll(async () => {
			await sb.reset();
			// The digest polls every 15 minutes in the example; here every minute.
			const digest = example(DIGEST);
			for (const node of digest.nodes) if (node.type.endsWith('.clawtterTrigger')) node.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
			await lib.prepareUserFolder({ runtime: rt, userFolder: folder.path, sandboxInfo: sb.info, env, workflows: [example(AUTO_REPLY), digest], publish: [AUTO_REPLY, DIGEST] });
			n8n = await lib.startN8n(rt, { env, logFile: logFile() });
			cookie = await lib.signIn(n8n.url);

			// Activation polls once at once: it records what is there (nothing is emitted). Only
			// what happens after it counts, so wait for both first polls to be done.
			const polled = await waitFor(async () => {
				const inbox = await sb.requests({ network: 'clawnet', method: 'GET', path: '/inbox/check' });
				const queue = await sb.requests({ network: 'clawtter', method: 'GET', path: '/me/notifications' });
				return inbox.some((r) => r.principal === 'n8n_agent') && queue.some((r) => r.principal === 'n8n-agent');
			}, 60_000);
			expect(polled).toBe(true);
			await new Promise((resolve) => setTimeout(resolve, 2000));

			// A DM from Sam, and a like from shell-poet on n8n-agent's hello post.
			const sent = await http('POST', `${clawnet()}/send`, { headers: bearer('clawnet', 'Sam'), json: { to: 'n8n_agent', message: 'Hi! Are you there? (e2e)' } });
			expect(sent.status).toBe(200);
			dmId = sent.body.id;
			dmSentAt = Date.now();
			const posts = await http('GET', `${clawtter()}/clawtters/n8n-agent/posts`, { headers: bearer('clawtter', 'n8n-agent') });
			const hello = posts.body.items.find((p: { content_preview: string }) => p.content_preview.startsWith('Hello Clawtter!'));
			const liked = await http('POST', `${clawtter()}/posts/${hello.post_id}/like`, { headers: bearer('clawtter', 'shell-poet') });
			expect(liked.status).toBe(204);
			likeSentAt = Date.now();
		}, 300_000);

		afterAll(async () => {
			await n8n?.stop();
		}, 60_000);

		test('every node type and its Tool variant is registered, with its icon', async () => {
			const pkg = JSON.parse(readFileSync(join(lib.ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
			const expected: string[] = [];
			for (const file of pkg.n8n.nodes) {
				// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built node class, as n8n loads it
				const module = require(join(lib.ROOT, file)) as Record<string, new () => { description: { name: string; usableAsTool?: boolean } }>;
				const { description } = new (Object.values(module)[0])();
				expected.push(`${lib.PACKAGE_NAME}.${description.name}`);
				if (description.usableAsTool) expected.push(`${lib.PACKAGE_NAME}.${description.name}Tool`);
			}
			expect(expected).toHaveLength(8); // five nodes, three of them usable as tools

			const types = await lib.nodeTypes(n8n!.url, cookie);
			const ours = types.filter((t) => t.name.startsWith(`${lib.PACKAGE_NAME}.`));
			expect(ours.map((t) => t.name).sort()).toEqual(expected.sort());
			for (const type of ours) {
				const icon = (type.iconUrl as { light?: string } | undefined)?.light;
				expect(icon).toMatch(/\.svg$/);
				const svg = await fetch(`${n8n!.url}/${icon}`, { headers: { Cookie: cookie } });
				expect(svg.status).toBe(200);
				expect(await svg.text()).toContain('<svg');
			}

			const credentials = await (await fetch(`${n8n!.url}/types/credentials.json`, { headers: { Cookie: cookie } })).json();
			const credentialNames = (credentials as Array<{ name: string }>).map((c) => c.name);
			for (const name of ['clawNetApi', 'clawtterApi', 'clawPostApi']) expect(credentialNames).toContain(name);
		}, 60_000);

		test('DM auto-reply: a new DM is answered and acknowledged within two poll intervals', async () => {
			const acked = await waitFor(async () => {
				const log = await sb.requests({ network: 'clawnet', method: 'POST' });
				return log.find((r) => r.path === `/inbox/${dmId}/ack` && r.status === 200);
			}, TWO_POLLS_MS - (Date.now() - dmSentAt));
			expect(acked).toBeDefined();

			// (The digest workflow, active too, sends its own DM to Tom: only what went to Sam counts.)
			const replies = (await sb.requests({ network: 'clawnet', method: 'POST', path: '/send' })).filter(
				(r) => r.principal === 'n8n_agent' && (r.body as { to?: string }).to === 'Sam',
			);
			expect(replies).toHaveLength(1);
			expect((replies[0].body as { message: string }).message).toContain('Hi Sam');
			const samInbox = await http('GET', `${clawnet()}/inbox`, { headers: bearer('clawnet', 'Sam') });
			expect(samInbox.body.messages.filter((m: { from: string }) => m.from === 'n8n_agent')).toHaveLength(1);
			// Acknowledged: no longer in n8n_agent's inbox.
			const inbox = await http('GET', `${clawnet()}/inbox`, { headers: bearer('clawnet', 'n8n_agent') });
			expect(inbox.body.messages.map((m: { id: string }) => m.id)).not.toContain(dmId);
		}, TWO_POLLS_MS + 30_000);

		test('Notification digest (trigger): a new like reaches the owner agent as a DM within two poll intervals', async () => {
			const digest = await waitFor(async () => {
				const inbox = await http('GET', `${clawnet()}/inbox`, { headers: bearer('clawnet', 'Tom') });
				return inbox.body.messages.find((m: { from: string; content: string }) => m.from === 'n8n_agent' && m.content.includes('new on Clawtter'));
			}, TWO_POLLS_MS - (Date.now() - likeSentAt));
			expect(digest).toBeDefined();
			expect(digest.content).toContain('1 new on Clawtter:');
			expect(digest.content).toContain('Shell Poet liked your post');
		}, TWO_POLLS_MS + 30_000);

		test('the executions n8n stored and its log hold no key or token', async () => {
			const list = await (await fetch(`${n8n!.url}/rest/executions?limit=50`, { headers: { Cookie: cookie } })).json();
			const ids = ((list as { data: { results: Array<{ id: string }> } }).data.results ?? []).map((e) => e.id);
			expect(ids.length).toBeGreaterThanOrEqual(2);
			for (const id of ids) {
				const execution = await (await fetch(`${n8n!.url}/rest/executions/${id}`, { headers: { Cookie: cookie } })).text();
				expect(leakedSecrets(execution, secrets)).toEqual([]);
			}
			expect(leakedSecrets(readFileSync(logFile(), 'utf8'), secrets)).toEqual([]);
		}, 60_000);
	});

	describe('on ClawNet\'s April-2026 API (sandbox generation a2a), activated under n8n start', () => {
		let n8n: N8nProcess | undefined;
		let a2aFolder: ReturnType<typeof tempUserFolder>;
		let taskId: string;
		let sentAt: number;

		beforeAll(async () => {
			await sb.reset();
			await sb.control('POST', 'clawnet/settings', { generation: 'a2a' });
			a2aFolder = tempUserFolder('e2e-a2a');
			const a2aEnv = lib.n8nEnv({ runtime: rt, userFolder: a2aFolder.path, port: await lib.freePort(), brokerPort: await lib.freePort() });
			await lib.prepareUserFolder({ runtime: rt, userFolder: a2aFolder.path, sandboxInfo: sb.info, env: a2aEnv, workflows: [example(A2A_AUTO_REPLY)], publish: [A2A_AUTO_REPLY] });
			n8n = await lib.startN8n(rt, { env: a2aEnv, logFile: join(a2aFolder.path, 'n8n.log') });
			const polled = await waitFor(async () => (await sb.requests({ network: 'clawnet', method: 'POST', path: '/a2a' })).some((r) => r.principal === 'n8n_agent'), 60_000);
			expect(polled).toBe(true);
			await new Promise((resolve) => setTimeout(resolve, 2000));
			const sent = await http('POST', `${clawnet()}/a2a/n8n_agent`, {
				headers: bearer('clawnet', 'Sam'),
				json: { jsonrpc: '2.0', id: 'e2e', method: 'message/send', params: { message: { role: 'user', parts: [{ kind: 'text', text: 'What is 2 + 2? (e2e)' }] } } },
			});
			expect(sent.body.error).toBeUndefined();
			taskId = sent.body.result.id;
			sentAt = Date.now();
		}, 300_000);

		afterAll(async () => {
			await n8n?.stop();
			await sb.control('POST', 'clawnet/settings', { generation: 'dm' });
			a2aFolder?.remove();
		}, 60_000);

		test('A2A task auto-reply: a task sent to the agent is answered (completed) within two poll intervals, and the next poll answers it no more', async () => {
			const rpc = async (method: string, params: Record<string, unknown>) =>
				(await http('POST', `${clawnet()}/a2a`, { headers: bearer('clawnet', 'Sam'), json: { jsonrpc: '2.0', id: 'e2e', method, params } })).body;
			const done = await waitFor(async () => {
				const task = (await rpc('tasks/get', { id: taskId })).result;
				return task?.state === 'completed' ? task : undefined;
			}, TWO_POLLS_MS - (Date.now() - sentAt));
			expect(done).toBeDefined();
			const answer = JSON.stringify(done.artifacts ?? done.status);
			expect(answer).toContain('2 + 2');
			const byAgent = async (method: string) =>
				(await sb.requests({ network: 'clawnet', method: 'POST', path: '/a2a' })).filter(
					(r) => r.principal === 'n8n_agent' && (r.body as { method?: string }).method === method,
				);
			const [first] = await byAgent('tasks/respond');
			expect(first).toBeDefined();
			// Answered, the task is no longer `submitted`, and its new state is a new version to the
			// trigger: one that listed more than submitted tasks would emit it again at its next poll.
			// Wait for that tasks/list (polls are a minute apart) and for an execution it would start.
			const nextPoll = await waitFor(async () => (await byAgent('tasks/list')).find((r) => r.seq > first.seq), POLL_MS + 20_000);
			expect(nextPoll).toBeDefined();
			await new Promise((resolve) => setTimeout(resolve, 10_000));
			expect(await byAgent('tasks/respond')).toHaveLength(1);
			expect(leakedSecrets(readFileSync(join(a2aFolder.path, 'n8n.log'), 'utf8'), secrets)).toEqual([]);
		}, TWO_POLLS_MS + POLL_MS + 60_000);
	});
});
