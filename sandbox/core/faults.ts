import type { Random } from './random';
import type { NetworkId } from './types';

/**
 * A fault a test injects: on matching requests, answer with a status, delay, send malformed
 * JSON, reset the connection, or answer 429 with rate-limit headers. `status`, `rateLimit` and
 * `reset` stand in for the service (the request is not processed); `malformed`, `truncated` and
 * `lost` let the service act and then break its answer: a body that is not JSON, the real body
 * cut in half, or no answer at all (the connection drops after the service acted).
 */
export interface FaultRule {
	id: number;
	network: NetworkId | '*';
	/** HTTP method, or '*' (default). */
	method: string;
	/** Path inside the network: exact, or ending in '*' for a prefix. */
	path: string;
	kind: 'status' | 'latency' | 'malformed' | 'truncated' | 'lost' | 'reset' | 'rateLimit';
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	latencyMs?: number;
	/** Share of matching requests hit, 0..1 (default 1). Deterministic: seeded. */
	rate: number;
	/** How many more matching requests it hits; undefined = unlimited. */
	times?: number;
	/** How many matching requests pass untouched before it starts hitting (default 0). */
	after?: number;
	/** How many requests it has hit so far. */
	hits: number;
}

export type FaultInput = Partial<Omit<FaultRule, 'id' | 'hits'>> & Pick<FaultRule, 'kind'>;

const KINDS = ['status', 'latency', 'malformed', 'truncated', 'lost', 'reset', 'rateLimit'];

export class FaultInjector {
	private rules: FaultRule[] = [];

	private nextId = 1;

	constructor(private readonly random: Random) {}

	add(input: FaultInput): FaultRule {
		if (!KINDS.includes(input.kind)) throw new Error(`kind must be one of ${KINDS.join(', ')}`);
		const rule: FaultRule = {
			id: this.nextId++,
			network: input.network ?? '*',
			method: (input.method ?? '*').toUpperCase(),
			path: input.path ?? '*',
			kind: input.kind,
			status: input.status,
			body: input.body,
			headers: input.headers,
			latencyMs: input.latencyMs,
			rate: input.rate ?? 1,
			times: input.times,
			after: input.after,
			hits: 0,
		};
		this.rules.push(rule);
		return rule;
	}

	list(): FaultRule[] {
		return this.rules.map((r) => ({ ...r }));
	}

	remove(id: number): boolean {
		const before = this.rules.length;
		this.rules = this.rules.filter((r) => r.id !== id);
		return this.rules.length < before;
	}

	clear(): void {
		this.rules = [];
	}

	/** The faults that apply to this request, counted as hit. */
	take(network: NetworkId, method: string, path: string): FaultRule[] {
		const hit: FaultRule[] = [];
		for (const rule of this.rules) {
			if (rule.network !== '*' && rule.network !== network) continue;
			if (rule.method !== '*' && rule.method !== method.toUpperCase()) continue;
			if (!pathMatches(rule.path, path)) continue;
			if (rule.times !== undefined && rule.times <= 0) continue;
			if (rule.after !== undefined && rule.after > 0) {
				rule.after--;
				continue;
			}
			if (rule.rate < 1 && this.random.next() >= rule.rate) continue;
			if (rule.times !== undefined) rule.times--;
			rule.hits++;
			hit.push(rule);
		}
		return hit;
	}
}

function pathMatches(pattern: string, path: string): boolean {
	if (pattern === '*') return true;
	if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
	return pattern === path;
}
