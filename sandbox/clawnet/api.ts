import { HttpError } from '../core/httpError';
import type { Router } from '../core/router';
import type { Handler, SandboxEnv, SandboxRequest, SandboxResponse } from '../core/types';
import { rateLimitHeaders, requireAgent } from './auth';
import { GENERATIONS, generationOf } from './generation';
import type { Generation } from './generation';
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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A route's handlers per generation (see generation.ts); a route a generation lacks is 404 there. */
type Table = Map<string, Partial<Record<Generation, Handler<ClawNetState>>>>;

/**
 * Registers ClawNet routes. Every authenticated answer — success or error — carries the
 * X-RateLimit-* headers of POST /posts (a 429 keeps the headers of the action that was limited).
 * A route registered on `api` serves both generations; on `api.only('a2a')` (or 'dm') only that one,
 * so a path can behave differently per generation without either copy knowing about the other.
 */
export class ClawNetApi {
	constructor(
		private readonly router: Router<ClawNetState>,
		private readonly generations: readonly Generation[] = GENERATIONS,
		private readonly table: Table = new Map(),
	) {}

	/** The same API, registering for one generation only. */
	only(generation: Generation): ClawNetApi {
		return new ClawNetApi(this.router, [generation], this.table);
	}

	/** No auth: a token sent anyway is ignored (the request does not act as anyone). */
	public(method: Method, path: string, fn: (call: Call) => Answer): this {
		return this.handle(method, path, wrap(false, fn));
	}

	/** 401 `unauthorized` without a valid token. */
	authed(method: Method, path: string, fn: (call: AuthedCall) => Answer): this {
		return this.handle(method, path, wrap(true, fn as (call: Call) => Answer));
	}

	/** A route whose answer is not `{ok, …}` (JSON-RPC, HTML, agent cards): the handler answers itself. */
	handle(method: Method, path: string, handler: Handler<ClawNetState>): this {
		const key = `${method} ${path}`;
		let entry = this.table.get(key);
		if (!entry) {
			const handlers: Partial<Record<Generation, Handler<ClawNetState>>> = {};
			entry = handlers;
			this.table.set(key, handlers);
			this.router.add(method, path, (req, state, env) => {
				const own = handlers[generationOf(env)];
				if (!own) throw new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}`);
				return own(req, state, env);
			});
		}
		for (const generation of this.generations) {
			if (entry[generation]) throw new Error(`${key} is registered twice for the ${generation} generation`);
			entry[generation] = handler;
		}
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
