import { StoreUnavailableError } from './errors';
import type { InsertResult, KeyedValue, SharedStore, StoredRecord } from './types';
import { assertKey, assertNamespace, expiryFrom, isLive, toJson } from './validate';

export interface MemoryStoreOptions {
	now: () => number;
	/** Upper bound on stored records. When full, expired records are dropped; if still full, writes fail. */
	maxRecords?: number;
}

interface Entry {
	key: string;
	json: string;
	version: number;
	expiresAt: number | null;
}

/**
 * A store inside one Node.js process. Exact for every caller in that process: each operation runs
 * synchronously from start to end (no `await` inside), so operations never interleave.
 *
 * NOT shared between processes (n8n queue-mode workers, several mains) and LOST ON RESTART: use the
 * data-table store when either matters.
 *
 * When `maxRecords` is reached and pruning frees nothing, writes throw `StoreUnavailableError` rather
 * than evicting a live record: silently forgetting an OTP attempt counter or a dedupe mark would break
 * the very guarantee callers rely on.
 */
export function createMemoryStore(options: MemoryStoreOptions): SharedStore {
	const { now } = options;
	const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
	const entries = new Map<string, Entry>();

	const id = (namespace: string, key: string): string => {
		assertNamespace(namespace);
		assertKey(key);
		return `${namespace}:${key}`;
	};

	const liveEntry = (entryId: string, at: number): Entry | undefined => {
		const entry = entries.get(entryId);
		return entry && isLive(entry.expiresAt, at) ? entry : undefined;
	};

	const toRecord = <T>(entry: Entry): StoredRecord<T> => ({
		key: entry.key,
		value: JSON.parse(entry.json) as T,
		version: entry.version,
		expiresAt: entry.expiresAt,
	});

	const pruneExpired = (at: number): number => {
		let removed = 0;
		for (const [entryId, entry] of entries) {
			if (!isLive(entry.expiresAt, at)) {
				entries.delete(entryId);
				removed++;
			}
		}
		return removed;
	};

	/** Makes room for `count` new records, or throws before anything is written. */
	const reserve = (count: number, at: number): void => {
		if (entries.size + count <= maxRecords) return;
		pruneExpired(at);
		if (entries.size + count > maxRecords) {
			throw new StoreUnavailableError(`The in-memory store is full (maxRecords = ${maxRecords})`);
		}
	};

	const insertManyNow = <T>(
		namespace: string,
		items: ReadonlyArray<KeyedValue<T>>,
		ttlMs: number | null,
	): Array<InsertResult<T>> => {
		const at = now();
		const expiresAt = expiryFrom(at, ttlMs);
		const prepared = items.map((item) => ({ entryId: id(namespace, item.key), key: item.key, json: toJson(item.value) }));
		const fresh = new Set(prepared.filter((p) => !liveEntry(p.entryId, at)).map((p) => p.entryId));
		reserve(fresh.size, at);
		return prepared.map((p) => {
			const existing = liveEntry(p.entryId, at);
			if (existing) return { inserted: false, record: toRecord<T>(existing) };
			const entry: Entry = { key: p.key, json: p.json, version: 1, expiresAt };
			entries.delete(p.entryId); // an expired leftover: re-insert so Map order stays creation order
			entries.set(p.entryId, entry);
			return { inserted: true, record: toRecord<T>(entry) };
		});
	};

	return {
		async get<T>(namespace: string, key: string) {
			const entry = liveEntry(id(namespace, key), now());
			return entry ? toRecord<T>(entry) : null;
		},

		async getMany<T>(namespace: string, keys: readonly string[]) {
			const at = now();
			const found = new Map<string, StoredRecord<T>>();
			for (const key of keys) {
				const entry = liveEntry(id(namespace, key), at);
				if (entry) found.set(key, toRecord<T>(entry));
			}
			return found;
		},

		async create<T>(namespace: string, key: string, value: T, ttlMs: number | null) {
			const entryId = id(namespace, key);
			const at = now();
			const entry: Entry = { key, json: toJson(value), version: 1, expiresAt: expiryFrom(at, ttlMs) };
			if (!entries.has(entryId)) reserve(1, at);
			entries.set(entryId, entry);
			return toRecord<T>(entry);
		},

		async insertIfAbsent<T>(namespace: string, key: string, value: T, ttlMs: number | null) {
			return insertManyNow(namespace, [{ key, value }], ttlMs)[0];
		},

		async insertManyIfAbsent<T>(namespace: string, items: ReadonlyArray<KeyedValue<T>>, ttlMs: number | null) {
			return insertManyNow(namespace, items, ttlMs).map((result) => result.inserted);
		},

		async compareAndSet<T>(
			namespace: string,
			key: string,
			expectedVersion: number,
			value: T,
			ttlMs?: number | null,
		) {
			const at = now();
			const entry = liveEntry(id(namespace, key), at);
			if (!entry || entry.version !== expectedVersion) return null;
			entry.json = toJson(value);
			entry.version++;
			if (ttlMs !== undefined) entry.expiresAt = expiryFrom(at, ttlMs);
			return toRecord<T>(entry);
		},

		async delete(namespace: string, key: string) {
			entries.delete(id(namespace, key));
		},

		async prune() {
			return pruneExpired(now());
		},
	};
}
