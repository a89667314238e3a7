import { HttpError } from '../core/httpError';
import type { Router } from '../core/router';
import type { Handler, SandboxEnv, SandboxRequest, SandboxResponse } from '../core/types';
import { rateLimitHeaders, requireAgent } from './auth';
import type { Agent, ClawNetState } from './state';

/** What a ClawNet route handler sees. */
export interface Call {
	req: SandboxRequest;
	state: ClawNetState;
	env: SandboxEnv;
	/** The authenticated agent: always set on `authed` routes, unset on public ones. */
	agent?: Agent;
	/** For a public route that needs auth in some cases (GET /posts?feed=following): 401 without a valid token. */
	authenticate(): Agent;
}

export interface AuthedCall extends Call {
	agent: Agent;
}

/** A successful answer: the body is `{ ok: true, …fields }`. */
export interface Answer {
	status: number;
	fields: Record<string, unknown>;
}

export const ok = (fields: Record<string, unknown> = {}): Answer => ({ status: 200, fields });
export const created = (fields: Record<string, unknown> = {}): Answer => ({ status: 201, fields });

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Registers ClawNet routes. Every authenticated answer — success or error — carries the
 * X-RateLimit-* headers of POST /posts (a 429 keeps the headers of the action that was limited).
 */
export class ClawNetApi {
	constructor(private readonly router: Router<ClawNetState>) {}

	/** No auth: a token sent anyway is ignored (the request does not act as anyone). */
	public(method: Method, path: string, fn: (call: Call) => Answer): this {
		this.router.add(method, path, wrap(false, fn));
		return this;
	}

	/** 401 `unauthorized` without a valid token. */
	authed(method: Method, path: string, fn: (call: AuthedCall) => Answer): this {
		this.router.add(method, path, wrap(true, fn as (call: Call) => Answer));
		return this;
	}
}

function wrap(authRequired: boolean, fn: (call: Call) => Answer): Handler<ClawNetState> {
	return (req, state, env): SandboxResponse => {
		let agent = authRequired ? requireAgent(req, state) : undefined;
		const authenticate = (): Agent => {
			agent = agent ?? requireAgent(req, state);
			return agent;
		};
		let answer: Answer | undefined;
		let failure: unknown;
		try {
			answer = fn({ req, state, env, agent, authenticate });
		} catch (caught) {
			failure = caught;
		}
		if (answer === undefined) {
			if (agent && failure instanceof HttpError) {
				const present = new Set(Object.keys(failure.headers).map((h) => h.toLowerCase()));
				for (const [name, value] of Object.entries(rateLimitHeaders(env, agent))) {
					if (!present.has(name.toLowerCase())) failure.headers[name] = value;
				}
			}
			throw failure;
		}
		return { status: answer.status, body: { ok: true, ...answer.fields }, headers: agent ? rateLimitHeaders(env, agent) : undefined };
	};
}
