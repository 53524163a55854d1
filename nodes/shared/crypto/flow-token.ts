import { createHmac, randomBytes } from 'node:crypto';
import { decodeBase64UrlStrict, encodeBase64Url } from './base64-strict';
import { equalsConstantTime } from './constant-time';

// Our own signed token, sent as Meta's opaque `flow_token` (Meta: flows/guides/sendingaflow) and in signed
// links. Format: `wf1.<base64url(claims JSON)>.<base64url(HMAC-SHA256(secret, "wf1.<claims>"))>`.
// Claims use short keys: r recipient (wa_id digits), f flow id, e expiry (epoch seconds), n nonce,
// d record id, v variant.
const VERSION = 'wf1';
const VERSION_SHAPE = /^wf[0-9]+$/;
const HMAC_BASE64URL_LENGTH = 43;

export const FLOW_TOKEN_MAX_LENGTH = 512;
export const FLOW_TOKEN_MIN_SECRET_LENGTH = 16;
export const FLOW_TOKEN_MAX_RECORD_ID_LENGTH = 64;
export const FLOW_TOKEN_MAX_VARIANT_LENGTH = 16;
const MAX_FLOW_ID_LENGTH = 64;
const MAX_TTL_SECONDS = 10 * 366 * 24 * 60 * 60;
const RECIPIENT = /^[0-9]{1,20}$/;
const NONCE = /^[A-Za-z0-9_-]{8,32}$/;

export interface FlowTokenContext {
	recordId?: string;
	variant?: string;
}

export interface FlowTokenClaims {
	recipient: string;
	flowId: string;
	/** Epoch seconds; the token is valid while now < expiresAt. */
	expiresAt: number;
	nonce: string;
	context: FlowTokenContext;
}

export type FlowTokenFailure =
	| 'malformed'
	| 'unsupported_version'
	| 'bad_signature'
	| 'expired'
	| 'recipient_mismatch'
	| 'flow_mismatch';

export type FlowTokenCheck = { valid: true; claims: FlowTokenClaims } | { valid: false; reason: FlowTokenFailure };

/** A secret too short to sign or verify tokens with: a configuration error, never a request error. */
export class FlowTokenSecretError extends Error {
	constructor() {
		super(`The flow token secret must be at least ${FLOW_TOKEN_MIN_SECRET_LENGTH} characters long`);
		this.name = 'FlowTokenSecretError';
	}
}

function requireSecret(secret: string): void {
	if (typeof secret !== 'string' || secret.length < FLOW_TOKEN_MIN_SECRET_LENGTH) throw new FlowTokenSecretError();
}

/** wa_id digits, with the "+", spaces, dashes and brackets people type around phone numbers removed. */
export function normalizeFlowTokenRecipient(recipient: string): string {
	return recipient.replace(/[\s+()-]/g, '');
}

function sign(secret: string, signedPart: string): string {
	return encodeBase64Url(createHmac('sha256', secret).update(signedPart).digest());
}

export interface CreateFlowTokenOptions {
	secret: string;
	recipient: string;
	flowId: string;
	ttlSeconds: number;
	context?: FlowTokenContext;
	/** Milliseconds since the epoch; defaults to the clock. */
	now?: () => number;
	/** Base64url, 8 to 32 characters; defaults to 96 random bits. */
	nonce?: string;
}

function checkCreateOptions(options: CreateFlowTokenOptions, recipient: string): void {
	const { flowId, ttlSeconds, context, nonce } = options;
	if (!RECIPIENT.test(recipient)) throw new RangeError('The flow token recipient must be a wa_id (up to 20 digits)');
	if (typeof flowId !== 'string' || flowId.length === 0 || flowId.length > MAX_FLOW_ID_LENGTH) {
		throw new RangeError(`The flow id must be 1 to ${MAX_FLOW_ID_LENGTH} characters`);
	}
	if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
		throw new RangeError('The flow token lifetime must be a whole number of seconds, at least 1 and at most 10 years');
	}
	if ((context?.recordId?.length ?? 0) > FLOW_TOKEN_MAX_RECORD_ID_LENGTH) {
		throw new RangeError(`The flow token record id must be at most ${FLOW_TOKEN_MAX_RECORD_ID_LENGTH} characters`);
	}
	if ((context?.variant?.length ?? 0) > FLOW_TOKEN_MAX_VARIANT_LENGTH) {
		throw new RangeError(`The flow token variant must be at most ${FLOW_TOKEN_MAX_VARIANT_LENGTH} characters`);
	}
	if (nonce !== undefined && !NONCE.test(nonce)) throw new RangeError('The flow token nonce must be 8 to 32 base64url characters');
}

/** A signed, URL-safe flow token binding recipient, flow and expiry (plus an optional small context). */
export function createFlowToken(options: CreateFlowTokenOptions): string {
	requireSecret(options.secret);
	const recipient = normalizeFlowTokenRecipient(String(options.recipient));
	checkCreateOptions(options, recipient);
	const now = options.now ?? Date.now;
	const claims: Record<string, string | number> = {
		r: recipient,
		f: options.flowId,
		e: Math.floor(now() / 1000) + options.ttlSeconds,
		n: options.nonce ?? encodeBase64Url(randomBytes(12)),
	};
	if (options.context?.recordId !== undefined) claims.d = options.context.recordId;
	if (options.context?.variant !== undefined) claims.v = options.context.variant;

	const signedPart = `${VERSION}.${encodeBase64Url(JSON.stringify(claims))}`;
	const token = `${signedPart}.${sign(options.secret, signedPart)}`;
	if (token.length > FLOW_TOKEN_MAX_LENGTH) {
		throw new RangeError(`The flow token would exceed ${FLOW_TOKEN_MAX_LENGTH} characters: shorten the flow id or context`);
	}
	return token;
}

type Segments = { version: string; claimsPart: string; signature: string };

// Cheap shape checks only: length first, then the three segments, before anything is decoded or parsed.
function splitToken(token: unknown): Segments | 'malformed' | 'unsupported_version' {
	if (typeof token !== 'string' || token.length > FLOW_TOKEN_MAX_LENGTH) return 'malformed';
	const parts = token.split('.');
	if (parts.length !== 3) return 'malformed';
	const [version, claimsPart, signature] = parts;
	if (version !== VERSION) return VERSION_SHAPE.test(version) ? 'unsupported_version' : 'malformed';
	if (decodeBase64UrlStrict(claimsPart) === undefined || claimsPart.length === 0) return 'malformed';
	if (signature.length !== HMAC_BASE64URL_LENGTH || decodeBase64UrlStrict(signature) === undefined) return 'malformed';
	return { version, claimsPart, signature };
}

function optionalString(value: unknown, maxLength: number): value is string | undefined {
	return value === undefined || (typeof value === 'string' && value.length <= maxLength);
}

function decodeClaims(claimsPart: string): FlowTokenClaims | undefined {
	let raw: unknown;
	try {
		raw = JSON.parse((decodeBase64UrlStrict(claimsPart) ?? Buffer.alloc(0)).toString('utf8'));
	} catch {
		return undefined;
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
	const { r, f, e, n, d, v, ...unknownKeys } = raw as Record<string, unknown>;
	if (Object.keys(unknownKeys).length > 0) return undefined;
	if (typeof r !== 'string' || !RECIPIENT.test(r)) return undefined;
	if (typeof f !== 'string' || f.length === 0 || f.length > MAX_FLOW_ID_LENGTH) return undefined;
	if (typeof e !== 'number' || !Number.isSafeInteger(e)) return undefined;
	if (typeof n !== 'string' || !NONCE.test(n)) return undefined;
	if (!optionalString(d, FLOW_TOKEN_MAX_RECORD_ID_LENGTH) || !optionalString(v, FLOW_TOKEN_MAX_VARIANT_LENGTH)) {
		return undefined;
	}
	const context: FlowTokenContext = {};
	if (d !== undefined) context.recordId = d;
	if (v !== undefined) context.variant = v;
	return { recipient: r, flowId: f, expiresAt: e, nonce: n, context };
}

export interface VerifyFlowTokenOptions {
	/** Milliseconds since the epoch; defaults to the clock. */
	now?: () => number;
	/** When given, the token must have been issued for this wa_id. */
	recipient?: string;
	/** When given, the token must have been issued for this flow. */
	flowId?: string;
}

/** Checks a flow token's signature (constant time), expiry and, when asked, its recipient and flow. */
export function verifyFlowToken(token: string, secret: string, options: VerifyFlowTokenOptions = {}): FlowTokenCheck {
	requireSecret(secret);
	const segments = splitToken(token);
	if (typeof segments === 'string') return { valid: false, reason: segments };
	// Comparing the base64url text (not decoded bytes) also refuses non-canonical spellings of a valid signature.
	const expected = sign(secret, `${segments.version}.${segments.claimsPart}`);
	if (!equalsConstantTime(segments.signature, expected)) return { valid: false, reason: 'bad_signature' };

	const claims = decodeClaims(segments.claimsPart);
	if (claims === undefined) return { valid: false, reason: 'malformed' };
	const now = options.now ?? Date.now;
	if (now() >= claims.expiresAt * 1000) return { valid: false, reason: 'expired' };
	if (options.recipient !== undefined && normalizeFlowTokenRecipient(options.recipient) !== claims.recipient) {
		return { valid: false, reason: 'recipient_mismatch' };
	}
	if (options.flowId !== undefined && options.flowId !== claims.flowId) return { valid: false, reason: 'flow_mismatch' };
	return { valid: true, claims };
}

/** The claims of a well-formed current-version token WITHOUT checking its signature: for logs and UI only. */
export function peekFlowToken(token: string): FlowTokenClaims | undefined {
	const segments = splitToken(token);
	return typeof segments === 'string' ? undefined : decodeClaims(segments.claimsPart);
}
