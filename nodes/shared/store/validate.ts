import { StoreRejectedError } from './errors';

const NAMESPACE = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_KEY_LENGTH = 1024;

export function assertNamespace(namespace: string): void {
	if (!NAMESPACE.test(namespace)) {
		throw new StoreRejectedError(`Invalid store namespace "${namespace}": use 1-64 letters, digits, '_', '-' or '.'`);
	}
}

export function assertKey(key: string): void {
	if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
		throw new StoreRejectedError(`Invalid store key: use a non-empty string of at most ${MAX_KEY_LENGTH} characters`);
	}
}

/** The expiry (epoch ms) of a record written at `now`, or null for "never". */
export function expiryFrom(now: number, ttlMs: number | null): number | null {
	if (ttlMs === null) return null;
	if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
		throw new StoreRejectedError(`Invalid ttlMs ${ttlMs}: use a positive number of milliseconds or null`);
	}
	return now + ttlMs;
}

export function isLive(expiresAt: number | null, now: number): boolean {
	return expiresAt === null || expiresAt > now;
}

/** Serialises a value the way both stores keep it; rejects what JSON cannot represent. */
export function toJson(value: unknown): string {
	const json = JSON.stringify(value);
	if (json === undefined) {
		throw new StoreRejectedError('Store values must be JSON-serialisable (got undefined, a function or a symbol)');
	}
	return json;
}
