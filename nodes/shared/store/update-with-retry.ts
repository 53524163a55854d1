import { StoreContentionError } from './errors';
import type { SharedStore, StoredRecord } from './types';

export type UpdateOutcome<T> =
	| { updated: true; record: StoredRecord<T> }
	| { updated: false; current: StoredRecord<T> | null };

export interface UpdateWithRetryOptions {
	/** Read-decide-write rounds before giving up with `StoreContentionError`. Default 10. */
	maxAttempts?: number;
	/**
	 * Expiry of a record that `mutate` creates (default: never). When given, also re-sets the expiry of
	 * an updated record; when omitted, an updated record keeps its expiry.
	 */
	ttlMs?: number | null;
}

/**
 * Read → decide → compare-and-set, repeated on a lost race. `mutate` gets the live record (or null) and
 * returns the next value, or undefined to stop without writing. Example, at most 5 OTP attempts:
 * `mutate: (r) => (r && r.value.attempts < 5 ? { ...r.value, attempts: r.value.attempts + 1 } : undefined)`.
 *
 * No backoff between rounds: a lost race means another writer succeeded, so the system as a whole
 * always progresses, and a bounded cap (like the 5 attempts) bounds the rounds any caller needs.
 */
export async function updateWithRetry<T>(
	store: SharedStore,
	namespace: string,
	key: string,
	mutate: (current: StoredRecord<T> | null) => T | undefined,
	options: UpdateWithRetryOptions = {},
): Promise<UpdateOutcome<T>> {
	const maxAttempts = options.maxAttempts ?? 10;
	for (let attempt = 0; attempt < maxAttempts; attempt++) {
		const current = await store.get<T>(namespace, key);
		const next = mutate(current);
		if (next === undefined) return { updated: false, current };
		if (current === null) {
			const result = await store.insertIfAbsent(namespace, key, next, options.ttlMs ?? null);
			if (result.inserted) return { updated: true, record: result.record };
			continue;
		}
		const record = await store.compareAndSet(namespace, key, current.version, next, options.ttlMs);
		if (record) return { updated: true, record };
	}
	throw new StoreContentionError(
		`Gave up updating ${namespace}/${key} after ${maxAttempts} lost races with concurrent writers`,
	);
}
