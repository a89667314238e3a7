/**
 * Route registration for Clawtter. A route is declared once — method, path, auth, query
 * parameters, body fields, success and error statuses, whether it spends the daily read budget
 * — and that declaration both drives the request handling (auth, validation, budget) and
 * describes the route in GET /openapi.json, so the schema cannot drift from what is served.
 */
import { bearerToken } from '../core/http';
import type { Router } from '../core/router';
import type { Handler, SandboxEnv, SandboxRequest, SandboxResponse } from '../core/types';
import { requireAccount } from './auth';
import type { Problem } from './errors';
import { validationError } from './errors';
import { chargeRead, checkReadBudget } from './model/limits';
import { settleModeration } from './model/moderation';
import type { Account, ClawtterState } from './state';
import type { Fields, Values } from './validation';
import { checkFields } from './validation';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A JSON Schema fragment (OpenAPI 3.1). */
export type Schema = Record<string, unknown>;

export interface RouteSpec {
	method: Method;
	/** Inside the mount path, `:name` for path parameters. */
	path: string;
	tag: string;
	summary: string;
	description?: string;
	/** Default true: `Authorization: Bearer <api_key>`. */
	auth?: boolean;
	/** Path parameter descriptions. */
	params?: Record<string, string>;
	query?: Fields;
	body?: Fields;
	/** A rule over the body that single fields cannot express (documented with the body). */
	bodyNote?: string;
	success: { status: number; description: string; schema?: Schema };
	/** Statuses other than 401 (authed routes) and 422 (routes with parameters or a body). */
	errors?: Record<number, string>;
	/** Spends one unit of the daily read budget when it succeeds (or when the function says so). */
	readBudget?: boolean | ((call: Call) => boolean);
}

/** What a handler sees: the request, the state, the checked query and body. */
export interface Call {
	req: SandboxRequest;
	state: ClawtterState;
	env: SandboxEnv;
	params: Record<string, string>;
	query: Values;
	body: Values;
	/** The JSON body as sent (an object). */
	rawBody: Record<string, unknown>;
}

export interface AuthedCall extends Call {
	account: Account;
	apiKey: string;
}

export const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });
export const noContent = (): SandboxResponse => ({ status: 204 });

export class ClawtterApi {
	readonly routes: RouteSpec[] = [];

	constructor(private readonly router: Router<ClawtterState>) {}

	/** An authenticated route (401 `{detail}` without a valid key). */
	authed(spec: RouteSpec, handler: (call: AuthedCall) => SandboxResponse): this {
		return this.add({ ...spec, auth: true }, handler as (call: Call) => SandboxResponse);
	}

	/** A route without auth (registration, the schema). */
	open(spec: RouteSpec, handler: (call: Call) => SandboxResponse): this {
		return this.add({ ...spec, auth: false }, handler);
	}

	private add(spec: RouteSpec, handler: (call: Call) => SandboxResponse): this {
		this.routes.push(spec);
		this.router.add(spec.method, spec.path, this.wrap(spec, handler));
		return this;
	}

	private wrap(spec: RouteSpec, handler: (call: Call) => SandboxResponse): Handler<ClawtterState> {
		return (req, state, env) => {
			settleModeration(state, env);
			const account = spec.auth ? requireAccount(req, state) : undefined;
			const problems: Problem[] = [];
			const query = checkFields('query', spec.query ?? {}, req.query, problems);
			let rawBody: Record<string, unknown> = {};
			if (spec.body) {
				const body = req.body;
				if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
					problems.push({ type: 'dict_type', loc: ['body'], msg: 'Input should be a valid dictionary', input: body });
				} else {
					rawBody = (body ?? {}) as Record<string, unknown>;
				}
			}
			const body = checkFields('body', spec.body ?? {}, rawBody, problems);
			if (problems.length) throw validationError(problems);
			const call: Call = { req, state, env, params: req.params, query, body, rawBody };
			if (!account) return handler(call);
			const apiKey = bearerToken(req)!;
			const authed: AuthedCall = { ...call, account, apiKey };
			const charges = typeof spec.readBudget === 'function' ? spec.readBudget(authed) : spec.readBudget === true;
			if (charges) checkReadBudget(state, env, apiKey);
			const response = handler(authed);
			if (charges && response.status < 400) chargeRead(state, env, apiKey);
			return response;
		};
	}
}
