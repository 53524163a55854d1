/**
 * Which step refused a picked file, in the order they run: the entry's shape, the CDN download and its size, then
 * the four checks of Meta's "Decrypting and validating media" (flows/reference/media_upload, "Endpoint" section).
 */
export type FlowMediaCheck = 'entry' | 'download' | 'size' | 'encrypted-hash' | 'hmac' | 'decrypt' | 'plaintext-hash';

/** A file that was not decrypted: which check failed, why (the message) and what to do about it (the fix). */
export class FlowMediaError extends Error {
	constructor(
		readonly check: FlowMediaCheck,
		message: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'FlowMediaError';
	}
}
