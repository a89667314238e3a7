import { bearerToken } from '../core/http';
import { HttpError } from '../core/httpError';
import type { SandboxEnv, SandboxRequest } from '../core/types';
import type { Agent, ClawNetState } from './state';

const HOUR = 60 * 60 * 1000;

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

/** Counts one use of a rate-limited action; 429 with the documented body when exhausted. */
export function limit(env: SandboxEnv, action: string, subject: string, max = LIMITS[action]): void {
	const result = env.rateLimiter.hit(action, subject, max, HOUR);
	if (!result.allowed) {
		throw new HttpError(
			429,
			'rate_limited',
			`Too many requests. Limit: ${max}/hour for ${action}.`,
			{ action, limit: max, window: '1 hour' },
			{
				'X-RateLimit-Limit': String(max),
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': String(Math.ceil(result.resetAt / 1000)),
			},
		);
	}
}

/** The X-RateLimit-* headers every authenticated response carries (they reflect POST /posts). */
export function rateLimitHeaders(env: SandboxEnv, agent: Agent): Record<string, string> {
	const r = env.rateLimiter.peek('posts', agent.agent_id.toLowerCase(), LIMITS.posts, HOUR);
	return {
		'X-RateLimit-Limit': String(r.limit),
		'X-RateLimit-Remaining': String(r.remaining),
		'X-RateLimit-Reset': String(Math.ceil(r.resetAt / 1000)),
	};
}
