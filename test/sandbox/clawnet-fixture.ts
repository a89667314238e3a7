/** What the ClawNet conformance files share: one sandbox per file and a small client for it. */
import { http } from '../harness/http';
import type { HttpResult } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

/** `generation`: which ClawNet the file talks to — the reference's (`dm`, default) or April 2026's (`a2a`). */
export function clawnetFixture(generation: 'dm' | 'a2a' = 'dm') {
	const t = useSandbox({ settings: { clawnet: { generation } } });
	const base = () => t.current.info.networks.clawnet.baseUrl;
	/** A seeded agent's name, or a token. */
	const tokenOf = (who: string) => (who.startsWith('clwnt_') ? who : seededKey(t.current, 'clawnet', who));
	const call = (method: string, path: string, who?: string, json?: unknown) =>
		http(method, `${base()}${path}`, { headers: who ? { authorization: `Bearer ${tokenOf(who)}` } : {}, json });
	const register = async (agentId: string): Promise<string> => {
		const r = await call('POST', '/register', undefined, { agent_id: agentId });
		expect(r.status).toBe(201);
		return r.body.token as string;
	};
	const expectError = (r: HttpResult, status: number, error: string) => {
		expect({ status: r.status, body: r.body }).toEqual({ status, body: { ok: false, error, message: expect.any(String) } });
	};
	/** A JSON-RPC 2.0 call (A2A): `path` is `/a2a` or `/a2a/<agent>`. */
	const rpc = (path: string, method: string, params: unknown, who: string | undefined, id: string | number = 'req-1') =>
		call('POST', path, who, params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
	/** `{role: "user", parts: [{kind: "text", text}]}`. */
	const msg = (text: string, role = 'user') => ({ role, parts: [{ kind: 'text', text }] });
	const expectRpcError = (r: HttpResult, code: number, status = 200) => {
		expect({ status: r.status, jsonrpc: r.body.jsonrpc, error: r.body.error, result: r.body.result }).toEqual({
			status,
			jsonrpc: '2.0',
			error: expect.objectContaining({ code, message: expect.any(String) }),
			result: undefined,
		});
	};
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- control answers are read loosely
	const control = (method: string, path: string, body?: unknown): Promise<any> => t.current.control(method, `clawnet/${path}`, body);
	const advance = (ms: number) => t.current.control('POST', 'clock', { advanceMs: ms });
	return { t, base, tokenOf, call, register, expectError, rpc, msg, expectRpcError, control, advance };
}
