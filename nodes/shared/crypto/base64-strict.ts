// Buffer.from(x, 'base64') skips characters it does not know and never fails; these decoders refuse
// anything that is not clean base64, so malformed input is rejected instead of silently reinterpreted.

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function hasValidLength(unpadded: string): boolean {
	return unpadded.length % 4 !== 1;
}

/** Standard base64 (padding optional); undefined when the text is not base64. */
export function decodeBase64Strict(text: string): Buffer | undefined {
	if (!BASE64.test(text)) return undefined;
	const unpadded = text.replace(/=+$/, '');
	if (!hasValidLength(unpadded)) return undefined;
	if (text.length !== unpadded.length && text.length % 4 !== 0) return undefined;
	return Buffer.from(unpadded, 'base64');
}

/** Unpadded base64url (RFC 4648 §5, as in JWTs); undefined when the text is not base64url. */
export function decodeBase64UrlStrict(text: string): Buffer | undefined {
	if (!BASE64URL.test(text) || !hasValidLength(text)) return undefined;
	return Buffer.from(text, 'base64url');
}

export function encodeBase64Url(data: Buffer | string): string {
	return Buffer.from(data).toString('base64url');
}
