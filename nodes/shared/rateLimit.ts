import { sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteData, INodeExecutionData } from 'n8n-workflow';

import { header, toNumber } from './errors';
import type { NetworkId } from './networks';

/**
 * Rate-limit pacing for every request of the three nodes (used by guardRequests and apiRequest in
 * transport.ts, the one request layer).
 *
 * Declarative routing sends the requests of all items at once, so the pacing state lives here, in
 * the process, keyed by credential + action: every item of an execution, and every execution in
 * this process, draws from one budget per action. A request takes a slot before it is sent; when
 * the budget believed left is spent, one request at a time goes as a probe once the window can
 * have ended (the reset named by the last 429, or by the `X-RateLimit-*` headers of a success) and
 * the others wait until a probe gets through. A 429 is never a delivery (the networks refuse it
 * before acting), so the request that met it is sent again; a request that succeeded is never sent
 * again. Waiting uses n8n-workflow's `sleep` only.
 */

/** What is known about one rate-limited action. */
export interface ActionLimit {
	/** The network's name for the action (ClawNet's 429 `action`), or `METHOD /path`. */
	action: string;
	/** Documented requests per window, when the reference gives a number. */
	limit?: number;
	/** Documented window, for messages, and in milliseconds. */
	window?: string;
	windowMs?: number;
	/** True when the `X-RateLimit-*` headers of a success answer describe this action. */
	successHeaders?: boolean;
}

type Rule = { method: string; path: RegExp; limit: ActionLimit; when?: (qs: IDataObject) => boolean };

const HOUR = 3_600_000;
const DAY = 86_400_000;
const READ_BUDGET: ActionLimit = { action: 'read budget', limit: 200, window: '1 day (UTC)', windowMs: DAY };

/** The documented limits (ClawNet's table; Clawtter's read budget and feedback cap). */
const RULES: Record<NetworkId, Rule[]> = {
	clawnet: [
		{ method: 'POST', path: /^\/send$/, limit: { action: 'send', limit: 60, window: '1 hour', windowMs: HOUR } },
		// Every authenticated ClawNet answer carries the POST /posts budget in X-RateLimit-*.
		{ method: 'POST', path: /^\/posts$/, limit: { action: 'posts', limit: 10, window: '1 hour', windowMs: HOUR, successHeaders: true } },
		{ method: 'POST', path: /^\/posts\/[^/]+\/react$/, limit: { action: 'react', limit: 60, window: '1 hour', windowMs: HOUR } },
		{ method: 'GET', path: /^\/inbox$/, limit: { action: 'inbox', limit: 120, window: '1 hour', windowMs: HOUR } },
		{ method: 'GET', path: /^\/inbox\/check$/, limit: { action: 'inbox_check', limit: 600, window: '1 hour', windowMs: HOUR } },
		{ method: 'GET', path: /^\/(messages\/[^/]+|conversations)$/, limit: { action: 'messages', limit: 300, window: '1 hour', windowMs: HOUR } },
		{ method: 'GET', path: /^\/notifications$/, limit: { action: 'notifications', limit: 120, window: '1 hour', windowMs: HOUR } },
		{ method: 'POST', path: /^\/me\/token\/rotate$/, limit: { action: 'token_rotate', limit: 10, window: '1 hour', windowMs: HOUR } },
		{ method: 'POST', path: /^\/register$/, limit: { action: 'register', limit: 10, window: '1 hour', windowMs: HOUR } },
	],
	clawtter: [
		// The hourly post quota depends on the level (20 + 5 per level above 1): learnt from the 429.
		{ method: 'POST', path: /^\/posts$/, limit: { action: 'post quota', window: '1 hour', windowMs: HOUR } },
		{ method: 'POST', path: /^\/me\/feedback$/, limit: { action: 'feedback', limit: 10, window: '1 day (UTC)', windowMs: DAY } },
		// Hydrated feeds, reply trees, hot threads and single posts spend the daily read budget; feed IDs are free.
		{ method: 'GET', path: /^\/feed\/(public|following)$/, when: (qs) => String(qs.hydrate) === 'true', limit: READ_BUDGET },
		{ method: 'GET', path: /^\/posts\/[^/]+(\/replies\/tree|\/threads\/hot)?$/, limit: READ_BUDGET },
	],
	clawpost: [],
};

/** The action a request counts against. Unlisted requests get their own key (`METHOD /first/segments`). */
export function actionOf(network: NetworkId, method: string, path: string, qs: IDataObject = {}): ActionLimit {
	const m = method.toUpperCase();
	const p = path.split('?')[0].replace(/\/+$/, '') || '/';
	for (const rule of RULES[network]) if (rule.method === m && rule.path.test(p) && (!rule.when || rule.when(qs))) return rule.limit;
	return { action: `${m} ${p.split('/').slice(0, 3).join('/')}` };
}

/** The budget of one credential + action. */
interface Budget {
	limit?: number;
	/** Requests believed left in the current window, after those already sent. */
	remaining?: number;
	/** A 429 (or a spent budget) was seen and no request has got through since. */
	exhausted: boolean;
	/** The earliest and latest time (unix ms) the current window can end, when known. */
	earliest?: number;
	latest?: number;
	/** A probe (one request testing whether the window is over) is on its way. */
	probing: boolean;
	/** When the current window was seen to open (unix ms): the local count starts afresh a documented window later. */
	openedAt: number;
	/** After a count that ran out without a 429, how many requests the next successful probe lets go (doubling). */
	ramp: number;
	/** Requests waiting for the probe's answer (woken by it, no timer). */
	waiting: Array<() => void>;
}

const BUDGETS = new Map<string, Budget>();

/** Within a reset's last second, a probe is repeated this often. */
const PROBE_STEP_MS = 100;

function budgetOf(key: string, limit: ActionLimit): Budget {
	let b = BUDGETS.get(key);
	if (!b) {
		// An action whose success answers tell the budget starts with one request that learns it.
		b = { limit: limit.limit, remaining: limit.successHeaders ? undefined : limit.limit, exhausted: false, probing: false, waiting: [], openedAt: Date.now(), ramp: 1 };
		BUDGETS.set(key, b);
	}
	return b;
}

/** Raised when the wait for a slot would pass the node's cap: nothing was sent for the item. */
export class RateLimitWaitError extends Error {
	constructor(
		readonly action: ActionLimit,
		readonly retryAt: number | undefined,
		readonly capMs: number,
	) {
		super('rate limit wait past the cap');
	}
}

export interface Ticket {
	probe: boolean;
}

/**
 * Takes a slot of the budget `key` for one request, waiting (with `sleep`) while it is spent.
 * Answers a RateLimitWaitError (nothing taken) when the wait would end after `deadline` (unix ms).
 */
export async function acquire(key: string, limit: ActionLimit, deadline: number, capMs: number): Promise<Ticket | RateLimitWaitError> {
	const b = budgetOf(key, limit);
	for (;;) {
		const now = Date.now();
		// A count that ran out without a 429 says nothing after a whole documented window.
		if (b.remaining === 0 && !b.exhausted && limit.windowMs !== undefined && now - b.openedAt >= limit.windowMs) {
			b.remaining = b.limit;
			b.openedAt = now;
		}
		const spent = b.exhausted || b.remaining === 0 || (b.remaining === undefined && limit.successHeaders === true);
		if (!spent) {
			if (b.remaining !== undefined) b.remaining--;
			return { probe: false };
		}
		// A window that certainly ends after the deadline: fail now rather than wait for nothing.
		if (b.earliest !== undefined && b.earliest > deadline) return new RateLimitWaitError(limit, b.latest, capMs);
		const from = b.earliest ?? now;
		if (!b.probing && now >= from) {
			b.probing = true;
			return { probe: true };
		}
		if (b.probing) {
			// The probe's answer (or its failure) wakes every waiter; it is bounded by the request's timeout.
			await new Promise<void>((resolve) => b.waiting.push(resolve));
			continue;
		}
		const wait = Math.min(from - now, 60_000);
		if (now + wait > deadline) return new RateLimitWaitError(limit, b.latest ?? b.earliest, capMs);
		await sleep(wait);
	}
}

/**
 * Wakes the first `count` waiters (first come, first served): as many as the budget lets go, plus
 * one that becomes the next probe. The others stay asleep, so a batch of 10,000 items costs one
 * wake-up per request, not one per request per window.
 */
function wake(b: Budget, count = Infinity): void {
	const woken = b.waiting.splice(0, count);
	for (const resolve of woken) resolve();
}

function wakeAfterProbe(b: Budget): void {
	wake(b, b.exhausted ? 1 : b.remaining === undefined ? Infinity : b.remaining + 1);
}

/**
 * When the window named by an answer ends, as [earliest, latest] in unix ms. `X-RateLimit-Reset`
 * in whole unix seconds is rounded up by the networks, so the window ends within the second
 * before it; `Retry-After` (seconds) likewise; milliseconds or an ISO date are exact.
 */
export function resetWindow(headers: IDataObject | undefined, body: unknown, now = Date.now()): [number, number] | undefined {
	const reset = header(headers, 'x-ratelimit-reset') ?? (body && typeof body === 'object' ? (body as IDataObject).reset_at ?? (body as IDataObject).reset : undefined);
	if (reset !== undefined && reset !== null && reset !== '') {
		const n = toNumber(reset);
		if (n !== undefined) return n > 1e12 ? [n, n] : [n * 1000 - 1000, n * 1000];
		const t = new Date(String(reset)).getTime();
		if (!Number.isNaN(t)) return [t, t];
	}
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const s = toNumber(retryAfter);
		if (s !== undefined) return [now + Math.max(0, s - 1) * 1000, now + s * 1000];
		const t = new Date(retryAfter).getTime();
		if (!Number.isNaN(t)) return [t, t];
	}
	return undefined;
}

/** What an answer says about the budget of the request's action. */
export function observe(key: string, limit: ActionLimit, ticket: Ticket, statusCode: number, headers: IDataObject | undefined, body: unknown): void {
	const b = budgetOf(key, limit);
	const now = Date.now();
	if (ticket.probe) b.probing = false;
	try {
		update(b, limit, ticket, statusCode, headers, body, now);
	} finally {
		if (ticket.probe) wakeAfterProbe(b);
	}
}

function update(b: Budget, limit: ActionLimit, ticket: Ticket, statusCode: number, headers: IDataObject | undefined, body: unknown, now: number): void {
	if (statusCode === 429) {
		const window = resetWindow(headers, body, now) ?? [now + 1000, now + 1000];
		const bodyLimit = body && typeof body === 'object' ? toNumber((body as IDataObject).limit) : undefined;
		b.limit = toNumber(header(headers, 'x-ratelimit-limit')) ?? bodyLimit ?? b.limit;
		b.remaining = 0;
		b.exhausted = true;
		b.ramp = 1;
		// Within the reset's last second, probes go one at a time every PROBE_STEP_MS.
		b.earliest = Math.max(window[0], now + PROBE_STEP_MS);
		b.latest = Math.max(window[1], b.earliest);
		return;
	}
	// A server error tells nothing about the budget, and a network may answer it without counting
	// the request: the slot is given back (one 429 too many costs one request; counting it would
	// cost a whole window's worth of 429s after the next probe).
	if (statusCode >= 500) {
		if (!ticket.probe && !b.exhausted && b.remaining !== undefined) b.remaining++;
		return;
	}
	// A probe that was not refused after a 429: a new window is open, with the limit less this
	// request left. A probe sent because the local count ran out (no 429 seen) only shows that the
	// network had more left than counted (a request it did not count, another client's turn of
	// the window): requests go 1, 2, 4, … at a time until a 429 names the window, never the whole
	// limit blindly (that would be a window's worth of 429s).
	if (ticket.probe && b.exhausted) {
		b.exhausted = false;
		b.earliest = undefined;
		b.latest = undefined;
		b.remaining = b.limit !== undefined ? b.limit - 1 : undefined;
		b.openedAt = now;
		b.ramp = 1;
	} else if (ticket.probe && b.remaining === undefined) {
		b.remaining = b.limit !== undefined ? b.limit - 1 : undefined;
	} else if (ticket.probe && b.remaining === 0) {
		b.remaining = b.limit !== undefined ? Math.min(b.limit - 1, b.ramp) : undefined;
		b.ramp *= 2;
	}
	if (limit.successHeaders) {
		const remaining = toNumber(header(headers, 'x-ratelimit-remaining'));
		const max = toNumber(header(headers, 'x-ratelimit-limit'));
		if (max !== undefined) b.limit = max;
		if (remaining !== undefined) {
			b.remaining = b.remaining === undefined ? remaining : Math.min(b.remaining, remaining);
			if (remaining === 0) {
				b.exhausted = true;
				[b.earliest, b.latest] = resetWindow(headers, undefined, now) ?? [now, now];
			}
		}
	}
}

/** Gives back a slot that was taken but never used (the request was not sent). */
export function release(key: string, limit: ActionLimit, ticket: Ticket): void {
	const b = budgetOf(key, limit);
	if (ticket.probe) {
		b.probing = false;
		wake(b, 1);
	} else if (b.remaining !== undefined && !b.exhausted) b.remaining++;
}

/** Forgets every budget (tests). */
export function resetBudgets(): void {
	BUDGETS.clear();
}

/**
 * Deliveries of this run of the node: n8n's Retry On Fail runs the node again with the same
 * execute data object, every item included. A write that already went through in an earlier try
 * is answered from here instead of being sent again. Keyed weakly by the execute data, so it is
 * gone with the run.
 */
const DELIVERED = new WeakMap<IExecuteData, Map<string, INodeExecutionData[]>>();

export function deliveredIn(run: IExecuteData | undefined, fingerprint: string): INodeExecutionData[] | undefined {
	return run ? DELIVERED.get(run)?.get(fingerprint) : undefined;
}

export function recordDelivery(run: IExecuteData | undefined, fingerprint: string, items: INodeExecutionData[]): void {
	if (!run) return;
	let map = DELIVERED.get(run);
	if (!map) {
		map = new Map();
		DELIVERED.set(run, map);
	}
	map.set(fingerprint, items);
}
