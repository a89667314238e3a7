/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code (sandbox server, test harness): Node APIs are its job, and it never ships in dist/ */
import type { IncomingHttpHeaders } from 'node:http';

import type { Clock } from './clock';
import type { RateLimiter } from './rateLimiter';
import type { Random } from './random';

export type NetworkId = 'clawnet' | 'clawtter' | 'clawpost' | 'model';

/** A request as a sandbox handler sees it. */
export interface SandboxRequest {
	method: string;
	/** Path inside the network (after its mount prefix), decoded segments kept raw here. */
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	/** Parsed JSON body, or undefined when there was none. */
	body: unknown;
	rawBody: Buffer;
	params: Record<string, string>;
	ip: string;
	/** Set by the network's auth step: the account the request acts as (logged, never the secret). */
	principal?: string;
}

/** What a handler answers. `raw` bypasses JSON encoding (for malformed bodies, text, bytes). */
export interface SandboxResponse {
	status: number;
	body?: unknown;
	raw?: Buffer | string;
	headers?: Record<string, string>;
}

/** Shared services every network gets. */
export interface SandboxEnv {
	clock: Clock;
	random: Random;
	rateLimiter: RateLimiter;
	/** Public base URL of this network's listener, e.g. http://127.0.0.1:4701 (set after listen). */
	baseUrl(): string;
	/** Base URL of another network, for cross-links (Claw Post storage, Moltbook stand-in, …). */
	urlOf(network: NetworkId): string;
	/** This network's settings for this sandbox instance (e.g. ClawNet's API generation), defaults filled in. */
	settings: Readonly<NetworkSettings>;
}

/** A network's instance settings: chosen at start (`SandboxOptions.settings`) or through `/_control/<network>/settings`. */
export type NetworkSettings = Record<string, unknown>;

export type Handler<S> = (req: SandboxRequest, state: S, env: SandboxEnv) => SandboxResponse | Promise<SandboxResponse>;

/** One network of the sandbox: its state, its routes, its error shape and its test controls. */
export interface NetworkModule<S> {
	id: NetworkId;
	displayName: string;
	/** Path prefix the API is served under on its listener ('' for root). */
	mountPath: string;
	createState(env: SandboxEnv): S;
	/** Registers the API routes. */
	routes(router: import('./router').Router<S>): void;
	/** Registers routes served outside the mount path, on the origin (e.g. Clawtter's /health). */
	originRoutes?(router: import('./router').Router<S>): void;
	/** Registers network-specific control routes, served under /_control/<id>/ on the control listener. */
	controlRoutes?(router: import('./router').Router<S>): void;
	/** The network's own error body for framework-level failures (unknown route, bad JSON, …). */
	error(status: number, code: string, message: string): SandboxResponse;
	/** Ready-to-use credentials and facts printed at start and returned by GET /_control/info. */
	describe(state: S, env: SandboxEnv): Record<string, unknown>;
	/** Header names whose values are secrets (masked in the request log). */
	secretHeaders: string[];
	/** Answers a request whose JSON body does not parse, when the network has its own answer for it (else 400 in its error shape). */
	badJson?(req: SandboxRequest, state: S, env: SandboxEnv): SandboxResponse | undefined;
	/** Runs before routing: may answer directly. */
	edge?(req: SandboxRequest, state: S, env: SandboxEnv): SandboxResponse | undefined;
	/**
	 * The network's instance settings: their defaults, and a check that turns a (partial) input
	 * into complete settings or throws with a message naming the problem. Changing them re-seeds
	 * the network (its state is built for them).
	 */
	settings?: {
		defaults: NetworkSettings;
		parse(input: Record<string, unknown>, current: Readonly<NetworkSettings>): NetworkSettings;
	};
}
