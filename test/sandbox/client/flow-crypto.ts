// The Flow data-exchange crypto as the WhatsApp client performs it
// (developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint, "Request Decryption and
// Encryption"):
// - request: a fresh 128-bit AES key, wrapped with RSA/ECB/OAEPWithSHA-256AndMGF1Padding under the business public key;
//   a 16-byte IV; the JSON payload sealed with AES-128-GCM, the 16-byte tag appended; all three fields base64.
// - answer: base64 text of AES-128-GCM(ciphertext ‖ tag) under the same key, with the IV's every bit inverted.
import { fromBase64, fromUtf8, toBase64, toHex, utf8 } from './bytes';
import {
	aesGcmDecrypt,
	aesGcmEncrypt,
	hmacSha256,
	importRsaOaepPublicKey,
	randomBytes,
	rsaOaepDecrypt,
	rsaOaepEncrypt,
	type WebCryptoKey,
} from './web-crypto';

export const AES_KEY_BYTES = 16;
export const IV_BYTES = 16;

/** The HTTP body WhatsApp posts to endpoint_uri. */
export interface EncryptedRequestBody {
	encrypted_flow_data: string;
	encrypted_aes_key: string;
	initial_vector: string;
}

/** A sealed request and the secrets the client keeps to open the answer. */
export interface SealedRequest {
	body: EncryptedRequestBody;
	/** The exact bytes posted (what X-Hub-Signature-256 covers). */
	rawBody: string;
	aesKey: Uint8Array;
	iv: Uint8Array;
}

export function flipIv(iv: Uint8Array): Uint8Array {
	return iv.map((b) => ~b & 0xff);
}

export async function sealRequest(
	payload: unknown,
	publicKey: string | WebCryptoKey,
	secrets: { aesKey?: Uint8Array; iv?: Uint8Array } = {},
): Promise<SealedRequest> {
	const key = typeof publicKey === 'string' ? await importRsaOaepPublicKey(publicKey) : publicKey;
	const aesKey = secrets.aesKey ?? randomBytes(AES_KEY_BYTES);
	const iv = secrets.iv ?? randomBytes(IV_BYTES);
	const body: EncryptedRequestBody = {
		encrypted_flow_data: toBase64(await aesGcmEncrypt(aesKey, iv, utf8(JSON.stringify(payload)))),
		encrypted_aes_key: toBase64(await rsaOaepEncrypt(key, aesKey)),
		initial_vector: toBase64(iv),
	};
	return { body, rawBody: JSON.stringify(body), aesKey, iv };
}

/** Seals a payload under a known key and IV (reproduces a recorded request's encrypted_flow_data). */
export async function sealPayload(payloadJson: string, aesKey: Uint8Array, iv: Uint8Array): Promise<string> {
	return toBase64(await aesGcmEncrypt(aesKey, iv, utf8(payloadJson)));
}

export type OpenedAnswer = { ok: true; text: string } | { ok: false; reason: 'empty' | 'undecryptable' };

/** Opens the endpoint's answer body: base64 → AES-128-GCM with the flipped IV → UTF-8 text. */
export async function openAnswer(body: string, aesKey: Uint8Array, requestIv: Uint8Array): Promise<OpenedAnswer> {
	if (body.trim().length === 0) return { ok: false, reason: 'empty' };
	const sealed = fromBase64(body);
	if (!sealed) return { ok: false, reason: 'undecryptable' };
	const plain = await aesGcmDecrypt(aesKey, flipIv(requestIv), sealed);
	const text = plain ? fromUtf8(plain) : null;
	return text === null ? { ok: false, reason: 'undecryptable' } : { ok: true, text };
}

/** Seals an answer as an endpoint must (used by self-tests to check the answer direction byte for byte). */
export async function sealAnswer(answerJson: string, aesKey: Uint8Array, requestIv: Uint8Array): Promise<string> {
	return toBase64(await aesGcmEncrypt(aesKey, flipIv(requestIv), utf8(answerJson)));
}

/** Opens a recorded request with the business private key (self-tests only; WhatsApp never holds that key). */
export async function openRequest(
	body: EncryptedRequestBody,
	privateKey: WebCryptoKey,
): Promise<{ payloadJson: string; aesKey: Uint8Array; iv: Uint8Array } | null> {
	const wrapped = fromBase64(body.encrypted_aes_key);
	const iv = fromBase64(body.initial_vector);
	const data = fromBase64(body.encrypted_flow_data);
	if (!wrapped || !iv || !data) return null;
	let aesKey: Uint8Array;
	try {
		aesKey = await rsaOaepDecrypt(privateKey, wrapped);
	} catch {
		return null;
	}
	const plain = await aesGcmDecrypt(aesKey, iv, data);
	const payloadJson = plain ? fromUtf8(plain) : null;
	return payloadJson === null ? null : { payloadJson, aesKey, iv };
}

/** X-Hub-Signature-256 value: `sha256=` + hex HMAC-SHA256 of the raw body keyed with the app secret. */
export async function signatureHeader(rawBody: string, appSecret: string): Promise<string> {
	return `sha256=${toHex(await hmacSha256(utf8(appSecret), utf8(rawBody)))}`;
}

