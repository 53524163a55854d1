import type { KeyObject } from 'node:crypto';
import { TtlCache } from './ttl-cache';

/**
 * The AES key of a request the trigger decrypted, handed to the respond node of the same execution when both run in
 * one process (n8n's regular mode), so the answer is encrypted without unwrapping the key again (an RSA-OAEP decrypt,
 * about a millisecond of CPU, the largest cost of our nodes per request). Held only in memory, never in execution
 * data; taken once; dropped after `ttlMs`. In queue mode the respond node runs on a worker, finds nothing here and
 * unwraps the wrapped key from the trigger's output again.
 */
export class AesKeyHandoff {
	private readonly keys: TtlCache<{ aesKey: KeyObject; privateKey: KeyObject }>;

	constructor(ttlMs: number, capacity: number, now: () => number = Date.now) {
		this.keys = new TtlCache(ttlMs, capacity, now);
	}

	get size(): number {
		return this.keys.size;
	}

	/** `encryptedAesKey` is the request's field as received (base64): unique per request. */
	put(encryptedAesKey: string, aesKey: KeyObject, privateKey: KeyObject): void {
		// Keys nobody took (queue mode, or a workflow that never answered) do not stay in memory longer than needed.
		this.keys.pruneExpired();
		this.keys.set(encryptedAesKey, { aesKey, privateKey });
	}

	/**
	 * The key handed over for this request, removed from here; undefined when there is none, it expired, or it was
	 * decrypted with another private key than `privateKey` (the respond node must use the trigger's key credential).
	 */
	take(encryptedAesKey: string, privateKey: KeyObject): KeyObject | undefined {
		const entry = this.keys.get(encryptedAesKey);
		this.keys.delete(encryptedAesKey);
		return entry?.privateKey === privateKey ? entry.aesKey : undefined;
	}
}

/**
 * One per n8n process. Entries live 15 s: past Meta's 10 s limit for an answer
 * (flows/guides/implementingyourflowendpoint) an answer is of no use to the client anyway.
 */
export const processAesKeyHandoff = new AesKeyHandoff(15_000, 4096);
