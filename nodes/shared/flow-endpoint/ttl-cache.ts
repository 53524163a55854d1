/**
 * A small map whose entries expire `ttlMs` after they were set, bounded to `capacity` entries (the oldest set goes
 * first). For values that are expensive to fetch and may be slightly stale.
 */
export class TtlCache<V> {
	private readonly entries = new Map<string, { value: V; setAt: number; expiresAt: number }>();

	constructor(
		readonly ttlMs: number,
		readonly capacity: number,
		private readonly now: () => number = Date.now,
	) {}

	get size(): number {
		return this.entries.size;
	}

	get(key: string): V | undefined {
		return this.getEntry(key)?.value;
	}

	/** The value and how many milliseconds ago it was set. */
	getEntry(key: string): { value: V; ageMs: number } | undefined {
		const entry = this.entries.get(key);
		if (entry === undefined) return undefined;
		const now = this.now();
		if (now >= entry.expiresAt) {
			this.entries.delete(key);
			return undefined;
		}
		return { value: entry.value, ageMs: now - entry.setAt };
	}

	set(key: string, value: V): void {
		this.entries.delete(key);
		const now = this.now();
		this.entries.set(key, { value, setAt: now, expiresAt: now + this.ttlMs });
		while (this.entries.size > this.capacity) {
			const oldest = this.entries.keys().next().value;
			if (oldest === undefined) break;
			this.entries.delete(oldest);
		}
	}

	delete(key: string): void {
		this.entries.delete(key);
	}

	/** Removes the expired entries now (otherwise they go when read or pushed out). Set order is expiry order. */
	pruneExpired(): void {
		const now = this.now();
		for (const [key, entry] of this.entries) {
			if (entry.expiresAt > now) break;
			this.entries.delete(key);
		}
	}
}
