// Byte helpers for the simulated client: base64, UTF-8, hex, concatenation. No crypto here.

export function toBase64(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Strict base64 (standard alphabet, optional padding); null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
	const trimmed = text.trim();
	if (trimmed.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 === 1) return null;
	return new Uint8Array(Buffer.from(trimmed, 'base64'));
}

export function utf8(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

/** Decodes UTF-8, refusing invalid sequences (a wrongly decrypted answer must not pass as text). */
export function fromUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

export function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
	return diff === 0;
}

/** A copy of the bytes in a fresh ArrayBuffer (what WebCrypto wants as BufferSource). */
export function buf(bytes: Uint8Array): ArrayBuffer {
	const copy = new ArrayBuffer(bytes.byteLength);
	new Uint8Array(copy).set(bytes);
	return copy;
}
