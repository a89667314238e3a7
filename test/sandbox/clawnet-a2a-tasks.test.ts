/**
 * ClawNet conformance, April 2026 generation — A2A tasks over JSON-RPC 2.0 (clawnet-current.md,
 * "A2A"): message/send on /a2a/:agent, tasks/list|get|respond|cancel|count, card/update and
 * tasks/send-external on /a2a, POST /send creating a task, the states and their transitions,
 * the 7-day expiry, agent cards, and JSON-RPC errors.
 */
import { http } from '../harness/http';
import { clawnetFixture } from './clawnet-fixture';

const { base, tokenOf, call, register, expectError, rpc, msg, expectRpcError, control, advance } = clawnetFixture('a2a');

const DAY = 24 * 3600 * 1000;

/** Sends a task as `from` to `to`; its id. */
async function send(from: string, to: string, text: string): Promise<string> {
	const r = await rpc(`/a2a/${to}`, 'message/send', { message: msg(text) }, from);
	expect(r.body.error).toBeUndefined();
	return r.body.result.id;
}

describe('message/send on /a2a/:agent', () => {
	test('the plugin\'s request starts a task: A2A task shape plus from, to, state, trustTier, contact', async () => {
		const r = await rpc('/a2a/Tom', 'message/send', { message: msg('Can you review PR #7?') }, 'Sam', 'plugin-1712345678901-ab12');
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ jsonrpc: '2.0', id: 'plugin-1712345678901-ab12', result: expect.any(Object) });
		const task = r.body.result;
		expect(task).toMatchObject({
			kind: 'task',
			id: expect.stringMatching(/^task_[0-9a-f]+$/),
			contextId: expect.any(String),
			status: { state: 'submitted', timestamp: expect.any(String) },
			state: 'submitted',
			history: [{ kind: 'message', role: 'user', parts: [{ kind: 'text', text: 'Can you review PR #7?' }], messageId: expect.any(String), taskId: task.id, contextId: task.contextId }],
			artifacts: [],
			from: 'Sam',
			to: 'Tom',
			trustTier: 'public',
			contact: expect.objectContaining({ type: 'agent', handle: 'Tom', trust_tier: 'public' }),
		});
		expect(Date.parse(task.metadata.expires_at) - Date.parse(task.metadata.created_at)).toBe(7 * DAY);
		expect(r.headers['x-ratelimit-limit']).toBe('10');
	});

	test('the recipient finds it with the plugin\'s poll (tasks/list {status: "submitted"}), the sender with role sender', async () => {
		const sam = await register('Asker');
		const id = await send(sam, 'Tom', 'hello');
		const incoming = await rpc('/a2a', 'tasks/list', { status: 'submitted', limit: 100 }, 'Tom');
		expect(incoming.body.result.tasks.map((t: { id: string }) => t.id)).toContain(id);
		const [mine] = incoming.body.result.tasks.filter((t: { id: string }) => t.id === id);
		expect(mine.history.at(-1).parts[0].text).toBe('hello');
		expect(mine.contact).toMatchObject({ handle: 'Asker', type: 'agent' });
		const pending = await rpc('/a2a', 'tasks/list', { role: 'recipient', status: 'submitted,working' }, 'Tom');
		expect(pending.body.result.tasks.map((t: { id: string }) => t.id)).toContain(id);
		const sent = await rpc('/a2a', 'tasks/list', { role: 'sender' }, sam);
		expect(sent.body.result.tasks.map((t: { id: string }) => t.id)).toEqual([id]);
		expect(sent.body.result.total).toBe(1);
		const none = await rpc('/a2a', 'tasks/list', { role: 'sender', status: 'completed' }, sam);
		expect(none.body.result).toEqual({ tasks: [], total: 0 });
	});

	test('the full lifecycle: input-required → the sender continues (taskId) → submitted → working → completed with an artifact', async () => {
		const id = await send('Sam', 'Tom', 'Summarize the thread');
		const ask = await rpc('/a2a', 'tasks/respond', { id, state: 'input-required', message: msg('Which thread?', 'agent') }, 'Tom');
		expect(ask.body.result).toMatchObject({ state: 'input-required', status: { state: 'input-required', message: { role: 'agent', parts: [{ kind: 'text', text: 'Which thread?' }] } } });
		const updates = await rpc('/a2a', 'tasks/list', { role: 'sender', status: 'input-required,completed,failed', limit: 100 }, 'Sam');
		expect(updates.body.result.tasks.map((t: { id: string; state: string }) => [t.id, t.state])).toEqual([[id, 'input-required']]);

		const more = await rpc('/a2a/Tom', 'message/send', { message: msg('The #python one'), taskId: id }, 'Sam');
		expect(more.body.result).toMatchObject({ id, state: 'submitted' });
		expect(more.body.result.history.map((m: { role: string }) => m.role)).toEqual(['user', 'agent', 'user']);

		expect((await rpc('/a2a', 'tasks/respond', { id, state: 'working' }, 'Tom')).body.result.state).toBe('working');
		const done = await rpc('/a2a', 'tasks/respond', { id, state: 'completed', artifacts: [{ parts: [{ kind: 'text', text: 'Summary: asyncio.TaskGroup.' }] }] }, 'Tom');
		expect(done.body.result).toMatchObject({ state: 'completed', artifacts: [{ artifactId: expect.any(String), parts: [{ kind: 'text', text: 'Summary: asyncio.TaskGroup.' }] }] });
		const got = await rpc('/a2a', 'tasks/get', { id }, 'Sam');
		expect(got.body.result).toMatchObject({ id, state: 'completed', status: { state: 'completed' } });
		// The plugin's tasks/get goes to the caller's own endpoint.
		expect((await rpc('/a2a/Sam', 'tasks/get', { id }, 'Sam')).body.result.state).toBe('completed');
	});

	test('failed with a message; a final task cannot change (-32602), continue (-32004) or be canceled (-32002)', async () => {
		const id = await send('Sam', 'Tom', 'Do the impossible');
		const failed = await rpc('/a2a', 'tasks/respond', { id, state: 'failed', message: msg('Cannot do that', 'agent') }, 'Tom');
		expect(failed.body.result).toMatchObject({ state: 'failed', status: { message: { parts: [{ text: 'Cannot do that' }] } } });
		expectRpcError(await rpc('/a2a', 'tasks/respond', { id, state: 'completed' }, 'Tom'), -32602);
		expectRpcError(await rpc('/a2a/Tom', 'message/send', { message: msg('again?'), taskId: id }, 'Sam'), -32004);
		expectRpcError(await rpc('/a2a', 'tasks/cancel', { id }, 'Sam'), -32002);
	});

	test('tasks/respond takes the message as a plain string too (the generic operation\'s form)', async () => {
		const id = await send('Sam', 'Tom', 'q');
		const r = await rpc('/a2a', 'tasks/respond', { id, state: 'input-required', message: 'Which one?' }, 'Tom');
		expect(r.body.result.status.message.parts).toEqual([{ kind: 'text', text: 'Which one?' }]);
	});

	test('tasks/cancel: either side cancels an open task → canceled', async () => {
		const a = await send('Sam', 'Tom', 'one');
		const b = await send('Sam', 'Tom', 'two');
		expect((await rpc('/a2a', 'tasks/cancel', { id: a }, 'Sam')).body.result.state).toBe('canceled');
		expect((await rpc('/a2a', 'tasks/cancel', { id: b }, 'Tom')).body.result.state).toBe('canceled');
	});

	test('only the recipient responds, only the sender continues; strangers get -32001', async () => {
		const id = await send('Sam', 'Tom', 'x');
		expectRpcError(await rpc('/a2a', 'tasks/respond', { id, state: 'completed' }, 'Sam'), -32602);
		expectRpcError(await rpc('/a2a/Sam', 'message/send', { message: msg('y'), taskId: id }, 'Tom'), -32001);
		expectRpcError(await rpc('/a2a', 'tasks/get', { id }, 'n8n_agent'), -32001);
		expectRpcError(await rpc('/a2a', 'tasks/get', { id: 'task_nope' }, 'Tom'), -32001);
		expectRpcError(await rpc('/a2a', 'tasks/cancel', { id }, 'n8n_agent'), -32001);
	});

	test('tasks/respond: only completed, input-required, working and failed are states to set', async () => {
		const id = await send('Sam', 'Tom', 'x');
		for (const state of ['canceled', 'submitted', 'done', undefined]) expectRpcError(await rpc('/a2a', 'tasks/respond', { id, state }, 'Tom'), -32602);
	});

	test('7-day expiry on the sandbox clock: an open task fails at expires_at, sender and recipient see it', async () => {
		const id = await send('Sam', 'Tom', 'slow');
		await advance(7 * DAY - 60000);
		expect((await rpc('/a2a', 'tasks/get', { id }, 'Sam')).body.result.state).toBe('submitted');
		await advance(60000);
		const got = await rpc('/a2a', 'tasks/get', { id }, 'Tom');
		expect(got.body.result).toMatchObject({ state: 'failed', status: { state: 'failed', message: { parts: [{ text: expect.stringMatching(/expired/i) }] } }, metadata: { expired: true } });
		expect(got.body.result.status.timestamp).toBe(got.body.result.metadata.expires_at);
		// A final task is not touched by expiry.
		const done = await send('Sam', 'Tom', 'quick');
		await rpc('/a2a', 'tasks/respond', { id: done, state: 'completed' }, 'Tom');
		await advance(8 * DAY);
		expect((await rpc('/a2a', 'tasks/get', { id: done }, 'Sam')).body.result.state).toBe('completed');
	});

	test('tasks/count and the list limit (default 50, 1–100)', async () => {
		const sam = await register('Counter');
		for (let i = 0; i < 3; i++) await send(sam, 'Tom', `t${i}`);
		const seeded = (await rpc('/a2a', 'tasks/count', {}, 'Tom')).body.result.count;
		expect((await rpc('/a2a', 'tasks/count', { status: 'submitted' }, 'Tom')).body.result.count).toBeGreaterThanOrEqual(3);
		expect((await rpc('/a2a', 'tasks/count', { role: 'sender' }, sam)).body.result).toEqual({ count: 3 });
		expect(seeded).toBeGreaterThanOrEqual(3);
		expect((await rpc('/a2a', 'tasks/list', { role: 'sender', limit: 2 }, sam)).body.result.tasks).toHaveLength(2);
		expectRpcError(await rpc('/a2a', 'tasks/list', { limit: 101 }, 'Tom'), -32602);
		expectRpcError(await rpc('/a2a', 'tasks/list', { status: 'pending' }, 'Tom'), -32602);
		expect((await rpc('/a2a', 'tasks/list', { status: 'all', role: 'sender' }, sam)).body.result.total).toBe(3);
	});

	test('newest state change first', async () => {
		const sam = await register('Orderly');
		const a = await send(sam, 'Tom', 'a');
		const b = await send(sam, 'Tom', 'b');
		await rpc('/a2a', 'tasks/respond', { id: a, state: 'working' }, 'Tom');
		const list = await rpc('/a2a', 'tasks/list', { role: 'sender' }, sam);
		expect(list.body.result.tasks.map((t: { id: string }) => t.id)).toEqual([a, b]);
	});

	test('a task to the ClawNet agent is answered at once (its commands), to yourself is -32602, to nobody 404', async () => {
		const r = await rpc('/a2a/ClawNet', 'message/send', { message: msg('list follows') }, 'Sam');
		expect(r.body.result).toMatchObject({ state: 'completed', artifacts: [{ parts: [{ text: 'You do not follow any Moltbook posts.' }] }] });
		expectRpcError(await rpc('/a2a/Sam', 'message/send', { message: msg('me') }, 'Sam'), -32602);
		expectRpcError(await rpc('/a2a/Nobody_here', 'message/send', { message: msg('hi') }, 'Sam'), -32602, 404);
	});

	test('a blocked sender is refused (contact trust tier blocked, or POST /block)', async () => {
		await send('Sam', 'Tom', 'first');
		const { contacts } = (await call('GET', '/contacts?type=agent', 'Tom')).body;
		const sam = contacts.find((c: { handle: string }) => c.handle === 'Sam');
		await call('PATCH', `/contacts/${sam.id}`, 'Tom', { trust_tier: 'blocked' });
		const refused = await rpc('/a2a/Tom', 'message/send', { message: msg('again') }, 'Sam');
		expectRpcError(refused, -32000);
		expect(refused.body.error.data).toMatchObject({ error: 'blocked' });
		await call('POST', '/block', 'n8n_agent', { agent_id: 'Sam' });
		expectRpcError(await rpc('/a2a/n8n_agent', 'message/send', { message: msg('hi') }, 'Sam'), -32000);
		// The trusted tier shows on the recipient's side.
		await call('PATCH', `/contacts/${sam.id}`, 'Tom', { trust_tier: 'trusted' });
		const id = await send('Sam', 'Tom', 'trusted now');
		const [task] = (await rpc('/a2a', 'tasks/list', { status: 'submitted' }, 'Tom')).body.result.tasks.filter((t: { id: string }) => t.id === id);
		expect(task).toMatchObject({ trustTier: 'trusted', contact: { trust_tier: 'trusted' } });
	});

	test('message checks: a message object or string with text, ≤ 10,000 characters', async () => {
		for (const message of [undefined, {}, { role: 'user', parts: [] }, { role: 'user', parts: [{ kind: 'file', file: {} }] }, '   ']) {
			expectRpcError(await rpc('/a2a/Tom', 'message/send', { message }, 'Sam'), -32602);
		}
		expect((await rpc('/a2a/Tom', 'message/send', { message: msg('🦞'.repeat(10000)) }, 'Sam')).body.result.state).toBe('submitted');
		expectRpcError(await rpc('/a2a/Tom', 'message/send', { message: msg('x'.repeat(10001)) }, 'Sam'), -32602);
	});
});

describe('JSON-RPC envelope and errors', () => {
	test('not JSON → -32700; not a request → -32600; unknown method → -32601; params not an object → -32602', async () => {
		const auth = { authorization: `Bearer ${tokenOf('Tom')}`, 'content-type': 'application/json' };
		const parse = await http('POST', `${base()}/a2a`, { headers: auth, body: '{"jsonrpc": "2.0", "method": ' });
		expect(parse.status).toBe(200);
		expect(parse.body).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: expect.any(String) } });
		expectRpcError(await call('POST', '/a2a', 'Tom', { id: 1, method: 'tasks/list' }), -32600);
		expectRpcError(await call('POST', '/a2a', 'Tom', [{ jsonrpc: '2.0', id: 1, method: 'tasks/list' }]), -32600);
		const unknown = await rpc('/a2a', 'tasks/resubscribe', {}, 'Tom', 7);
		expectRpcError(unknown, -32601);
		expect(unknown.body.id).toBe(7);
		expectRpcError(await call('POST', '/a2a', 'Tom', { jsonrpc: '2.0', id: 1, method: 'tasks/list', params: [1] }), -32602);
		// message/send belongs to an agent's endpoint, tasks/respond to your own.
		expectRpcError(await rpc('/a2a', 'message/send', { message: msg('x') }, 'Tom'), -32601);
		expectRpcError(await rpc('/a2a/Sam', 'tasks/respond', { id: 'x', state: 'completed' }, 'Tom'), -32601);
	});

	test('no or a wrong token: HTTP 401 with a JSON-RPC error body', async () => {
		const none = await rpc('/a2a', 'tasks/list', {}, undefined, 'r1');
		expectRpcError(none, -32000, 401);
		expect(none.body.id).toBe('r1');
		expect(none.body.error.data).toEqual({ error: 'unauthorized' });
		expectRpcError(await rpc('/a2a/Tom', 'message/send', { message: msg('x') }, 'clwnt_wrong'), -32000, 401);
	});

	test('the send budget (60/hour, 10 for new accounts) answers 429 with a JSON-RPC body and the rate-limit headers', async () => {
		const token = await register('Fresh_one');
		for (let i = 0; i < 10; i++) expect((await rpc('/a2a/Tom', 'message/send', { message: msg(`m${i}`) }, token)).status).toBe(200);
		const limited = await rpc('/a2a/Tom', 'message/send', { message: msg('one more') }, token);
		expectRpcError(limited, -32000, 429);
		expect(limited.body.error.data).toMatchObject({ error: 'rate_limited', action: 'send', limit: 10 });
		expect(limited.headers['retry-after']).toBeDefined();
	});
});

describe('POST /send (April 2026)', () => {
	test('{to, message} starts a task for the recipient; the answer names it', async () => {
		const r = await call('POST', '/send', 'Sam', { to: 'tom', message: 'Hello!' });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ ok: true, id: expect.stringMatching(/^task_/), state: 'submitted', task: { from: 'Sam', to: 'Tom', history: [{ parts: [{ text: 'Hello!' }] }] } });
		const incoming = await rpc('/a2a', 'tasks/list', { status: 'submitted' }, 'Tom');
		expect(incoming.body.result.tasks.map((t: { id: string }) => t.id)).toContain(r.body.id);
		// Nothing reaches the inbox: it holds email.
		const inbox = await call('GET', '/inbox?status=all', 'Tom');
		expect(inbox.body.messages.map((m: { id: string }) => m.id)).not.toContain(r.body.id);
	});

	test('the reference\'s checks stay', async () => {
		expectError(await call('POST', '/send', 'Sam', { to: 'Tom' }), 400, 'invalid_request');
		expectError(await call('POST', '/send', 'Sam', { to: 'Nobody_here', message: 'x' }), 404, 'not_found');
		expectError(await call('POST', '/send', 'Sam', { to: 'Sam', message: 'x' }), 400, 'invalid_request');
		expectError(await call('POST', '/send', 'Sam', { to: 'Tom', message: 'x'.repeat(10001) }), 400, 'invalid_request');
	});
});

describe('agent cards', () => {
	test('card/update sets the skills of the agent\'s A2A card, served at /a2a/:agent/.well-known/agent-card.json', async () => {
		const skills = [{ id: 'crosspost', name: 'Cross-post', description: 'Posts text to Clawtter, ClawNet and X' }];
		const r = await rpc('/a2a', 'card/update', { skills }, 'n8n_agent');
		expect(r.body.result.card).toMatchObject({ name: 'n8n_agent', skills: [{ ...skills[0], tags: [] }] });
		const card = await http('GET', `${base()}/a2a/n8n_agent/.well-known/agent-card.json`);
		expect(card.status).toBe(200);
		expect(card.body).toMatchObject({
			protocolVersion: '0.3.0',
			name: 'n8n_agent',
			description: 'Automations from n8n.',
			url: `${base()}/a2a/n8n_agent`,
			preferredTransport: 'JSONRPC',
			capabilities: { streaming: false, pushNotifications: false },
			defaultInputModes: ['text/plain'],
			defaultOutputModes: ['text/plain'],
			skills: [{ id: 'crosspost', name: 'Cross-post', description: 'Posts text to Clawtter, ClawNet and X', tags: [] }],
		});
		for (const bad of [undefined, [{ name: 'no id' }], [{ id: 'a', name: 'A' }, { id: 'a', name: 'again' }], 'skills']) {
			expectRpcError(await rpc('/a2a', 'card/update', { skills: bad }, 'n8n_agent'), -32602);
		}
	});

	test('an agent without card skills shows its capabilities; the catalog lists every agent; unknown agent 404', async () => {
		const card = await http('GET', `${base()}/a2a/Tom/.well-known/agent-card.json`);
		expect(card.body.skills.map((s: { id: string }) => s.id)).toEqual(['code-review', 'python']);
		const catalog = await http('GET', `${base()}/.well-known/agent-card.json`);
		expect(catalog.status).toBe(200);
		expect(catalog.body.agents).toEqual(expect.arrayContaining([{ name: 'Tom', description: expect.any(String), url: `${base()}/a2a/Tom`, card_url: `${base()}/a2a/Tom/.well-known/agent-card.json` }]));
		expectError(await http('GET', `${base()}/a2a/Nobody_here/.well-known/agent-card.json`), 404, 'not_found');
	});
});

describe('tasks/send-external', () => {
	test('https only, no private addresses; the task is stored for the sender and the remote\'s answer arrives later', async () => {
		expectRpcError(await rpc('/a2a', 'tasks/send-external', { url: 'http://agents.example/a2a', message: msg('x') }, 'Sam'), -32602);
		for (const url of ['https://localhost/a2a', 'https://127.0.0.1/a2a', 'https://10.1.2.3/a2a', 'https://192.168.1.1/a2a', 'https://[::1]/a2a', 'not a url']) {
			expectRpcError(await rpc('/a2a', 'tasks/send-external', { url, message: msg('x') }, 'Sam'), -32602);
		}
		const r = await rpc('/a2a', 'tasks/send-external', { url: 'https://agents.example/a2a/helper', message: msg('Translate "hello"') }, 'Sam');
		expect(r.body.result).toMatchObject({ state: 'submitted', from: 'Sam', to: 'https://agents.example/a2a/helper', metadata: { external_url: 'https://agents.example/a2a/helper', external_task_id: null } });
		const id = r.body.result.id;
		await control('POST', `tasks/${id}/external`, { state: 'completed', text: 'bonjour', remote_task_id: 'remote-1' });
		const got = await rpc('/a2a', 'tasks/get', { id }, 'Sam');
		expect(got.body.result).toMatchObject({ state: 'completed', artifacts: [{ parts: [{ text: 'bonjour' }] }], metadata: { external_task_id: 'remote-1' } });
		const { contacts } = (await call('GET', '/contacts?type=external', 'Sam')).body;
		expect(contacts.map((c: { handle: string }) => c.handle)).toEqual(['https://agents.example/a2a/helper']);
	});

	test('continuing an external task after input-required; 10 per hour', async () => {
		const r = await rpc('/a2a', 'tasks/send-external', { url: 'https://agents.example/a2a/helper', message: msg('first') }, 'Sam');
		await control('POST', `tasks/${r.body.result.id}/external`, { state: 'input-required', text: 'Which language?' });
		const more = await rpc('/a2a', 'tasks/send-external', { url: 'https://agents.example/a2a/helper', message: msg('French'), taskId: r.body.result.id }, 'Sam');
		expect(more.body.result).toMatchObject({ id: r.body.result.id, state: 'submitted' });
		for (let i = 2; i < 10; i++) expect((await rpc('/a2a', 'tasks/send-external', { url: 'https://agents.example/a2a/x', message: msg(`m${i}`) }, 'Sam')).body.error).toBeUndefined();
		const limited = await rpc('/a2a', 'tasks/send-external', { url: 'https://agents.example/a2a/x', message: msg('11th') }, 'Sam');
		expectRpcError(limited, -32000, 429);
	});
});
