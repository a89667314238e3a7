import type { NetworkId } from './types';

/** One request as the sandbox received it, secrets masked. */
export interface LoggedRequest {
	seq: number;
	time: string;
	network: NetworkId;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	/** The account the request authenticated as, if any. */
	principal?: string;
	status?: number;
}

const SECRET_KEY = /(token|api_?key|apikey|secret|password|authorization)/i;

/** Masks a secret but keeps its last four characters, so a test can tell which key was sent. */
export function mask(value: string): string {
	const bearer = /^(Bearer\s+)(.*)$/i.exec(value);
	if (bearer) return `${bearer[1]}${mask(bearer[2])}`;
	return value.length <= 4 ? '***' : `***${value.slice(-4)}`;
}

function maskBody(body: unknown): unknown {
	if (Array.isArray(body)) return body.map(maskBody);
	if (body && typeof body === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
			out[k] = SECRET_KEY.test(k) && typeof v === 'string' ? mask(v) : maskBody(v);
		}
		return out;
	}
	return body;
}

export class RequestLog {
	private entries: LoggedRequest[] = [];

	private seq = 0;

	/** Every request ever logged (the list keeps only the newest `max`), per network and client. */
	private counts: Record<string, number> = {};

	constructor(private readonly max = 5000) {}

	/** Counts per `<network> <client>`, the client being the user agent's product (before its first `/`). */
	countsByClient(): Record<string, number> {
		return { ...this.counts };
	}

	add(entry: Omit<LoggedRequest, 'seq' | 'headers' | 'body'> & { headers: Record<string, string | string[] | undefined>; body: unknown }, secretHeaders: string[]): LoggedRequest {
		const headers: Record<string, string> = {};
		const secret = new Set(['authorization', 'cookie', ...secretHeaders.map((h) => h.toLowerCase())]);
		for (const [k, v] of Object.entries(entry.headers)) {
			if (v === undefined) continue;
			const value = Array.isArray(v) ? v.join(', ') : v;
			headers[k] = secret.has(k.toLowerCase()) ? mask(value) : value;
		}
		const logged: LoggedRequest = { ...entry, seq: ++this.seq, headers, body: maskBody(entry.body) };
		const client = String(headers['user-agent'] ?? '').split('/')[0] || '-';
		const key = `${entry.network} ${client}`;
		this.counts[key] = (this.counts[key] ?? 0) + 1;
		this.entries.push(logged);
		if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
		return logged;
	}

	list(filter: { network?: string; sinceSeq?: number; method?: string; path?: string } = {}): LoggedRequest[] {
		return this.entries.filter(
			(e) =>
				(!filter.network || e.network === filter.network) &&
				(filter.sinceSeq === undefined || e.seq > filter.sinceSeq) &&
				(!filter.method || e.method === filter.method.toUpperCase()) &&
				(!filter.path || e.path === filter.path),
		);
	}

	lastSeq(): number {
		return this.seq;
	}

	clear(): void {
		this.entries = [];
		this.counts = {};
	}
}
