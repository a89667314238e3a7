/**
 * ClawNet node — Task (April 2026 API: A2A tasks over JSON-RPC 2.0) through real n8n-core against
 * the sandbox in its `a2a` generation: the JSON-RPC request each operation sends (method, params,
 * endpoint), the output items, JSON-RPC errors in the shared error shape, limits checked before
 * sending, and the older ClawNet (`dm`) saying plainly that it does not speak tasks.
 */
import { agentModes, json, paired, rl, useClawNet } from './helpers';
import type { Json } from './helpers';

const c = useClawNet('a2a');

const msg = (text: string, role = 'user') => ({ role, parts: [{ kind: 'text', text }] });
const rpcCall = (path: string, method: string, params: unknown, who: string) => c.api('POST', path, who, { jsonrpc: '2.0', id: 't', method, params });
/** A task `from` sends to `to` through the sandbox's API; its id. */
const sendTask = async (from: string, to: string, text: string): Promise<string> => (await rpcCall(`/a2a/${to}`, 'message/send', { message: msg(text) }, from)).result.id;
const envelope = (method: string, params: unknown) => ({ jsonrpc: '2.0', id: expect.stringMatching(/^n8n-[a-z/-]+-\d+$/), method, params });

describe('Task → Send', () => {
	test.each(agentModes('Tom'))('message/send on POST /a2a/Tom (agent picked by %s); the output is the task with its text', async (_mode, agentId) => {
		const { items, error } = await c.run({ resource: 'task', operation: 'send', agentId, message: 'Can you review PR #7?' });
		expect(error).toBeUndefined();
		const [request] = await c.sent();
		expect(request).toMatchObject({ method: 'POST', path: '/a2a/Tom', body: envelope('message/send', { message: msg('Can you review PR #7?') }), principal: 'n8n_agent', status: 200 });
		expect(json(items)).toEqual([expect.objectContaining({ kind: 'task', id: expect.stringMatching(/^task_/), state: 'submitted', from: 'n8n_agent', to: 'Tom', text: 'Can you review PR #7?', result_text: null })]);
		expect(paired(items)).toEqual([{ item: 0 }]);
		const incoming = await rpcCall('/a2a', 'tasks/list', { status: 'submitted' }, 'Tom');
		expect(incoming.result.tasks.map((t: Json) => t.id)).toContain(items[0].json.id);
	});

	test('Task ID continues a task waiting for input (the seeded one Sam asked about)', async () => {
		const { result } = await rpcCall('/a2a', 'tasks/list', { role: 'sender', status: 'input-required' }, 'n8n_agent');
		const waiting = result.tasks[0];
		const { items, error } = await c.run({ resource: 'task', operation: 'send', agentId: rl('id', 'Sam'), message: '2026 only.', options: { taskId: waiting.id } });
		expect(error).toBeUndefined();
		expect((await c.sent())[0].body).toEqual(envelope('message/send', { message: msg('2026 only.'), taskId: waiting.id }));
		expect(items[0].json).toMatchObject({ id: waiting.id, state: 'submitted', text: '2026 only.' });
	});

	test('to an external https endpoint: tasks/send-external on POST /a2a; the remote\'s answer shows in Task → Get', async () => {
		const url = 'https://agents.example/a2a/helper';
		const { items, error } = await c.run({ resource: 'task', operation: 'send', sendTo: 'external', url, message: 'Translate "hello"' });
		expect(error).toBeUndefined();
		expect((await c.sent())[0]).toMatchObject({ path: '/a2a', body: envelope('tasks/send-external', { message: msg('Translate "hello"'), url }) });
		const id = String(items[0].json.id);
		await c.t.current.control('POST', `clawnet/tasks/${id}/external`, { state: 'completed', text: 'bonjour' });
		const got = await c.run({ resource: 'task', operation: 'get', taskId: id });
		expect(got.items[0].json).toMatchObject({ id, state: 'completed', result_text: 'bonjour' });
	});

	test.each([
		['http://agents.example/a2a', /^Endpoint URL \(url\) must be an https:\/\/ URL/],
		['not a url', /^Endpoint URL \(url\) is not a URL/],
	])('external endpoint %s is refused before sending', async (url, message) => {
		await c.refused({ resource: 'task', operation: 'send', sendTo: 'external', url, message: 'x' }, message);
	});

	test('limits and shapes before sending: message ≤ 10,000 characters, agent and task id shapes', async () => {
		await c.refused({ resource: 'task', operation: 'send', agentId: rl('id', 'Tom'), message: 'x'.repeat(10001) }, 'Message (message) is too long: 10001 characters; the limit is 10000');
		await c.refused({ resource: 'task', operation: 'send', agentId: rl('id', '={{ "../me" }}'), message: 'x' }, /^Agent \(agentId\) is not a ClawNet agent ID/);
		await c.refused({ resource: 'task', operation: 'send', agentId: rl('id', 'Tom'), message: 'x', options: { taskId: 'a/b' } }, /^Task ID \(options\.taskId\) is not a ClawNet task ID/);
	});

	test('a JSON-RPC error (HTTP 200, -32602: a task to yourself) is a NodeApiError in ClawNet\'s words; Continue On Fail pairs it', async () => {
		const { error } = await c.run({ resource: 'task', operation: 'send', agentId: rl('id', 'n8n_agent'), message: 'me' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.description).toMatch(/^JSON-RPC error -32602/);
		const itemised = await c.run({ resource: 'task', operation: 'send', agentId: rl('id', 'n8n_agent'), message: 'me' }, { continueOnFail: true, input: [{ json: {} }] });
		expect(itemised.items).toHaveLength(1);
		expect(itemised.items[0].json.error).toBe(error?.message);
		expect(itemised.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('HTTP errors with a JSON-RPC body keep ClawNet\'s words: unknown agent (404), rate limit (429 with its facts)', async () => {
		const missing = await c.run({ resource: 'task', operation: 'send', agentId: rl('id', 'Nobody_here'), message: 'hi' });
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.message).not.toMatch(/answered HTTP/);
		const [fresh] = await c.registerAgents('Fresh', 1);
		for (let i = 0; i < 10; i++) await rpcCall('/a2a/Tom', 'message/send', { message: msg(`m${i}`) }, fresh.token);
		const limited = await c.run({ resource: 'task', operation: 'send', agentId: rl('id', 'Tom'), message: 'one more' }, { as: fresh.token });
		expect(limited.error?.httpCode).toBe('429');
		expect(limited.error?.description).toMatch(/rate_limited.*Limit: 10 per .*for action "send"/);
	});
});

describe('Task → Get Many / Get / Count', () => {
	test('tasks/list with role and status filters; one item per task, newest state change first, with text', async () => {
		const { items, error } = await c.run({ resource: 'task', operation: 'getMany', role: 'recipient', status: ['submitted', 'working'], limit: 10 });
		expect(error).toBeUndefined();
		expect((await c.sent())[0]).toMatchObject({ path: '/a2a', body: envelope('tasks/list', { role: 'recipient', status: 'submitted,working', limit: 10 }) });
		expect(items.map((i) => [i.json.from, i.json.text])).toEqual([
			['Sam', 'Quick question: can your workflow summarize a thread for me?'],
			['Tom', 'Hi n8n_agent! Could you cross-post my release notes to Clawtter and X?'],
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('sent tasks in every state (no status chosen = all); Limit cuts; Return All asks for 100', async () => {
		const all = await c.run({ resource: 'task', operation: 'getMany', role: 'sender', returnAll: true });
		expect((await c.sent())[0].body).toEqual(envelope('tasks/list', { role: 'sender', status: 'all', limit: 100 }));
		expect(all.items.map((i) => i.json.state).sort()).toEqual(['completed', 'input-required']);
		expect(all.items.find((i) => i.json.state === 'completed')?.json.result_text).toBe('LGTM: retries back off exponentially, max 5.');
		const one = await c.run({ resource: 'task', operation: 'getMany', role: 'sender', limit: 1 });
		expect(one.items).toHaveLength(1);
		await c.refused({ resource: 'task', operation: 'getMany', limit: 101 }, 'Limit (limit) is 101; the maximum is 100');
	});

	test('Get: tasks/get by id; an unknown task is -32001 with what to do', async () => {
		const id = await sendTask('Tom', 'n8n_agent', 'status?');
		const { items } = await c.run({ resource: 'task', operation: 'get', taskId: id });
		expect((await c.sent())[0].body).toEqual(envelope('tasks/get', { id }));
		expect(items[0].json).toMatchObject({ id, from: 'Tom', state: 'submitted', text: 'status?' });
		const missing = await c.run({ resource: 'task', operation: 'get', taskId: 'task_nope' });
		expect(missing.error?.description).toMatch(/^JSON-RPC error -32001\. No such task/);
	});

	test('Count: tasks/count with the same filters', async () => {
		const { items } = await c.run({ resource: 'task', operation: 'count', role: 'recipient', status: ['submitted'] });
		expect((await c.sent())[0].body).toEqual(envelope('tasks/count', { role: 'recipient', status: 'submitted' }));
		expect(items[0].json).toEqual({ count: 2 });
	});
});

describe('Task → Respond / Cancel', () => {
	test('Completed sends the text as an artifact (as the plugin does); the sender sees the result', async () => {
		const id = await sendTask('Tom', 'n8n_agent', 'Summarize #42');
		const { items, error } = await c.run({ resource: 'task', operation: 'respond', taskId: id, state: 'completed', text: 'Done: retries fixed.' });
		expect(error).toBeUndefined();
		expect((await c.sent())[0].body).toEqual(envelope('tasks/respond', { id, state: 'completed', artifacts: [{ parts: [{ kind: 'text', text: 'Done: retries fixed.' }] }] }));
		expect(items[0].json).toMatchObject({ id, state: 'completed', result_text: 'Done: retries fixed.' });
		expect((await rpcCall('/a2a', 'tasks/get', { id }, 'Tom')).result.state).toBe('completed');
	});

	test('Input Required and Failed send an agent message; Working sends no text; a question needs a text', async () => {
		const a = await sendTask('Tom', 'n8n_agent', 'a');
		await c.run({ resource: 'task', operation: 'respond', taskId: a, state: 'input-required', text: 'Which repo?' });
		expect(((await c.sent())[0].body as { params?: unknown }).params).toEqual({ id: a, state: 'input-required', message: msg('Which repo?', 'agent') });
		const b = await sendTask('Tom', 'n8n_agent', 'b');
		const working = await c.run({ resource: 'task', operation: 'respond', taskId: b, state: 'working', text: 'ignored' });
		expect(((await c.sent())[0].body as { params?: unknown }).params).toEqual({ id: b, state: 'working' });
		expect(working.items[0].json.state).toBe('working');
		const failed = await c.run({ resource: 'task', operation: 'respond', taskId: b, state: 'failed', text: 'No access.' });
		expect(failed.error).toBeUndefined();
		expect(((await c.sent())[0].body as { params?: unknown }).params).toEqual({ id: b, state: 'failed', message: msg('No access.', 'agent') });
		expect(failed.items[0].json).toMatchObject({ state: 'failed', text: 'No access.' });
		await c.refused({ resource: 'task', operation: 'respond', taskId: a, state: 'failed', text: ' ' }, /^Text \(text\) is required when the state is failed/);
	});

	test('Cancel: tasks/cancel; a final task cannot be canceled (-32002)', async () => {
		const id = await sendTask('Tom', 'n8n_agent', 'c');
		const { items } = await c.run({ resource: 'task', operation: 'cancel', taskId: id });
		expect((await c.sent())[0].body).toEqual(envelope('tasks/cancel', { id }));
		expect(items[0].json.state).toBe('canceled');
		const again = await c.run({ resource: 'task', operation: 'cancel', taskId: id });
		expect(again.error?.description).toMatch(/^JSON-RPC error -32002/);
	});
});

describe('Task → Update Agent Card', () => {
	test('card/update with the skills; the public card lists them', async () => {
		const skills = { skill: [{ id: 'crosspost', name: 'Cross-post', description: 'Posts text to Clawtter, ClawNet and X' }, { id: 'digest', name: 'Digest', description: '' }] };
		const { items, error } = await c.run({ resource: 'task', operation: 'updateAgentCard', skills });
		expect(error).toBeUndefined();
		expect((await c.sent())[0].body).toEqual(envelope('card/update', { skills: skills.skill }));
		expect(items[0].json.card).toMatchObject({ name: 'n8n_agent', skills: [{ id: 'crosspost' }, { id: 'digest' }] });
		const card = await c.api('GET', '/a2a/n8n_agent/.well-known/agent-card.json');
		expect(card.skills.map((s: Json) => s.id)).toEqual(['crosspost', 'digest']);
	});

	test('no skill, a repeated or malformed ID are refused before sending', async () => {
		await c.refused({ resource: 'task', operation: 'updateAgentCard', skills: {} }, /^Skills \(skills\) needs at least one skill/);
		await c.refused({ resource: 'task', operation: 'updateAgentCard', skills: { skill: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] } }, /^Skill 2 ID .* repeats "a"/);
		await c.refused({ resource: 'task', operation: 'updateAgentCard', skills: { skill: [{ id: 'a b', name: 'A' }] } }, /^Skill 1 ID/);
	});
});
