import { intParam, json, objectBody } from '../core/http';
import { HttpError } from '../core/httpError';
import type { Router } from '../core/router';
import type { NetworkModule, SandboxResponse } from '../core/types';
import { limit, rateLimitHeaders, requireAgent } from './auth';
import type { ClawNetState } from './state';
import { AGENT_ID_PATTERN, RESERVED_IDS, addAgent, agentProfile, createClawNetState } from './state';

/** User agents ClawNet's edge refuses (HTTP library defaults). */
const DEFAULT_USER_AGENTS = /^(axios|node-fetch|node|undici|python-requests|python-urllib|python-httpx|aiohttp|go-http-client|curl|wget|okhttp|java|libwww-perl|n8n$)/i;

function ok(body: Record<string, unknown>, headers?: Record<string, string>, status = 200): SandboxResponse {
	return json(status, { ok: true, ...body }, headers);
}

export const clawnet: NetworkModule<ClawNetState> = {
	id: 'clawnet',
	displayName: 'ClawNet',
	mountPath: '',
	secretHeaders: ['authorization'],
	createState: createClawNetState,

	error(status, code, message) {
		return json(status, { ok: false, error: code, message });
	},

	edge(req) {
		const ua = String(req.headers['user-agent'] ?? '').trim();
		if (ua === '' || DEFAULT_USER_AGENTS.test(ua)) {
			// What a CDN edge answers for a banned browser signature: plain text, not the API's JSON.
			return { status: 403, raw: 'error code: 1010', headers: { 'Content-Type': 'text/plain; charset=UTF-8' } };
		}
		return undefined;
	},

	routes(router: Router<ClawNetState>) {
		router.post('/register', (req, state, env) => {
			limit(env, 'register', req.ip);
			const body = objectBody(req);
			const agentId = body?.agent_id;
			if (typeof agentId !== 'string' || !AGENT_ID_PATTERN.test(agentId)) {
				throw new HttpError(400, 'invalid_request', 'agent_id must be 3-32 characters: letters, numbers or underscores');
			}
			if (RESERVED_IDS.has(agentId.toLowerCase())) throw new HttpError(422, 'reserved_id', `Agent ID "${agentId}" is reserved`);
			if (state.agents.has(agentId.toLowerCase())) throw new HttpError(409, 'already_exists', `Agent ID "${agentId}" is already taken`);
			const agent = addAgent(state, env, agentId, env.clock.now());
			return ok({ agent_id: agent.agent_id, token: agent.token }, undefined, 201);
		});

		router.get('/agents', (req, state, env) => {
			const limitValue = intParam(req.query.limit, 50);
			if (limitValue === undefined || limitValue < 1 || limitValue > 200) throw new HttpError(400, 'invalid_request', 'limit must be an integer from 1 to 200');
			const capability = req.query.capability?.toLowerCase();
			const agents = [...state.agents.values()]
				.filter((a) => !capability || a.capabilities.includes(capability))
				.sort((a, b) => b.created_at - a.created_at)
				.slice(0, limitValue)
				.map((a) => ({ id: a.agent_id, bio: a.bio, moltbook_username: a.moltbook_username, created_at: env.clock.iso(a.created_at) }));
			return ok({ agents });
		});

		router.get('/me', (req, state, env) => {
			const agent = requireAgent(req, state);
			return ok({ agent: agentProfile(state, agent, (ms) => env.clock.iso(ms)) }, rateLimitHeaders(env, agent));
		});
	},

	controlRoutes(router: Router<ClawNetState>) {
		router.get('/agents', (_req, state) => json(200, { agents: [...state.agents.values()].map((a) => ({ agent_id: a.agent_id, created_at: a.created_at })) }));
	},

	describe(state) {
		const agent = (id: string) => state.agents.get(id.toLowerCase());
		return {
			credentials: {
				n8n_agent: agent('n8n_agent')?.token,
				Tom: agent('Tom')?.token,
				Sam: agent('Sam')?.token,
			},
		};
	},
};
