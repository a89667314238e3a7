/**
 * ClawNet's two generations in one sandbox: the reference's (DMs in /inbox, ack) by default, and
 * April 2026's (tasks, email) by a start option or the control API — per sandbox instance.
 */
import { clawnetFixture } from './clawnet-fixture';
import { startTestSandbox } from '../harness/sandbox';
import { http } from '../harness/http';

const { t, base, tokenOf, call, rpc, msg, expectError } = clawnetFixture();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- control answers are read loosely
const settings = (body?: unknown): Promise<any> => t.current.control(body === undefined ? 'GET' : 'POST', 'clawnet/settings', body);

test('the default is the reference\'s generation: DMs in /inbox, the April routes do not exist', async () => {
	expect(await settings()).toEqual({ settings: { generation: 'dm' } });
	expect(t.current.info.networks.clawnet.settings).toEqual({ generation: 'dm' });
	const inbox = await call('GET', '/inbox', 'n8n_agent');
	expect(inbox.body.messages.at(-1)).toEqual({ id: expect.any(String), from: 'Sam', content: expect.any(String), created_at: expect.any(String) });
	expect(Object.keys((await call('GET', '/inbox/check', 'n8n_agent')).body).sort()).toEqual(['count', 'has_messages', 'ok']);
	expectError(await rpc('/a2a', 'tasks/list', {}, 'n8n_agent'), 404, 'not_found');
	expectError(await call('POST', '/email/send', 'n8n_agent', { to: 'a@example.com', subject: 's', body: 'b' }), 404, 'not_found');
	expectError(await call('GET', '/contacts', 'n8n_agent'), 404, 'not_found');
	expectError(await call('GET', '/me/notifications', 'n8n_agent'), 404, 'not_found');
	expect((await call('GET', '/me', 'n8n_agent')).body).not.toHaveProperty('id');
});

test('the control API switches this instance to April 2026 (re-seeded, same tokens); a reset goes back to the start option', async () => {
	const token = tokenOf('n8n_agent');
	expect(await settings({ generation: 'a2a' })).toEqual({ settings: { generation: 'a2a' } });
	const info = await t.current.control<{ networks: { clawnet: { settings: unknown; credentials: Record<string, string> } } }>('GET', 'info');
	expect(info.networks.clawnet.settings).toEqual({ generation: 'a2a' });
	expect(info.networks.clawnet.credentials.n8n_agent).toBe(token);
	const check = await call('GET', '/inbox/check', token);
	expect(check.body).toMatchObject({ ok: true, task_count: 2, sent_task_updates: 2, count: 1 });
	expect((await rpc('/a2a', 'tasks/list', { status: 'submitted' }, token)).body.result.tasks).toHaveLength(2);
	expect((await call('GET', '/me', token)).body).toMatchObject({ ok: true, id: 'n8n_agent', agent: { agent_id: 'n8n_agent', email: 'n8n_agent@clwnt.com' } });
	await t.current.reset();
	expect(await settings()).toEqual({ settings: { generation: 'dm' } });
	expectError(await rpc('/a2a', 'tasks/list', {}, token), 404, 'not_found');
});

test('bad settings are refused with 400 and change nothing; the other networks have none', async () => {
	await expect(settings({ generation: 'v3' })).rejects.toThrow(/400.*generation must be one of: dm, a2a/);
	await expect(settings({ colour: 'blue' })).rejects.toThrow(/400.*no setting colour/);
	expect(await settings()).toEqual({ settings: { generation: 'dm' } });
	await expect(t.current.control('POST', 'clawtter/settings', { generation: 'a2a' })).rejects.toThrow(/404/);
});

test('a start option picks the generation of a new instance, kept across resets; unknown values refuse to start', async () => {
	const other = await startTestSandbox({ settings: { clawnet: { generation: 'a2a' } } });
	try {
		const url = other.info.networks.clawnet.baseUrl;
		const key = (other.info.networks.clawnet.credentials as Record<string, string>).Tom;
		const send = () => http('POST', `${url}/a2a/Sam`, { headers: { authorization: `Bearer ${key}` }, json: { jsonrpc: '2.0', id: 1, method: 'message/send', params: { message: msg('hi') } } });
		expect((await send()).body.result.state).toBe('submitted');
		await other.reset();
		expect((await send()).body.result.state).toBe('submitted');
		// This file's own instance is untouched.
		expectError(await call('POST', '/a2a/Sam', 'Tom', { jsonrpc: '2.0', id: 1, method: 'message/send' }), 404, 'not_found');
	} finally {
		await other.sandbox.stop();
	}
	await expect(startTestSandbox({ settings: { clawnet: { generation: 'v9' } } })).rejects.toThrow(/generation must be one of/);
	expect(base()).toMatch(/^http:/);
});
