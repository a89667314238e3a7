/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- dev-only code (sandbox server, test harness): Node APIs are its job, and it never ships in dist/ */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Clock } from './clock';
import { FaultInjector } from './faults';
import type { FaultInput, FaultRule } from './faults';
import { HttpError } from './httpError';
import { Random } from './random';
import { RateLimiter } from './rateLimiter';
import { RequestLog } from './requestLog';
import { Router } from './router';
import type { NetworkId, NetworkModule, NetworkSettings, SandboxEnv, SandboxRequest, SandboxResponse } from './types';

/** Largest request body any network accepts (Claw Post uploads are < 30 MB; a little headroom). */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

interface Mounted {
	module: NetworkModule<unknown>;
	router: Router<unknown>;
	originRouter: Router<unknown>;
	controlRouter: Router<unknown>;
	state: unknown;
	/** The settings the instance started with (a reset returns to them) and the current ones. */
	startSettings: NetworkSettings;
	settings: NetworkSettings;
	server?: Server;
	port?: number;
}

export interface SandboxOptions {
	host?: string;
	/** Ports: 0 picks a free one. */
	ports?: Partial<Record<NetworkId | 'control', number>>;
	seed?: number;
	/** Per-network instance settings, e.g. `{ clawnet: { generation: 'a2a' } }`; unknown keys or values throw. */
	settings?: Partial<Record<NetworkId, Record<string, unknown>>>;
	/**
	 * Seeds the ids made after the seed data (messages, posts, jobs, …). By default it changes at
	 * every start, so ids never repeat across restarts (a client that remembers ids — n8n's trigger
	 * memory — would otherwise skip new items); give a number to make them repeat.
	 */
	idSeed?: number;
}

export interface SandboxInfo {
	control: string;
	networks: Record<NetworkId, Record<string, unknown> & { baseUrl: string }>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new HttpError(413, 'payload_too_large', `Request body is larger than ${MAX_BODY_BYTES} bytes`));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function firstValues(params: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of params) if (!(k in out)) out[k] = v;
	return out;
}

function send(res: ServerResponse, response: SandboxResponse): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload: Buffer | string | undefined;
	if (response.raw !== undefined) {
		payload = response.raw;
	} else if (response.body !== undefined && response.status !== 204) {
		payload = JSON.stringify(response.body);
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
			headers['Content-Type'] = 'application/json; charset=utf-8';
		}
	}
	res.writeHead(response.status, headers);
	res.end(payload);
}

/** A network's settings from a (partial) input on top of `current`; throws when the network has none to set. */
function parseSettings(module: NetworkModule<unknown>, input: Record<string, unknown>, current: NetworkSettings): NetworkSettings {
	if (!module.settings) {
		if (Object.keys(input).length) throw new Error(`${module.displayName} has no settings`);
		return {};
	}
	return Object.freeze(module.settings.parse(input, current));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The sandbox: one process, one listener per network plus a control listener, shared clock,
 * deterministic randomness, rate limiter, fault injection and request log.
 */
export class Sandbox {
	readonly clock = new Clock();

	/** Fault sampling randomness; each network has its own seeded stream (see env()). */
	readonly random: Random;

	private readonly randoms = new Map<NetworkId, Random>();

	readonly rateLimiter = new RateLimiter(this.clock);

	readonly faults: FaultInjector;

	readonly log = new RequestLog();

	private readonly mounted = new Map<NetworkId, Mounted>();

	private controlServer?: Server;

	private controlPort?: number;

	private readonly host: string;

	/** Per start (see SandboxOptions.idSeed) and per reset: what the id streams continue from. */
	private readonly idSeed: number;

	private resets = 0;

	/** Each network's name hashed (djb2): mixed into its fixed seed and into its id seed. */
	private readonly hashes = new Map<NetworkId, number>();

	constructor(
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module has its own state type
		modules: Array<NetworkModule<any>>,
		private readonly options: SandboxOptions = {},
	) {
		this.host = options.host ?? '127.0.0.1';
		this.idSeed = (options.idSeed ?? Date.now() + process.pid * 0x10000 + Math.floor(Math.random() * 0x100000000)) >>> 0;
		this.random = new Random(options.seed ?? 42);
		this.faults = new FaultInjector(this.random);
		for (const module of modules) {
			const hash = [...module.id].reduce((h, c) => Math.imul(h, 33) + c.charCodeAt(0), 5381) >>> 0;
			this.hashes.set(module.id, hash);
			this.randoms.set(module.id, new Random(Math.imul(options.seed ?? 42, 31) + hash));
			const router = new Router<unknown>();
			module.routes(router);
			const originRouter = new Router<unknown>();
			module.originRoutes?.(originRouter);
			const controlRouter = new Router<unknown>();
			module.controlRoutes?.(controlRouter);
			const settings = parseSettings(module, options.settings?.[module.id] ?? {}, module.settings?.defaults ?? {});
			this.mounted.set(module.id, { module, router, originRouter, controlRouter, state: undefined, startSettings: settings, settings });
		}
		this.resetState();
	}

	env(network: NetworkId): SandboxEnv {
		return {
			clock: this.clock,
			random: this.randoms.get(network)!,
			rateLimiter: this.rateLimiter,
			baseUrl: () => this.baseUrl(network),
			urlOf: (other) => this.baseUrl(other),
			settings: this.mounted.get(network)?.settings ?? {},
		};
	}

	/** Origin of a network's listener plus its mount path. */
	baseUrl(network: NetworkId): string {
		const m = this.mounted.get(network);
		if (!m) throw new Error(`Unknown network ${network}`);
		return `http://${this.host}:${m.port ?? 0}${m.module.mountPath}`;
	}

	origin(network: NetworkId): string {
		return `http://${this.host}:${this.mounted.get(network)?.port ?? 0}`;
	}

	controlUrl(): string {
		return `http://${this.host}:${this.controlPort ?? 0}`;
	}

	state<S>(network: NetworkId): S {
		return this.mounted.get(network)?.state as S;
	}

	/**
	 * Back to the seeded state: same accounts, keys and content every time (see reseed: new ids
	 * still differ from those of any earlier start or reset).
	 */
	resetState(): void {
		this.random.reset();
		this.rateLimiter.reset();
		for (const id of this.mounted.keys()) this.reseed(id);
	}

	/**
	 * Rebuilds one network's state from its fixed stream, then points that stream at the id seed
	 * mixed with a count of re-seeds (every reset and configure), so that ids made afterwards
	 * differ from those of any earlier start, reset or configure.
	 */
	private reseed(network: NetworkId): void {
		const m = this.mounted.get(network)!;
		const random = this.randoms.get(network)!;
		random.reset();
		m.state = m.module.createState(this.env(network));
		this.resets++;
		random.reset((Math.imul(this.idSeed, 0x9e3779b1) ^ Math.imul(this.resets, 0x85ebca6b) ^ this.hashes.get(network)!) >>> 0);
	}

	/** Back to the start: clock, faults, request log, each network's start settings and seed. */
	reset(): void {
		this.clock.reset();
		this.faults.clear();
		this.log.clear();
		for (const m of this.mounted.values()) m.settings = m.startSettings;
		this.resetState();
	}

	/** Changes a network's settings and re-seeds that network (see reseed; the clock, other networks and the log stay). */
	configure(network: NetworkId, input: Record<string, unknown>): NetworkSettings {
		const m = this.mounted.get(network);
		if (!m) throw new Error(`Unknown network ${network}`);
		m.settings = parseSettings(m.module, input, m.settings);
		this.reseed(network);
		return m.settings;
	}

	info(): SandboxInfo {
		const networks = {} as SandboxInfo['networks'];
		for (const [id, m] of this.mounted) {
			networks[id] = { baseUrl: this.baseUrl(id), ...(m.module.settings ? { settings: { ...m.settings } } : {}), ...m.module.describe(m.state, this.env(id)) };
		}
		return { control: this.controlUrl(), networks };
	}

	async start(): Promise<SandboxInfo> {
		const ports = this.options.ports ?? {};
		for (const [id, m] of this.mounted) {
			m.server = createServer((req, res) => void this.handleNetwork(id, req, res));
			m.port = await this.listen(m.server, ports[id] ?? 0);
		}
		this.controlServer = createServer((req, res) => void this.handleControl(req, res));
		this.controlPort = await this.listen(this.controlServer, ports.control ?? 0);
		// The seed was made before the servers listened: links in seeded content (DM notices,
		// page URLs, media URLs) pointed at port 0. Seed again now that every port is known.
		this.resetState();
		return this.info();
	}

	private listen(server: Server, port: number): Promise<number> {
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, this.host, () => resolve((server.address() as AddressInfo).port));
		});
	}

	async stop(): Promise<void> {
		const servers = [...[...this.mounted.values()].map((m) => m.server), this.controlServer];
		await Promise.all(
			servers.map(
				(s) =>
					new Promise<void>((resolve) => {
						if (!s) return resolve();
						s.closeAllConnections?.();
						s.close(() => resolve());
					}),
			),
		);
	}

	private async handleNetwork(id: NetworkId, req: IncomingMessage, res: ServerResponse): Promise<void> {
		const m = this.mounted.get(id)!;
		const module = m.module;
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const path = url.pathname;
		const method = (req.method ?? 'GET').toUpperCase();
		let rawBody: Buffer = Buffer.alloc(0);
		let body: unknown;
		const request: SandboxRequest = {
			method,
			path,
			query: firstValues(url.searchParams),
			headers: req.headers,
			body: undefined,
			rawBody,
			params: {},
			ip: req.socket.remoteAddress ?? '127.0.0.1',
		};
		let response: SandboxResponse | undefined;
		let faults: FaultRule[] = [];
		try {
			rawBody = await readBody(req);
			request.rawBody = rawBody;
			const contentType = String(req.headers['content-type'] ?? '');
			const outside = Boolean(module.mountPath) && path !== module.mountPath && !path.startsWith(`${module.mountPath}/`);
			if (!outside) request.path = path.slice(module.mountPath.length) || '/';
			// Faults that stand in for the service (status, 429, reset) answer before it runs: the
			// request was not processed. A malformed body corrupts the service's real answer.
			faults = this.faults.take(id, method, request.path);
			// Latency stands for a slow way to the service: a client that goes away meanwhile (a
			// killed process) never reaches it, so its request is not processed (logged without a status).
			let clientGone = false;
			res.once('close', () => (clientGone = true));
			for (const fault of faults) if (fault.kind === 'latency' && fault.latencyMs) await sleep(fault.latencyMs);
			response = clientGone ? undefined : this.faultResponse(id, faults);
			if (!clientGone && !response && !faults.some((f) => f.kind === 'reset')) {
				let badJson = false;
				if (rawBody.length > 0 && contentType.includes('json')) {
					try {
						body = JSON.parse(rawBody.toString('utf8'));
					} catch {
						badJson = true;
					}
				}
				request.body = body;
				if (badJson) {
					response = module.badJson?.(request, m.state, this.env(id));
					if (!response) throw new HttpError(400, 'invalid_request', 'Request body is not valid JSON');
				} else {
					response = outside ? await this.outsideMount(id, request) : await this.dispatch(m, request);
				}
			}
		} catch (error) {
			response = this.errorResponse(module, error);
		}
		this.log.add(
			{
				time: this.clock.iso(),
				network: id,
				method,
				path: request.path,
				query: request.query,
				headers: req.headers,
				body: request.body ?? (rawBody.length ? `<${rawBody.length} bytes ${String(req.headers['content-type'] ?? '')}>` : undefined),
				principal: request.principal,
				status: response?.status,
			},
			module.secretHeaders,
		);
		if (!response || faults.some((f) => f.kind === 'reset' || f.kind === 'lost')) {
			res.socket?.destroy();
			return;
		}
		if (faults.some((f) => f.kind === 'malformed')) {
			const malformed = faults.find((f) => f.kind === 'malformed')!;
			return send(res, { status: malformed.status ?? response.status, raw: '{"ok": true, "truncated', headers: { 'Content-Type': 'application/json' } });
		}
		if (faults.some((f) => f.kind === 'truncated') && response.body !== undefined) {
			const whole = JSON.stringify(response.body);
			return send(res, { status: response.status, raw: whole.slice(0, Math.floor(whole.length / 2)), headers: { ...(response.headers ?? {}), 'Content-Type': 'application/json' } });
		}
		send(res, response);
	}

	/** The answer of a status or rate-limit fault, in the network's own error shape. */
	private faultResponse(id: NetworkId, faults: FaultRule[]): SandboxResponse | undefined {
		const module = this.mounted.get(id)!.module;
		for (const fault of faults) {
			if (fault.kind === 'status') {
				const status = fault.status ?? 500;
				const base = fault.body !== undefined ? { status, body: fault.body } : module.error(status, 'injected_fault', `Injected fault: HTTP ${status}`);
				return { ...base, status, headers: { ...(base.headers ?? {}), ...(fault.headers ?? {}) } };
			}
			if (fault.kind === 'rateLimit') {
				const base = fault.body !== undefined ? { status: 429, body: fault.body } : module.error(429, 'rate_limited', 'Too many requests (injected)');
				return {
					...base,
					status: 429,
					headers: {
						'X-RateLimit-Limit': '60',
						'X-RateLimit-Remaining': '0',
						'X-RateLimit-Reset': String(this.clock.nowSeconds() + 60),
						'Retry-After': '60',
						...(fault.headers ?? {}),
					},
				};
			}
		}
		return undefined;
	}

	/** Routes outside a network's mount path (e.g. Clawtter's origin-level /health). */
	private async outsideMount(id: NetworkId, request: SandboxRequest): Promise<SandboxResponse> {
		const m = this.mounted.get(id)!;
		const match = m.originRouter.match(request.method, request.path);
		if (typeof match === 'object') {
			request.params = match.params;
			return await match.handler(request, m.state, this.env(id));
		}
		return m.module.error(404, 'not_found', `No route for ${request.method} ${request.path}`);
	}

	private async dispatch(m: Mounted, request: SandboxRequest): Promise<SandboxResponse> {
		const env = this.env(m.module.id);
		const edge = m.module.edge?.(request, m.state, env);
		if (edge) return edge;
		const match = m.router.match(request.method, request.path);
		if (match === 'none') return m.module.error(404, 'not_found', `No route for ${request.method} ${request.path}`);
		if (match === 'method') return m.module.error(405, 'method_not_allowed', `${request.method} is not allowed on ${request.path}`);
		request.params = match.params;
		return await match.handler(request, m.state, env);
	}

	private errorResponse(module: NetworkModule<unknown>, error: unknown): SandboxResponse {
		if (error instanceof HttpError) {
			const base = module.error(error.status, error.code, error.message);
			const body = base.body && typeof base.body === 'object' ? { ...(base.body as object), ...error.extra } : base.body;
			return { ...base, body, headers: { ...(base.headers ?? {}), ...error.headers } };
		}
		return module.error(500, 'internal_error', `Sandbox handler failed: ${(error as Error)?.message ?? String(error)}`);
	}

	private async handleControl(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname;
		let body: Record<string, unknown> = {};
		try {
			const raw = await readBody(req);
			if (raw.length) body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
		} catch {
			return send(res, { status: 400, body: { error: 'Control body must be JSON' } });
		}
		try {
			send(res, await this.control(method, path, firstValues(url.searchParams), body));
		} catch (error) {
			send(res, { status: error instanceof HttpError ? error.status : 400, body: { error: (error as Error).message } });
		}
	}

	/** The control API: reset, faults, clock, request log, and each network's own controls. */
	private async control(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>): Promise<SandboxResponse> {
		if (method === 'GET' && path === '/_control/info') return { status: 200, body: this.info() };
		if (method === 'POST' && path === '/_control/reset') {
			this.reset();
			return { status: 200, body: this.info() };
		}
		if (path === '/_control/faults') {
			if (method === 'GET') return { status: 200, body: { faults: this.faults.list() } };
			if (method === 'POST') return { status: 201, body: this.faults.add(body as unknown as FaultInput) };
			if (method === 'DELETE') {
				this.faults.clear();
				return { status: 204 };
			}
		}
		const fault = /^\/_control\/faults\/(\d+)$/.exec(path);
		if (fault && method === 'DELETE') {
			return this.faults.remove(Number(fault[1])) ? { status: 204 } : { status: 404, body: { error: 'No such fault' } };
		}
		if (path === '/_control/clock') {
			if (method === 'POST') {
				if (typeof body.scale === 'number') this.clock.setScale(body.scale);
				if (typeof body.advanceMs === 'number') this.clock.advance(body.advanceMs);
				if (typeof body.windowScale === 'number') this.clock.windowScale = body.windowScale;
			}
			return { status: 200, body: { now: this.clock.iso(), scale: this.clock.getScale(), windowScale: this.clock.windowScale } };
		}
		if (path === '/_control/requests/count' && method === 'GET') return { status: 200, body: { counts: this.log.countsByClient() } };
		if (path === '/_control/requests') {
			if (method === 'GET') {
				return {
					status: 200,
					body: {
						lastSeq: this.log.lastSeq(),
						requests: this.log.list({
							network: query.network,
							sinceSeq: query.since !== undefined ? Number(query.since) : undefined,
							method: query.method,
							path: query.path,
						}),
					},
				};
			}
			if (method === 'DELETE') {
				this.log.clear();
				return { status: 204 };
			}
		}
		const net = /^\/_control\/(clawnet|clawtter|clawpost|model)(\/.*)$/.exec(path);
		if (net && net[2] === '/settings' && this.mounted.get(net[1] as NetworkId)?.module.settings) {
			const m = this.mounted.get(net[1] as NetworkId)!;
			if (method === 'GET') return { status: 200, body: { settings: { ...m.settings } } };
			if (method === 'POST') return { status: 200, body: { settings: { ...this.configure(net[1] as NetworkId, body) } } };
		}
		if (net) {
			const m = this.mounted.get(net[1] as NetworkId);
			if (m) {
				const match = m.controlRouter.match(method, net[2]);
				if (typeof match === 'object') {
					const request: SandboxRequest = { method, path: net[2], query, headers: {}, body, rawBody: Buffer.alloc(0), params: match.params, ip: '127.0.0.1' };
					try {
						return await match.handler(request, m.state, this.env(m.module.id));
					} catch (error) {
						if (error instanceof HttpError) return { status: error.status, body: { error: error.message, code: error.code } };
						throw error;
					}
				}
			}
		}
		return { status: 404, body: { error: `No control route ${method} ${path}` } };
	}
}
