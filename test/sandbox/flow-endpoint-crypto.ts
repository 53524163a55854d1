// node:crypto pieces of the Flow endpoint protocol (flows/guides/implementingyourflowendpoint), written for the
// sandbox from Meta's description, not shared with the nodes. The requests themselves are sealed by the simulated
// client (client/flow-crypto.ts, WebCrypto, also for the publishing ping); this file keeps the signature (webhooks)
// and an answer decryption checked against Meta's known-answer vectors (flow-publish.test.ts). The protocol:
// - request: a fresh 128-bit AES key, wrapped with RSA-OAEP (SHA-256 for OAEP and MGF1) under the business public key
//   uploaded for the phone number; the JSON payload encrypted with AES-128-GCM under a 16-byte IV, the 16-byte tag
//   appended; all three base64 in {encrypted_flow_data, encrypted_aes_key, initial_vector}.
// - response: base64 of AES-128-GCM(ciphertext + tag) under the same key and the IV with every bit flipped.
// - signature: X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256 of the exact body bytes with the app secret.
import { createDecipheriv, createHmac } from 'node:crypto';

const TAG_LENGTH = 16;

export function flipIv(iv: Buffer): Buffer {
	return Buffer.from(iv.map((byte) => ~byte & 0xff));
}

/** Decrypts an endpoint's answer (base64 text); throws when it is not base64 of ciphertext + a valid tag. */
export function decryptFlowResponse(text: string, aesKey: Buffer, iv: Buffer): unknown {
	const data = Buffer.from(text.trim(), 'base64');
	if (data.length <= TAG_LENGTH) throw new Error('the answer is too short to hold a GCM tag');
	const decipher = createDecipheriv('aes-128-gcm', aesKey, flipIv(iv), { authTagLength: TAG_LENGTH });
	decipher.setAuthTag(data.subarray(data.length - TAG_LENGTH));
	const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_LENGTH)), decipher.final()]);
	return JSON.parse(plain.toString('utf8')) as unknown;
}

/** X-Hub-Signature-256 of a body (webhooks and Flow endpoint requests alike). */
export function hubSignature(body: Buffer | string, appSecret: string): string {
	return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}
