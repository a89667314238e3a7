import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/**
 * What a trigger keeps in workflow static data between polls (JSON, survives restarts).
 * Version 2: ids with their item times, a time cursor and a floor below which nothing is new.
 */
interface StoredMemory {
	v: 2;
	/** Ids already emitted (or deliberately skipped), each with its item's time in ms (or when it was first seen). */
	seen: Record<string, number>;
	/** The newest item time seen, in ms. */
	cursor?: number;
	/** Items older than this (ms) are never new: the seen ids before it have been forgotten. */
	floor?: number;
	/** Fingerprints of items that can change (e.g. a grouped notification's actor count). */
	versions?: Record<string, string>;
	initializedAt?: string;
	/** A trigger's own state (pending deliveries, acknowledgements to retry, …). */
	extra?: IDataObject;
}

/** How many ids a trigger remembers at most; the oldest are dropped first. */
export const DEFAULT_MEMORY_SIZE = 10000;

/**
 * How far back every read looks behind the newest item already seen. Items with equal times, and
 * items that become visible a little after a newer one (a late commit), are caught by reading this
 * window again and dropping the ids already seen.
 */
export const DEFAULT_OVERLAP_MS = 5 * 60 * 1000;

/**
 * How late an item may become visible behind newer ones and still be read by a newest-first list
 * whose first pages hold nothing new (older items in the window are then not paged through).
 */
export const LATE_VISIBILITY_MS = 60 * 1000;

export interface MemoryOptions {
	/** Overlap window in ms for items with times; undefined for items without (ids only). */
	overlapMs?: number;
	maxEntries?: number;
}

/** An item's time in ms from an ISO date or unix seconds / milliseconds; undefined if it has none. */
export function timeOf(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number' || /^\d+(\.\d+)?$/.test(String(value))) {
		const n = Number(value);
		if (!Number.isFinite(n)) return undefined;
		return n > 1e12 ? n : n * 1000;
	}
	const ms = Date.parse(String(value));
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The dedup memory of a polling trigger, kept in static data. A trigger reads it, picks the new
 * items, and writes it back only once the items it returns are final, so a poll that fails leaves
 * it untouched. Ids are remembered with their item times: every read looks `overlapMs` behind the
 * newest time seen (equal and late times), and ids older than that window are forgotten.
 */
export class PollMemory {
	private lastSeenAt = 0;

	private constructor(
		private readonly stored: StoredMemory,
		private readonly options: Required<Pick<MemoryOptions, 'maxEntries'>> & MemoryOptions,
	) {}

	/** Reads the memory kept under `key` in the node's static data (empty on first activation). */
	static load(staticData: IDataObject, key: string, options: MemoryOptions = {}): PollMemory {
		const raw = (staticData[key] ?? {}) as IDataObject;
		const stored: StoredMemory = { v: 2, seen: {} };
		const now = Date.now();
		if (raw.v === 2 && raw.seen && typeof raw.seen === 'object') {
			for (const [id, at] of Object.entries(raw.seen as IDataObject)) stored.seen[id] = Number(at) || now;
			stored.cursor = typeof raw.cursor === 'number' ? raw.cursor : undefined;
			stored.floor = typeof raw.floor === 'number' ? raw.floor : undefined;
		} else if (Array.isArray(raw.seen)) {
			// Version 1 (a list of ids and an ISO cursor): keep every id, timed at the old cursor.
			const cursor = timeOf(raw.cursor);
			for (const id of raw.seen) stored.seen[String(id)] = cursor ?? now;
			stored.cursor = cursor;
		}
		if (raw.versions && typeof raw.versions === 'object') stored.versions = { ...(raw.versions as Record<string, string>) };
		if (typeof raw.initializedAt === 'string') stored.initializedAt = raw.initializedAt;
		if (raw.extra && typeof raw.extra === 'object') stored.extra = JSON.parse(JSON.stringify(raw.extra)) as IDataObject;
		return new PollMemory(stored, { maxEntries: DEFAULT_MEMORY_SIZE, ...options });
	}

	/** False until the first successful poll has been saved. */
	get initialized(): boolean {
		return this.stored.initializedAt !== undefined;
	}

	/** The newest item time seen (ms). */
	get cursor(): number | undefined {
		return this.stored.cursor;
	}

	/**
	 * Reads ask for items from this time on (ms): the overlap window behind the cursor, or further
	 * back while a read that stopped early (see hold) has not reached its end.
	 */
	get floor(): number | undefined {
		const hold = typeof this.stored.extra?.hold === 'number' ? this.stored.extra.hold : undefined;
		if (this.stored.cursor === undefined || this.options.overlapMs === undefined) return this.stored.floor;
		const window = Math.max(this.stored.floor ?? -Infinity, this.stored.cursor - this.options.overlapMs);
		return hold !== undefined ? Math.min(window, hold) : window;
	}

	/** Whether an earlier read stopped before it reached the floor. */
	get holding(): boolean {
		return typeof this.stored.extra?.hold === 'number';
	}

	/**
	 * A read stopped before reaching the floor (the poll's time ran out): items from `at` (the
	 * floor the read was heading for) on stay new until a later read gets there. `undefined`
	 * releases the hold.
	 */
	hold(at: number | undefined): void {
		if (at === undefined) {
			if (this.stored.extra) delete this.stored.extra.hold;
			return;
		}
		const current = typeof this.stored.extra?.hold === 'number' ? this.stored.extra.hold : Infinity;
		this.set('hold', Math.min(current, at));
	}

	has(id: string): boolean {
		return Object.prototype.hasOwnProperty.call(this.stored.seen, id);
	}

	/** New: not seen, not older than the floor; or seen with another version. */
	isNew(id: string, at?: number, version?: string): boolean {
		const floor = this.floor;
		if (at !== undefined && floor !== undefined && at < floor) return false;
		if (!this.has(id)) return true;
		return version !== undefined && this.stored.versions?.[id] !== version;
	}

	/** The new items, order kept. */
	fresh<T>(items: T[], idOf: (item: T) => string, atOf?: (item: T) => number | undefined, versionOf?: (item: T) => string): T[] {
		return items.filter((item) => this.isNew(idOf(item), atOf?.(item), versionOf?.(item)));
	}

	/** Marks items as seen (with their times and versions) and moves the cursor to the newest time. */
	remember<T>(items: T[], idOf: (item: T) => string, atOf?: (item: T) => number | undefined, versionOf?: (item: T) => string): void {
		for (const item of items) {
			const id = idOf(item);
			const at = atOf?.(item);
			// An untimed id is timed when it is seen, strictly after the previous one: its age order.
			this.lastSeenAt = Math.max(Date.now(), this.lastSeenAt + 0.001);
			this.stored.seen[id] = at ?? this.lastSeenAt;
			if (at !== undefined && (this.stored.cursor === undefined || at > this.stored.cursor)) this.stored.cursor = at;
			if (versionOf) (this.stored.versions ??= {})[id] = versionOf(item);
		}
	}

	/** A trigger's own state under `name` (a copy is kept until save). */
	get<T>(name: string, fallback: T): T {
		const value = this.stored.extra?.[name];
		return value === undefined ? fallback : (value as T);
	}

	set(name: string, value: unknown): void {
		(this.stored.extra ??= {})[name] = value as IDataObject;
	}

	/** Forgets ids older than the floor and, past the bound, the oldest ids. */
	private prune(): void {
		const floor = this.floor;
		if (!this.holding) this.stored.floor = floor;
		const seen = this.stored.seen;
		let entries = Object.entries(seen);
		if (floor !== undefined && this.options.overlapMs !== undefined) entries = entries.filter(([, at]) => at >= floor);
		if (entries.length > this.options.maxEntries) {
			entries = entries.sort((a, b) => a[1] - b[1]).slice(entries.length - this.options.maxEntries);
		}
		if (entries.length === Object.keys(seen).length) return;
		this.stored.seen = Object.fromEntries(entries);
		if (this.stored.versions) {
			this.stored.versions = Object.fromEntries(Object.entries(this.stored.versions).filter(([id]) => id in this.stored.seen));
		}
	}

	/** Writes the memory back into static data; call it after the poll's items are final. */
	save(staticData: IDataObject, key: string, now: Date = new Date()): void {
		this.prune();
		this.stored.initializedAt ??= now.toISOString();
		staticData[key] = JSON.parse(JSON.stringify(this.stored)) as IDataObject;
	}
}

/** Per-request timeout of trigger requests, well below n8n's shortest poll interval (1 minute). */
export const TRIGGER_REQUEST_TIMEOUT_MS = 20 * 1000;

/**
 * The time one poll may spend. n8n abandons a poll tick after a budget (`getPollBudgetMs`, about
 * 36 s with its defaults); a trigger stops fetching before that and leaves the rest to the next
 * poll. Each request gets the smaller of the request timeout and what is left.
 */
export class PollBudget {
	private readonly deadline: number;

	constructor(
		budgetMs: number,
		readonly requestTimeoutMs: number = TRIGGER_REQUEST_TIMEOUT_MS,
	) {
		this.deadline = Date.now() + budgetMs;
	}

	/** The budget n8n gives this poll; one request gets at most a third of it (and at most 20 s). */
	static of(context: IPollFunctions): PollBudget {
		const getBudget = (context as Partial<Pick<IPollFunctions, 'getPollBudgetMs'>>).getPollBudgetMs;
		const given = typeof getBudget === 'function' ? Number(getBudget.call(context)) : NaN;
		const budget = Number.isFinite(given) && given > 0 ? given : 5 * 60 * 1000;
		return new PollBudget(budget, Math.min(TRIGGER_REQUEST_TIMEOUT_MS, Math.max(1, Math.floor(budget / 3))));
	}

	left(): number {
		return Math.max(0, this.deadline - Date.now());
	}

	/** Timeout for the next request. */
	timeout(): number {
		return Math.max(1, Math.min(this.requestTimeoutMs, this.left()));
	}

	/** Whether one more full request fits in what is left. */
	allowsAnother(): boolean {
		return this.left() >= this.requestTimeoutMs;
	}
}

/**
 * Runs a poll unless another poll of the same node is still running (n8n starts a poll on
 * schedule even when the previous one has not returned). The lease lives in the node's static
 * data, which the polls of one activation share; it expires on its own after `ttlMs`, so a crash
 * never leaves the trigger locked.
 */
export async function withPollLease<T>(staticData: IDataObject, key: string, ttlMs: number, run: () => Promise<T>, busy: T): Promise<T> {
	const leaseKey = `${key}:lease`;
	const now = Date.now();
	const current = staticData[leaseKey] as { token?: string; until?: number } | undefined;
	if (current && typeof current.until === 'number' && current.until > now) return busy;
	const token = `${now}-${Math.random().toString(36).slice(2)}`;
	staticData[leaseKey] = { token, until: now + ttlMs };
	try {
		return await run();
	} finally {
		if ((staticData[leaseKey] as { token?: string } | undefined)?.token === token) delete staticData[leaseKey];
	}
}

/**
 * One poll of a trigger event under its lease (see withPollLease): `run` gets the poll's budget,
 * and the lease lasts as long as that budget plus one request, so a poll n8n abandoned still
 * frees it. A poll that finds another one running emits nothing.
 */
export async function leasedPoll(
	context: IPollFunctions,
	key: string,
	run: (budget: PollBudget) => Promise<INodeExecutionData[][] | null>,
): Promise<INodeExecutionData[][] | null> {
	const budget = PollBudget.of(context);
	return await withPollLease(context.getWorkflowStaticData('node'), key, budget.left() + budget.requestTimeoutMs + 5000, async () => await run(budget), null);
}
