// How WhatsApp stores a file a user picks in PhotoPicker / DocumentPicker
// (developers.facebook.com/docs/whatsapp/flows/reference/media_upload, "Endpoint Media Handling"):
// AES-256-CBC with PKCS#7 under a random 32-byte key and 16-byte IV; HMAC-SHA256 with a separate 32-byte key over
// IV ‖ ciphertext, its first 10 bytes appended: cdn_file = ciphertext ‖ hmac10. encrypted_hash = SHA-256(cdn_file),
// plaintext_hash = SHA-256(file); all metadata base64. decryptMedia follows the doc's five receiving steps.
import { concatBytes, equalBytes, fromBase64, toBase64 } from './bytes';
import { aesCbcDecrypt, aesCbcEncrypt, hmacSha256, randomBytes, sha256 } from './web-crypto';

export const MEDIA_KEY_BYTES = 32;
export const MEDIA_HMAC_KEY_BYTES = 32;
export const MEDIA_IV_BYTES = 16;
export const HMAC10_BYTES = 10;

export interface EncryptionMetadata {
	encryption_key: string;
	hmac_key: string;
	iv: string;
	plaintext_hash: string;
	encrypted_hash: string;
}

export interface EncryptedMedia {
	/** What the CDN serves: ciphertext ‖ first 10 bytes of the HMAC. */
	cdnFile: Uint8Array;
	metadata: EncryptionMetadata;
}

export async function encryptMedia(
	file: Uint8Array,
	secrets: { encryptionKey?: Uint8Array; hmacKey?: Uint8Array; iv?: Uint8Array } = {},
): Promise<EncryptedMedia> {
	const encryptionKey = secrets.encryptionKey ?? randomBytes(MEDIA_KEY_BYTES);
	const hmacKey = secrets.hmacKey ?? randomBytes(MEDIA_HMAC_KEY_BYTES);
	const iv = secrets.iv ?? randomBytes(MEDIA_IV_BYTES);
	const ciphertext = await aesCbcEncrypt(encryptionKey, iv, file);
	const hmac10 = (await hmacSha256(hmacKey, concatBytes(iv, ciphertext))).slice(0, HMAC10_BYTES);
	const cdnFile = concatBytes(ciphertext, hmac10);
	return {
		cdnFile,
		metadata: {
			encryption_key: toBase64(encryptionKey),
			hmac_key: toBase64(hmacKey),
			iv: toBase64(iv),
			plaintext_hash: toBase64(await sha256(file)),
			encrypted_hash: toBase64(await sha256(cdnFile)),
		},
	};
}

export type MediaDecryption =
	| { ok: true; file: Uint8Array }
	| { ok: false; failed: 'metadata' | 'encrypted-hash' | 'hmac' | 'decrypt' | 'plaintext-hash' };

export async function decryptMedia(cdnFile: Uint8Array, metadata: EncryptionMetadata): Promise<MediaDecryption> {
	const key = fromBase64(metadata.encryption_key);
	const hmacKey = fromBase64(metadata.hmac_key);
	const iv = fromBase64(metadata.iv);
	const encryptedHash = fromBase64(metadata.encrypted_hash);
	const plaintextHash = fromBase64(metadata.plaintext_hash);
	if (!key || !hmacKey || !iv || !encryptedHash || !plaintextHash || cdnFile.length < HMAC10_BYTES) {
		return { ok: false, failed: 'metadata' };
	}
	if (!equalBytes(await sha256(cdnFile), encryptedHash)) return { ok: false, failed: 'encrypted-hash' };
	const ciphertext = cdnFile.slice(0, cdnFile.length - HMAC10_BYTES);
	const hmac10 = cdnFile.slice(cdnFile.length - HMAC10_BYTES);
	const expected = (await hmacSha256(hmacKey, concatBytes(iv, ciphertext))).slice(0, HMAC10_BYTES);
	if (!equalBytes(expected, hmac10)) return { ok: false, failed: 'hmac' };
	const file = await aesCbcDecrypt(key, iv, ciphertext);
	if (!file) return { ok: false, failed: 'decrypt' };
	if (!equalBytes(await sha256(file), plaintextHash)) return { ok: false, failed: 'plaintext-hash' };
	return { ok: true, file };
}
