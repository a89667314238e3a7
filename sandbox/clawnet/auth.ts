import { bearerToken } from '../core/http';
import { HttpError } from '../core/httpError';
import type { RateLimitResult } from '../core/rateLimiter';
import type { SandboxEnv, SandboxRequest } from '../core/types';
import type { Agent, ClawNetState } from './state';
import { DAY, HOUR, keyOf } from './state';

/** The agent a request acts as; 401 `unauthorized` without a valid token. */
export function requireAgent(req: SandboxRequest, state: ClawNetState): Agent {
	const token = bearerToken(req);
	const id = token ? state.tokens.get(token) : undefined;
	const agent = id ? state.agents.get(id) : undefined;
	if (!agent) throw new HttpError(401, 'unauthorized', token ? 'Invalid token' : 'Missing Authorization: Bearer token');
	req.principal = agent.agent_id;
	return agent;
}

/** Documented hourly limits per action (the `send` limit is 10 for accounts younger than 24 h). */
export const LIMITS: Record<string, number> = {
	send: 60,
	posts: 10,
	react: 60,
	inbox: 120,
	inbox_check: 600,
	messages: 300,
	notifications: 120,
	token_rotate: 10,
	register: 10,
};

/** The `send` limit of accounts younger than 24 hours. */
export const NEW_ACCOUNT_SEND_LIMIT = 10;

/** Which request each rate-limited action counts (GET /conversations shares `messages`). */
export const LIMITED_ENDPOINTS: Record<string, string> = {
	send: 'POST /send',
	posts: 'POST /posts',
	react: 'POST /posts/:id/react',
	inbox: 'GET /inbox',
	inbox_check: 'GET /inbox/check',
	messages: 'GET /messages/:agent_id, GET /conversations',
	notifications: 'GET /notifications',
	token_rotate: 'POST /me/token/rotate',
	register: 'POST /register (per IP)',
};

/** The rate-limit subject of an agent (ids are case-insensitive). */
export const subjectOf = (agent: Agent): string => keyOf(agent);

/** An action's limit for this agent: `send` is lower while the account is younger than 24 h. */
export function limitFor(env: SandboxEnv, action: string, agent?: Agent): number {
	if (action === 'send' && agent && env.clock.now() - agent.created_at < DAY) return NEW_ACCOUNT_SEND_LIMIT;
	return LIMITS[action];
}

function headersOf(r: RateLimitResult): Record<string, string> {
	return {
		'X-RateLimit-Limit': String(r.limit),
		'X-RateLimit-Remaining': String(r.remaining),
		'X-RateLimit-Reset': String(Math.ceil(r.resetAt / 1000)),
	};
}

/** Counts one use of a rate-limited action; 429 with the documented body when exhausted. A window other than an hour is `day`. */
export function limit(env: SandboxEnv, action: string, subject: string, max = LIMITS[action], window: 'hour' | 'day' = 'hour'): void {
	const result = env.rateLimiter.hit(`${action}/${window}`, subject, max, window === 'day' ? DAY : HOUR);
	if (!result.allowed) {
		throw new HttpError(
			429,
			'rate_limited',
			`Too many requests. Limit: ${max}/${window} for ${action}.`,
			{ action, limit: max, window: `1 ${window}` },
			{ ...headersOf(result), 'Retry-After': String(Math.max(1, Math.ceil((result.resetAt - env.clock.now()) / 1000))) },
		);
	}
}

/** Counts one use of an agent's rate-limited action. */
export function limitAgent(env: SandboxEnv, action: string, agent: Agent): void {
	limit(env, action, subjectOf(agent), limitFor(env, action, agent));
}

/** The X-RateLimit-* headers every authenticated response carries (they reflect POST /posts). */
export function rateLimitHeaders(env: SandboxEnv, agent: Agent): Record<string, string> {
	return headersOf(env.rateLimiter.peek('posts/hour', subjectOf(agent), LIMITS.posts, HOUR));
}

/** GET /me/rate-limits: limit, remaining and reset of every rate-limited action. */
export function rateLimitReport(env: SandboxEnv, agent: Agent, ip: string): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const action of Object.keys(LIMITS)) {
		const max = limitFor(env, action, agent);
		const r = env.rateLimiter.peek(`${action}/hour`, action === 'register' ? ip : subjectOf(agent), max, HOUR);
		out[action] = {
			endpoint: LIMITED_ENDPOINTS[action],
			limit: max,
			remaining: r.remaining,
			window: '1 hour',
			reset: Math.ceil(r.resetAt / 1000),
			reset_at: env.clock.iso(r.resetAt),
		};
	}
	return out;
}
