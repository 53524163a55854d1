// The straightforward endpoint crypto the Flow endpoint benchmark compares our core with. It does what Meta's
// reference endpoint does (WhatsApp/WhatsApp-Flows-Tools, examples/endpoint/nodejs/basic/src/encryption.js, as
// described in ../shared/META-FACTS.md; written here, not copied): the private key PEM is parsed on EVERY request
// (createPrivateKey with the passphrase), RSA-OAEP-SHA256 unwraps the AES key, AES-128-GCM opens the payload, and the
// answer is sealed under the same key with the IV's bits inverted
// (developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint).
import { constants, createCipheriv, createDecipheriv, createPrivateKey, privateDecrypt, type KeyObject } from 'node:crypto';

const TAG_BYTES = 16;

export interface ReferenceDecrypted {
	payload: Record<string, unknown>;
	aesKey: Buffer;
	iv: Buffer;
}

export function referenceDecrypt(rawBody: string, privatePem: string, passphrase: string): ReferenceDecrypted {
	return referenceDecryptWithKey(rawBody, createPrivateKey({ key: privatePem, passphrase }));
}

/** The same with a key parsed beforehand: the least node:crypto work a request needs, without any input checks. */
export function referenceDecryptWithKey(rawBody: string, privateKey: KeyObject): ReferenceDecrypted {
	const body = JSON.parse(rawBody) as { encrypted_aes_key: string; encrypted_flow_data: string; initial_vector: string };
	const aesKey = privateDecrypt(
		{ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
		Buffer.from(body.encrypted_aes_key, 'base64'),
	);
	const flowData = Buffer.from(body.encrypted_flow_data, 'base64');
	const iv = Buffer.from(body.initial_vector, 'base64');
	const decipher = createDecipheriv('aes-128-gcm', aesKey, iv);
	decipher.setAuthTag(flowData.subarray(-TAG_BYTES));
	const plaintext = Buffer.concat([decipher.update(flowData.subarray(0, -TAG_BYTES)), decipher.final()]).toString('utf8');
	return { payload: JSON.parse(plaintext) as Record<string, unknown>, aesKey, iv };
}

export function referenceEncrypt(response: unknown, aesKey: Buffer, iv: Buffer): string {
	const flippedIv = Buffer.from(iv.map((byte) => ~byte & 0xff));
	const cipher = createCipheriv('aes-128-gcm', aesKey, flippedIv);
	return Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}
