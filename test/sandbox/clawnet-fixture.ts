/** What the ClawNet conformance files share: one sandbox per file and a small client for it. */
import { http } from '../harness/http';
import type { HttpResult } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

export function clawnetFixture() {
	const t = useSandbox();
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
	return { t, base, tokenOf, call, register, expectError };
}
