import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Both sides are reduced to an HMAC under a per-process random key, so inputs of different lengths
// compare in the same time and timingSafeEqual never throws on a length mismatch.
const comparisonKey = randomBytes(32);

function digest(value: string | Buffer): Buffer {
	return createHmac('sha256', comparisonKey).update(value).digest();
}

/** Whether `a` and `b` hold the same bytes (strings as UTF-8), in time independent of where they differ. */
export function equalsConstantTime(a: string | Buffer, b: string | Buffer): boolean {
	return timingSafeEqual(digest(a), digest(b));
}
