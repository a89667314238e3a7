/**
 * Review fixes, ClawNet: a settings change re-seeds with fresh new ids (as a reset does); only
 * April 2026's A2A endpoints answer a body that is not JSON with JSON-RPC's parse error, and only
 * after authentication; a DM that is not visible yet stays out of April's GET /inbox?type=dm.
 */
import { http } from '../harness/http';
import { clawnetFixture } from './clawnet-fixture';

const badBody = '{"jsonrpc": "2.0", "method": ';
const jsonHeaders = (token?: string) => ({ 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });

describe('reference generation (dm)', () => {
	const { t, base, tokenOf, call } = clawnetFixture('dm');

	test('two settings changes (each re-seeds ClawNet) give different new ids', async () => {
		const newDm = async () => {
			const r = await call('POST', '/send', 'Sam', { to: 'n8n_agent', message: 'hi' });
			expect(r.status).toBe(200);
			return r.body.id as string;
		};
		await t.current.control('POST', 'clawnet/settings', { generation: 'dm' });
		const first = await newDm();
		await t.current.control('POST', 'clawnet/settings', { generation: 'dm' });
		const second = await newDm();
		expect(second).toMatch(/^msg_[0-9a-f]{16}$/);
		expect(second).not.toBe(first);
	});

	test('POST /a2a does not exist: a broken body is the framework 400, a valid one 404', async () => {
		const broken = await http('POST', `${base()}/a2a`, { headers: jsonHeaders(tokenOf('Tom')), body: badBody });
		expect({ status: broken.status, body: broken.body }).toEqual({ status: 400, body: { ok: false, error: 'invalid_request', message: expect.any(String) } });
		const valid = await call('POST', '/a2a', 'Tom', { jsonrpc: '2.0', id: 1, method: 'tasks/list' });
		expect(valid.status).toBe(404);
	});
});

describe('April 2026 generation (a2a)', () => {
	const { base, tokenOf, call, control, advance } = clawnetFixture('a2a');

	test('a broken body without a valid token is 401 (JSON-RPC body), with one the parse error', async () => {
		for (const path of ['/a2a', '/a2a/Tom']) {
			for (const token of [undefined, 'clwnt_not_a_token']) {
				const r = await http('POST', `${base()}${path}`, { headers: jsonHeaders(token), body: badBody });
				expect(r.status).toBe(401);
				expect(r.body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000, data: { error: 'unauthorized' } } });
			}
			const parse = await http('POST', `${base()}${path}`, { headers: jsonHeaders(tokenOf('Sam')), body: badBody });
			expect(parse.status).toBe(200);
			expect(parse.body).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: expect.any(String) } });
		}
	});

	test('GET /inbox?type=dm lists a late DM only once it is visible', async () => {
		const { messages } = await control('POST', 'messages', { from: 'Sam', to: 'n8n_agent', text: 'late one', visible_after_ms: 60_000 });
		const listed = async () => ((await call('GET', '/inbox?type=dm&status=all', 'n8n_agent')).body.messages as Array<{ id: string }>).map((m) => m.id);
		expect(await listed()).not.toContain(messages[0].id);
		await advance(60_000);
		expect(await listed()).toContain(messages[0].id);
	});
});
