import type { IDataObject } from 'n8n-workflow';

/** What a trigger keeps in workflow static data between polls (JSON, survives restarts). */
interface StoredMemory {
	/** Ids already emitted (or deliberately skipped as backlog), oldest first. */
	seen: string[];
	/** Free-form cursor of the trigger (e.g. the newest timestamp seen). */
	cursor?: string;
	/** Fingerprints of items that can change (e.g. a grouped notification's actor count). */
	versions?: Record<string, string>;
	initializedAt?: string;
}

/** How many ids a trigger remembers; older ones are dropped first. */
export const DEFAULT_MEMORY_SIZE = 1000;

/**
 * The dedup memory of a polling trigger: one bounded list of seen ids in static data.
 * A trigger reads it, picks the fresh items, and writes it back only once the items it
 * returns are final, so a poll that fails leaves it untouched (nothing lost, nothing repeated).
 */
export class PollMemory {
	private readonly seenSet: Set<string>;

	private constructor(
		private readonly stored: StoredMemory,
		private readonly max: number,
	) {
		this.seenSet = new Set(stored.seen);
	}

	/** Reads the memory kept under `key` in the node's static data (empty on first activation). */
	static load(staticData: IDataObject, key: string, max = DEFAULT_MEMORY_SIZE): PollMemory {
		const raw = staticData[key] as Partial<StoredMemory> | undefined;
		return new PollMemory(
			{
				seen: Array.isArray(raw?.seen) ? raw.seen.map(String) : [],
				cursor: typeof raw?.cursor === 'string' ? raw.cursor : undefined,
				versions: raw?.versions && typeof raw.versions === 'object' ? { ...raw.versions } : undefined,
				initializedAt: typeof raw?.initializedAt === 'string' ? raw.initializedAt : undefined,
			},
			max,
		);
	}

	/** False until the first successful poll has been saved. */
	get initialized(): boolean {
		return this.stored.initializedAt !== undefined;
	}

	get cursor(): string | undefined {
		return this.stored.cursor;
	}

	has(id: string): boolean {
		return this.seenSet.has(id);
	}

	/** The items not seen before (by id), or whose version changed; order kept. */
	fresh<T>(items: T[], idOf: (item: T) => string, versionOf?: (item: T) => string): T[] {
		return items.filter((item) => {
			const id = idOf(item);
			if (!this.seenSet.has(id)) return true;
			return versionOf !== undefined && this.stored.versions?.[id] !== versionOf(item);
		});
	}

	/** Marks items as seen (with their versions); the oldest ids beyond the bound are forgotten. */
	remember<T>(items: T[], idOf: (item: T) => string, versionOf?: (item: T) => string): void {
		for (const item of items) {
			const id = idOf(item);
			if (this.seenSet.has(id)) {
				this.stored.seen.splice(this.stored.seen.indexOf(id), 1);
			}
			this.stored.seen.push(id);
			this.seenSet.add(id);
			if (versionOf) (this.stored.versions ??= {})[id] = versionOf(item);
		}
		while (this.stored.seen.length > this.max) {
			const dropped = this.stored.seen.shift()!;
			this.seenSet.delete(dropped);
			if (this.stored.versions) delete this.stored.versions[dropped];
		}
	}

	setCursor(cursor: string | undefined): void {
		this.stored.cursor = cursor;
	}

	/** Writes the memory back into static data; call it after the poll's items are final. */
	save(staticData: IDataObject, key: string, now: Date = new Date()): void {
		this.stored.initializedAt ??= now.toISOString();
		staticData[key] = JSON.parse(JSON.stringify(this.stored)) as IDataObject;
	}
}
