/**
 * The exact shared-state store: one small interface, two implementations
 * (`createMemoryStore` for one n8n process, `createDataTableStore` for n8n's own database).
 *
 * Rules common to both implementations:
 * - `namespace` separates uses ('otp', 'dedupe', …): letters, digits, '_', '-', '.', at most 64 characters.
 * - `key` is any non-empty string of at most 1,024 characters.
 * - Values are stored as JSON: what comes back is `JSON.parse(JSON.stringify(value))`, never the same object.
 * - `ttlMs` is a positive number of milliseconds, or null for "never expires". An expired record is absent
 *   for every operation, even before `prune()` removes it.
 * - Errors: `StoreUnavailableError` (backend unreachable or failing: the caller decides fail-open or
 *   fail-closed), `StoreContentionError` (gave up after repeated lost races), `StoreRejectedError`
 *   (misconfiguration: bad API key, missing scopes, invalid input, storage cap reached).
 */
export interface StoredRecord<T> {
	key: string;
	value: T;
	/** 1 when created; grows by one with every successful write. */
	version: number;
	/** Epoch ms from which the record is absent; null = never expires. */
	expiresAt: number | null;
}

export interface InsertResult<T> {
	inserted: boolean;
	/** The record just inserted, or the live record that prevented the insert. */
	record: StoredRecord<T>;
}

export interface KeyedValue<T> {
	key: string;
	value: T;
}

export interface SharedStore {
	get<T>(namespace: string, key: string): Promise<StoredRecord<T> | null>;

	/** The live records among `keys`; absent keys are missing from the map. */
	getMany<T>(namespace: string, keys: readonly string[]): Promise<Map<string, StoredRecord<T>>>;

	/**
	 * Writes a new record without checking for an existing one: only for a key that the caller alone
	 * knows (a fresh random token). Use `insertIfAbsent` for any key that others could also write.
	 */
	create<T>(namespace: string, key: string, value: T, ttlMs: number | null): Promise<StoredRecord<T>>;

	/** Inserts unless a live record exists. Of any number of concurrent callers, exactly one inserts. */
	insertIfAbsent<T>(namespace: string, key: string, value: T, ttlMs: number | null): Promise<InsertResult<T>>;

	/**
	 * `insertIfAbsent` for many keys at once (webhook dedupe: up to 1,000 events per POST), in a few
	 * requests. Returns one boolean per entry, in order: true = this call inserted it. A key repeated
	 * inside `entries` counts once: only its first occurrence can be true.
	 */
	insertManyIfAbsent<T>(
		namespace: string,
		entries: ReadonlyArray<KeyedValue<T>>,
		ttlMs: number | null,
	): Promise<boolean[]>;

	/**
	 * Replaces the value if the live record still has `expectedVersion`. Returns the new record, or null
	 * when the record changed meanwhile, expired or was deleted (re-read and decide again: see
	 * `updateWithRetry`). `ttlMs`: omitted = keep the current expiry, null = never, a number = from now.
	 */
	compareAndSet<T>(
		namespace: string,
		key: string,
		expectedVersion: number,
		value: T,
		ttlMs?: number | null,
	): Promise<StoredRecord<T> | null>;

	delete(namespace: string, key: string): Promise<void>;

	/** Removes expired records (and, in the data-table store, abandoned claims); returns how many. */
	prune(): Promise<number>;
}
