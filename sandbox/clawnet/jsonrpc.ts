/**
 * JSON-RPC 2.0 as ClawNet's A2A endpoints speak it (A2A v0.3.0 JSON-RPC binding): every answer
 * is `{jsonrpc: "2.0", id, result}` or `{jsonrpc: "2.0", id, error: {code, message, data?}}`.
 * Errors of the call itself travel with HTTP 200, as the A2A binding has it; only a missing or
 * invalid token (401) and an unknown agent endpoint (404) change the HTTP status, with the same
 * JSON-RPC body.
 */
import { bearerToken } from '../core/http';
import { HttpError } from '../core/httpError';
import type { Handler, SandboxEnv, SandboxRequest, SandboxResponse } from '../core/types';
import { rateLimitHeaders, requireAgent } from './auth';
import type { Agent, ClawNetState } from './state';

/** Standard JSON-RPC codes and the A2A ones (-32001 …). */
export const RPC = {
	parseError: -32700,
	invalidRequest: -32600,
	methodNotFound: -32601,
	invalidParams: -32602,
	internalError: -32603,
	taskNotFound: -32001,
	taskNotCancelable: -32002,
	unsupportedOperation: -32004,
	/** Implementation-defined (JSON-RPC's -32000…-32099 server range): authentication, refusals, rate limits. */
	serverError: -32000,
} as const;

/** Thrown by an RPC method: becomes the `error` member. `data.error` carries ClawNet's REST-style code. */
export class RpcError extends Error {
	constructor(
		readonly code: number,
		message: string,
		readonly data?: Record<string, unknown>,
		readonly httpStatus = 200,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

export const invalidParams = (message: string, data?: Record<string, unknown>): RpcError => new RpcError(RPC.invalidParams, message, data);
export const taskNotFound = (id: unknown): RpcError => new RpcError(RPC.taskNotFound, `Task not found: ${String(id)}`);

export interface RpcCall {
	req: SandboxRequest;
	state: ClawNetState;
	env: SandboxEnv;
	agent: Agent;
	params: Record<string, unknown>;
}

export type RpcMethod = (call: RpcCall) => unknown;

type Id = string | number | null;

function envelope(id: Id, member: { result: unknown } | { error: Record<string, unknown> }): Record<string, unknown> {
	return { jsonrpc: '2.0', id, ...member };
}

/** The JSON-RPC error answer of any failure. */
export function rpcFailure(id: Id, error: unknown, headers: Record<string, string> = {}): SandboxResponse {
	if (error instanceof RpcError) {
		const body = { code: error.code, message: error.message, ...(error.data ? { data: error.data } : {}) };
		return { status: error.httpStatus, body: envelope(id, { error: body }), headers: { ...headers, ...error.headers } };
	}
	if (error instanceof HttpError) {
		// REST-level checks reused inside RPC methods (auth, rate limits, input rules) keep their status and code.
		const code = error.status === 400 ? RPC.invalidParams : RPC.serverError;
		const status = error.status === 401 || error.status === 429 ? error.status : 200;
		const body = { code, message: error.message, data: { error: error.code, ...error.extra } };
		return { status, body: envelope(id, { error: body }), headers: { ...headers, ...error.headers } };
	}
	const body = { code: RPC.internalError, message: `Internal error: ${(error as Error)?.message ?? String(error)}` };
	return { status: 200, body: envelope(id, { error: body }), headers };
}

/** The caller of a JSON-RPC endpoint, or the 401 answer (a JSON-RPC body) without a valid token. */
function authenticate(req: SandboxRequest, state: ClawNetState, id: Id): Agent | SandboxResponse {
	try {
		return requireAgent(req, state);
	} catch (error) {
		const message = (error as Error).message;
		return rpcFailure(id, new RpcError(RPC.serverError, message, { error: 'unauthorized' }, 401, { 'WWW-Authenticate': `Bearer realm="clawnet"${bearerToken(req) ? ', error="invalid_token"' : ''}` }));
	}
}

/** The answer to a JSON-RPC request whose body does not parse (the module's badJson hook): 401 first, as any call. */
export function parseFailure(req: SandboxRequest, state: ClawNetState, env: SandboxEnv): SandboxResponse {
	const agent = authenticate(req, state, null);
	if ('status' in agent) return agent;
	return rpcFailure(null, new RpcError(RPC.parseError, 'Parse error: the body is not valid JSON'), rateLimitHeaders(env, agent));
}

/**
 * A JSON-RPC endpoint: authenticates (401 with a JSON-RPC body), checks the envelope, and runs the
 * method. `before` may refuse the call for the endpoint (e.g. an unknown agent in the path).
 */
export function rpcEndpoint(methods: Record<string, RpcMethod>, before?: (call: RpcCall, method: string) => void): Handler<ClawNetState> {
	return (req, state, env) => {
		const raw = req.body;
		const id: Id = raw && typeof raw === 'object' && !Array.isArray(raw) && ['string', 'number'].includes(typeof (raw as Record<string, unknown>).id) ? ((raw as Record<string, unknown>).id as string | number) : null;
		const agent = authenticate(req, state, id);
		if ('status' in agent) return agent;
		const headers = () => rateLimitHeaders(env, agent);
		try {
			if (req.rawBody.length === 0 && raw === undefined) throw new RpcError(RPC.invalidRequest, 'Invalid Request: send a JSON-RPC 2.0 request object as application/json');
			if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new RpcError(RPC.invalidRequest, 'Invalid Request: the body must be one JSON-RPC 2.0 request object');
			const request = raw as Record<string, unknown>;
			if (request.jsonrpc !== '2.0') throw new RpcError(RPC.invalidRequest, 'Invalid Request: jsonrpc must be "2.0"');
			if (typeof request.method !== 'string' || request.method === '') throw new RpcError(RPC.invalidRequest, 'Invalid Request: method must be a string');
			if ('id' in request && !['string', 'number'].includes(typeof request.id) && request.id !== null) throw new RpcError(RPC.invalidRequest, 'Invalid Request: id must be a string, a number or null');
			const params = request.params ?? {};
			if (!params || typeof params !== 'object' || Array.isArray(params)) throw new RpcError(RPC.invalidParams, 'Invalid params: params must be an object');
			const method = methods[request.method];
			if (!method) throw new RpcError(RPC.methodNotFound, `Method not found: ${request.method}`, { methods: Object.keys(methods) });
			const call: RpcCall = { req, state, env, agent, params: params as Record<string, unknown> };
			before?.(call, request.method);
			const result = method(call);
			return { status: 200, body: envelope(id, { result }), headers: headers() };
		} catch (error) {
			return rpcFailure(id, error, headers());
		}
	};
}
