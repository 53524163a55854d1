// The client's primitives, all WebCrypto (globalThis.crypto.subtle) — deliberately not node:crypto, so a mistake
// shared with the nodes' crypto code cannot pass both sides.
import { buf, fromBase64 } from './bytes';

const subtle = globalThis.crypto.subtle;
export type WebCryptoKey = Awaited<ReturnType<typeof subtle.importKey>>;

export function randomBytes(length: number): Uint8Array {
	return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** The DER body of a PEM block with the given label ("PUBLIC KEY", "PRIVATE KEY"); throws when absent. */
export function pemToDer(pem: string, label: string): Uint8Array {
	const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
	const der = match ? fromBase64(match[1].replace(/\s+/g, '')) : null;
	if (!der) throw new Error(`not a PEM "${label}" block`);
	return der;
}

/** RSA-OAEP with SHA-256 for both OAEP and MGF1 (WebCrypto uses the one hash for both). */
export function importRsaOaepPublicKey(spkiPem: string): Promise<WebCryptoKey> {
	return subtle.importKey('spki', buf(pemToDer(spkiPem, 'PUBLIC KEY')), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, [
		'encrypt',
	]);
}

/** PKCS#8 DER (unencrypted) private key for RSA-OAEP-SHA256: used by self-tests to open recorded requests. */
export function importRsaOaepPrivateKey(pkcs8Der: Uint8Array): Promise<WebCryptoKey> {
	return subtle.importKey('pkcs8', buf(pkcs8Der), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
}

export async function rsaOaepEncrypt(key: WebCryptoKey, data: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await subtle.encrypt({ name: 'RSA-OAEP' }, key, buf(data)));
}

export async function rsaOaepDecrypt(key: WebCryptoKey, data: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await subtle.decrypt({ name: 'RSA-OAEP' }, key, buf(data)));
}

/** AES-GCM with a 16-byte tag appended to the ciphertext (WebCrypto's layout, and Meta's). */
export async function aesGcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
	const k = await subtle.importKey('raw', buf(key), 'AES-GCM', false, ['encrypt']);
	return new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: buf(iv), tagLength: 128 }, k, buf(plaintext)));
}

/** null when authentication fails (wrong key, IV or tag). */
export async function aesGcmDecrypt(key: Uint8Array, iv: Uint8Array, sealed: Uint8Array): Promise<Uint8Array | null> {
	if (sealed.length < 16) return null;
	try {
		const k = await subtle.importKey('raw', buf(key), 'AES-GCM', false, ['decrypt']);
		return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: buf(iv), tagLength: 128 }, k, buf(sealed)));
	} catch {
		return null;
	}
}

/** AES-CBC; WebCrypto always applies PKCS#7 padding. */
export async function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
	const k = await subtle.importKey('raw', buf(key), 'AES-CBC', false, ['encrypt']);
	return new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: buf(iv) }, k, buf(plaintext)));
}

/** null when the padding is wrong. */
export async function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array | null> {
	try {
		const k = await subtle.importKey('raw', buf(key), 'AES-CBC', false, ['decrypt']);
		return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: buf(iv) }, k, buf(ciphertext)));
	} catch {
		return null;
	}
}

export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
	const k = await subtle.importKey('raw', buf(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return new Uint8Array(await subtle.sign('HMAC', k, buf(data)));
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await subtle.digest('SHA-256', buf(data)));
}
