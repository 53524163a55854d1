// Meta's "Decrypting and validating media" (developers.facebook.com/docs/whatsapp/flows/reference/media_upload):
// the CDN file is ciphertext ‖ hmac10, and the receiver
//   2. checks SHA256(cdn_file) == encrypted_hash,
//   3. computes HMAC-SHA256(hmac_key, iv ‖ ciphertext) and checks its first 10 bytes == hmac10,
//   4. decrypts AES-256-CBC(encryption_key, iv) and removes the PKCS#7 padding,
//   5. checks SHA256(decrypted_media) == plaintext_hash.
// Step 1 (the download) is the caller's. Each failure names its step; nothing is returned unless all pass.
import { createDecipheriv, createHash, createHmac } from 'node:crypto';
import { equalsConstantTime } from '../crypto/constant-time';
import { FlowMediaError } from './errors';
import type { FlowMediaKeys } from './flow-media-entry';

export const HMAC10_BYTES = 10;
const AES_BLOCK_BYTES = 16;

const SAME_ENTRY_FIX =
	'Use the entry exactly as WhatsApp sent it (all of encryption_metadata together with its own cdn_url), and decrypt the files when the request arrives.';

function sha256(data: Buffer): Buffer {
	return createHash('sha256').update(data).digest();
}

function aes256CbcDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer): Buffer | undefined {
	if (ciphertext.length === 0 || ciphertext.length % AES_BLOCK_BYTES !== 0) return undefined;
	try {
		const decipher = createDecipheriv('aes-256-cbc', key, iv);
		return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
	} catch {
		return undefined; // bad PKCS#7 padding
	}
}

/** The decrypted file, or a FlowMediaError naming the first check the CDN file fails. */
export function decryptCdnFile(cdnFile: Buffer, keys: FlowMediaKeys): Buffer {
	if (!equalsConstantTime(sha256(cdnFile), keys.encryptedHash)) {
		throw new FlowMediaError(
			'encrypted-hash',
			'the downloaded file does not match encryption_metadata.encrypted_hash (SHA-256 of the CDN file)',
			`The file at cdn_url is not the one WhatsApp encrypted for this entry: it was changed or cut short, or cdn_url / encrypted_hash were altered. ${SAME_ENTRY_FIX}`,
		);
	}
	if (cdnFile.length < HMAC10_BYTES) {
		throw new FlowMediaError('hmac', `the CDN file has ${cdnFile.length} bytes, fewer than its 10-byte HMAC`, SAME_ENTRY_FIX);
	}
	const ciphertext = cdnFile.subarray(0, cdnFile.length - HMAC10_BYTES);
	const hmac10 = cdnFile.subarray(cdnFile.length - HMAC10_BYTES);
	const expected = createHmac('sha256', keys.hmacKey).update(keys.iv).update(ciphertext).digest().subarray(0, HMAC10_BYTES);
	if (!equalsConstantTime(expected, hmac10)) {
		throw new FlowMediaError(
			'hmac',
			'the file\'s HMAC-SHA256 does not verify with encryption_metadata.hmac_key and iv',
			`The encrypted file was altered, or hmac_key / iv do not belong to it. ${SAME_ENTRY_FIX}`,
		);
	}
	const file = aes256CbcDecrypt(keys.encryptionKey, keys.iv, ciphertext);
	if (file === undefined) {
		throw new FlowMediaError(
			'decrypt',
			'AES-256-CBC decryption with encryption_metadata.encryption_key and iv failed (invalid PKCS#7 padding)',
			`encryption_key does not belong to this file. ${SAME_ENTRY_FIX}`,
		);
	}
	if (!equalsConstantTime(sha256(file), keys.plaintextHash)) {
		throw new FlowMediaError(
			'plaintext-hash',
			'the decrypted file does not match encryption_metadata.plaintext_hash',
			`encryption_key or plaintext_hash do not belong to this file. ${SAME_ENTRY_FIX}`,
		);
	}
	return file;
}
