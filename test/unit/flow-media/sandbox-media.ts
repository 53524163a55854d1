// Encrypted files made by the sandbox's simulated WhatsApp client (its own WebCrypto code, independent of nodes/),
// and tampered variants of them for the checks of flows/reference/media_upload.
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { encryptMedia, type EncryptionMetadata } from '../../sandbox/client';
import { endpointForm, pickFile } from '../../sandbox/client/media-picker';
import { InMemoryCdn } from '../../sandbox/client/media-cdn';

export interface SandboxMedia {
	file: Buffer;
	cdnFile: Buffer;
	metadata: EncryptionMetadata;
}

export async function sandboxEncrypt(file: Buffer): Promise<SandboxMedia> {
	const { cdnFile, metadata } = await encryptMedia(new Uint8Array(file));
	return { file, cdnFile: Buffer.from(cdnFile), metadata };
}

export const b64 = (bytes: Buffer | Uint8Array) => Buffer.from(bytes).toString('base64');
export const sha256b64 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('base64');

/** The same CDN file with one bit flipped at `index` (negative: from the end). */
export function flipBit(cdnFile: Buffer, index: number): Buffer {
	const copy = Buffer.from(cdnFile);
	copy[index < 0 ? copy.length + index : index] ^= 0x01;
	return copy;
}

/** What a tamperer who also rewrote encrypted_hash would hand over. */
export function withMatchingHash(metadata: EncryptionMetadata, cdnFile: Buffer): EncryptionMetadata {
	return { ...metadata, encrypted_hash: sha256b64(cdnFile) };
}

/**
 * A CDN file whose HMAC and hashes are all consistent but whose plaintext ends in a byte that is not PKCS#7 padding:
 * only the decryption step can refuse it.
 */
export function badlyPaddedMedia(): { cdnFile: Buffer; metadata: EncryptionMetadata } {
	const key = randomBytes(32);
	const hmacKey = randomBytes(32);
	const iv = randomBytes(16);
	const plaintext = Buffer.concat([Buffer.from('0123456789abcde'), Buffer.from([0x00])]);
	const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
	const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
	const hmac10 = createHmac('sha256', hmacKey).update(Buffer.concat([iv, ciphertext])).digest().subarray(0, 10);
	const cdnFile = Buffer.concat([ciphertext, hmac10]);
	return {
		cdnFile,
		metadata: { encryption_key: b64(key), hmac_key: b64(hmacKey), iv: b64(iv), encrypted_hash: sha256b64(cdnFile), plaintext_hash: sha256b64(plaintext) },
	};
}

/** A file picked in a flow as the endpoint receives it, with its CDN holding the encrypted file. */
export async function pickedEntry(cdn: InMemoryCdn, fileName: string, bytes: Buffer, mimeType?: string) {
	const picked = await pickFile({ fileName, bytes: new Uint8Array(bytes), ...(mimeType ? { mimeType } : {}) }, cdn);
	return { picked, entry: endpointForm(picked) };
}

/** Meta's example of a picked photo as the endpoint receives it (flows/reference/media_upload, "Endpoint"). */
export const META_EXAMPLE_ENTRY = {
	media_id: '790aba14-5f4a-4dbd-aa9e-0d75401da14b',
	cdn_url: 'https://mmg.whatsapp.net/v/redacted',
	file_name: 'IMG_5237.jpg',
	encryption_metadata: {
		encrypted_hash: '/QvkBvpBED2q2AHPIFuhXfLpkn22zj2kO6ggzjvhHv0=',
		iv: '5SHjLrrsfPXTSJTcbrVSkg==',
		encryption_key: 'lPa4SXcWbk3sy2so3OxjyXmpV4aE6CcIKd+4byr5hBw=',
		hmac_key: '15l+E9Z5gcL15WH9OQ8GgK7VVCKkfbVigoSiM9djvGU=',
		plaintext_hash: 'AOF2dHXVEpm9efk9udNy3R1cUJWnpjFwQKGBEdALqXI=',
	},
};
