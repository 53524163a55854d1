// Test support: the receiving side of a picked file, as Meta describes it (reference/media_upload, "Endpoint Media
// Handling", five steps), written with node:crypto so it is independent of the client's WebCrypto code.
import { createDecipheriv, createHash, createHmac } from 'node:crypto';

export interface ReceivedMetadata {
	encryption_key: string;
	hmac_key: string;
	iv: string;
	plaintext_hash: string;
	encrypted_hash: string;
}

export function nodeDecrypt(cdnFile: Buffer, meta: ReceivedMetadata): Buffer {
	const b = (s: string) => Buffer.from(s, 'base64');
	if (!createHash('sha256').update(cdnFile).digest().equals(b(meta.encrypted_hash))) throw new Error('encrypted_hash');
	const ciphertext = cdnFile.subarray(0, -10);
	const hmac10 = cdnFile.subarray(-10);
	const mac = createHmac('sha256', b(meta.hmac_key)).update(b(meta.iv)).update(ciphertext).digest().subarray(0, 10);
	if (!mac.equals(hmac10)) throw new Error('hmac');
	const decipher = createDecipheriv('aes-256-cbc', b(meta.encryption_key), b(meta.iv));
	const file = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
	if (!createHash('sha256').update(file).digest().equals(b(meta.plaintext_hash))) throw new Error('plaintext_hash');
	return file;
}
