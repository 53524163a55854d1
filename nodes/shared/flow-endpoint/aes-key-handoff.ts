import type { KeyObject } from 'node:crypto';

interface HandedKey {
	aesKey: Buffer;
	privateKey: KeyObject;
	expiresAt: number;
}

/**
 * The AES key of a request the trigger decrypted, handed to the respond node of the same execution when both run in
 * one process (n8n's regular mode), so the answer is encrypted without unwrapping the key again (an RSA-OAEP decrypt,
 * about a millisecond of CPU, the largest cost of our nodes per request). Held only in memory, never in execution
 * data; taken once; dropped after `ttlMs`. In queue mode the respond node runs on a worker, finds nothing here and
 * unwraps the wrapped key from the trigger's output again.
 */
export class AesKeyHandoff {
	private readonly entries = new Map<string, HandedKey>();

	constructor(
		readonly ttlMs: number,
		readonly capacity: number,
		private readonly now: () => number = Date.now,
	) {}

	get size(): number {
		return this.entries.size;
	}

	/** `encryptedAesKey` is the request's field as received (base64): unique per request. */
	put(encryptedAesKey: string, aesKey: Buffer, privateKey: KeyObject): void {
		this.dropExpired();
		this.entries.delete(encryptedAesKey);
		this.entries.set(encryptedAesKey, { aesKey, privateKey, expiresAt: this.now() + this.ttlMs });
		while (this.entries.size > this.capacity) {
			const oldest = this.entries.keys().next().value;
			if (oldest === undefined) break;
			this.entries.delete(oldest);
		}
	}

	/**
	 * The key handed over for this request, removed from here; undefined when there is none, it expired, or it was
	 * decrypted with another private key than `privateKey` (the respond node must use the trigger's key credential).
	 */
	take(encryptedAesKey: string, privateKey: KeyObject): Buffer | undefined {
		const entry = this.entries.get(encryptedAesKey);
		if (entry === undefined) return undefined;
		this.entries.delete(encryptedAesKey);
		if (entry.expiresAt <= this.now() || entry.privateKey !== privateKey) return undefined;
		return entry.aesKey;
	}

	/** Entries are in insertion order with one TTL, so the expired ones are at the front. */
	private dropExpired(): void {
		const now = this.now();
		for (const [key, entry] of this.entries) {
			if (entry.expiresAt > now) break;
			this.entries.delete(key);
		}
	}
}

/**
 * One per n8n process. Entries live 15 s: past Meta's 10 s limit for an answer
 * (flows/guides/implementingyourflowendpoint) an answer is of no use to the client anyway.
 */
export const processAesKeyHandoff = new AesKeyHandoff(15_000, 4096);
