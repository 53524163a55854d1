import { createHmac } from 'node:crypto';
import { decodeBase64UrlStrict, encodeBase64Url } from './base64-strict';
import { equalsConstantTime } from './constant-time';

// Meta: flows/guides/implementingyourflowendpoint and the Flows changelog (2025-11-11): with Flow JSON >= 7.3
// and data_api_version >= 4.0 a request carries `flow_token_signature`, a JWT (RFC 7519) signed with HS256
// (RFC 7518 §3.2) under the app secret, whose claims include the request's `flow_token`.
const MAX_JWT_LENGTH = 8192;

export type FlowTokenSignatureFailure =
	| 'malformed'
	| 'unsupported_algorithm'
	| 'bad_signature'
	| 'expired'
	| 'not_yet_valid'
	| 'flow_token_mismatch';

export type FlowTokenSignatureCheck =
	| { valid: true; claims: Record<string, unknown> }
	| { valid: false; reason: FlowTokenSignatureFailure };

function requireSecret(secret: string): void {
	if (typeof secret !== 'string' || secret.length === 0) {
		throw new TypeError('The Meta app secret is empty: set it in the credential');
	}
}

function hs256(signingInput: string, secret: string): string {
	return encodeBase64Url(createHmac('sha256', secret).update(signingInput).digest());
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
	const bytes = decodeBase64UrlStrict(part);
	if (bytes === undefined || bytes.length === 0) return undefined;
	try {
		const value: unknown = JSON.parse(bytes.toString('utf8'));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/** A compact HS256 JWT over `claims` (header {"alg":"HS256","typ":"JWT"}). */
export function signHs256Jwt(claims: Record<string, unknown>, secret: string): string {
	requireSecret(secret);
	const signingInput = `${encodeBase64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${encodeBase64Url(JSON.stringify(claims))}`;
	return `${signingInput}.${hs256(signingInput, secret)}`;
}

/**
 * Verifies Meta's `flow_token_signature`: HS256 only (`none` and every other algorithm are refused), signature
 * compared in constant time, `exp` and `nbf` (epoch seconds) honoured when present, and the `flow_token` claim
 * equal to the request's flow_token. `now` returns milliseconds since the epoch.
 */
export function verifyFlowTokenSignature(
	jwt: string,
	appSecret: string,
	expectedFlowToken: string,
	now: () => number = Date.now,
): FlowTokenSignatureCheck {
	requireSecret(appSecret);
	if (typeof jwt !== 'string' || jwt.length > MAX_JWT_LENGTH) return { valid: false, reason: 'malformed' };
	const parts = jwt.split('.');
	if (parts.length !== 3) return { valid: false, reason: 'malformed' };
	const [headerPart, claimsPart, signature] = parts;

	const header = decodeJsonObject(headerPart);
	if (header === undefined) return { valid: false, reason: 'malformed' };
	// RFC 7515 §4.1.11: extensions we do not understand must make the token invalid.
	if (header.alg !== 'HS256' || header.crit !== undefined) return { valid: false, reason: 'unsupported_algorithm' };
	if (!equalsConstantTime(signature, hs256(`${headerPart}.${claimsPart}`, appSecret))) {
		return { valid: false, reason: 'bad_signature' };
	}

	const claims = decodeJsonObject(claimsPart);
	if (claims === undefined) return { valid: false, reason: 'malformed' };
	const nowSeconds = now() / 1000;
	if (claims.exp !== undefined) {
		if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return { valid: false, reason: 'malformed' };
		if (nowSeconds >= claims.exp) return { valid: false, reason: 'expired' };
	}
	if (claims.nbf !== undefined) {
		if (typeof claims.nbf !== 'number' || !Number.isFinite(claims.nbf)) return { valid: false, reason: 'malformed' };
		if (nowSeconds < claims.nbf) return { valid: false, reason: 'not_yet_valid' };
	}
	if (typeof claims.flow_token !== 'string' || !equalsConstantTime(claims.flow_token, String(expectedFlowToken))) {
		return { valid: false, reason: 'flow_token_mismatch' };
	}
	return { valid: true, claims };
}
