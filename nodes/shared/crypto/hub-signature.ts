import { createHmac } from 'node:crypto';
import { equalsConstantTime } from './constant-time';

// Meta: graph-api/webhooks/getting-started (Event Notifications, "Validating Payloads") and
// flows/guides/implementingyourflowendpoint: X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256(raw body, app secret).
const PREFIX = 'sha256=';
const HEADER_FORMAT = /^sha256=[0-9a-f]{64}$/i;

export type HubSignatureCheck = { valid: true } | { valid: false; reason: 'missing' | 'malformed' | 'mismatch' };

function requireSecret(appSecret: string): void {
	if (typeof appSecret !== 'string' || appSecret.length === 0) {
		throw new TypeError('The Meta app secret is empty: set it in the credential');
	}
}

/** The X-Hub-Signature-256 value Meta sends for this body. The body must be the raw bytes, not re-serialised JSON. */
export function signHubSignature(rawBody: Buffer | string, appSecret: string): string {
	requireSecret(appSecret);
	return PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

function singleHeaderValue(header: string | string[] | undefined): string | undefined | null {
	if (header === undefined) return undefined;
	if (Array.isArray(header)) {
		if (header.length === 0) return undefined;
		// Several signature headers are ambiguous: refuse rather than pick one.
		if (header.length > 1) return null;
		header = header[0];
	}
	if (typeof header !== 'string') return null;
	const trimmed = header.trim();
	return trimmed.length === 0 ? undefined : trimmed;
}

/** Checks Meta's X-Hub-Signature-256 against the raw body in constant time; never throws on request input. */
export function verifyHubSignature(
	rawBody: Buffer | string,
	header: string | string[] | undefined,
	appSecret: string,
): HubSignatureCheck {
	requireSecret(appSecret);
	const value = singleHeaderValue(header);
	if (value === undefined) return { valid: false, reason: 'missing' };
	if (value === null || !HEADER_FORMAT.test(value)) return { valid: false, reason: 'malformed' };
	const received = PREFIX + value.slice(PREFIX.length).toLowerCase();
	return equalsConstantTime(received, signHubSignature(rawBody, appSecret))
		? { valid: true }
		: { valid: false, reason: 'mismatch' };
}
