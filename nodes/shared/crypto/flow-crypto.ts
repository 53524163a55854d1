import { constants, createCipheriv, createDecipheriv, createSecretKey, privateDecrypt, type KeyObject } from 'node:crypto';
import { decodeBase64Strict } from './base64-strict';

// Meta: flows/guides/implementingyourflowendpoint ("Request Decryption and Encryption"):
// the client wraps a fresh 128-bit AES key with RSA/ECB/OAEPWithSHA-256AndMGF1Padding, encrypts the JSON
// payload with AES-128-GCM under a 16-byte IV and appends the 16-byte tag. The response is encrypted with
// the same key, the IV with every bit inverted, empty AAD, tag appended, and sent as base64 text.
const AES_KEY_BYTES = 16;
const IV_BYTES = 16;
const TAG_BYTES = 16;
const CIPHER = 'aes-128-gcm';

const DECRYPTION_FAILED = 'Flow request could not be decrypted';

/**
 * Every decryption failure throws this one error with one message, whatever went wrong, so a caller
 * cannot be used as an oracle. Answer it with HTTP 421 (Meta: flows/reference/error-codes), which makes
 * the client re-fetch the public key and retry.
 */
export class FlowDecryptionError extends Error {
	constructor() {
		super(DECRYPTION_FAILED);
		this.name = 'FlowDecryptionError';
	}
}

export interface DecryptedFlowRequest {
	/** The decrypted request: {version, action, screen?, data?, flow_token?}. */
	payload: Record<string, unknown>;
	/**
	 * The request's AES key, needed to encrypt the answer. A secret KeyObject rather than bytes: Node 24 sets up an
	 * AES-GCM cipher from a KeyObject several times faster than from a Buffer (about 20 µs instead of 70–110 µs per
	 * request here; scripts/bench/flow-crypto.ts shows the effect), and a KeyObject never serialises into execution data.
	 */
	aesKey: KeyObject;
	/** The request's IV as sent (not yet inverted). */
	iv: Buffer;
}

function requirePrivateKey(privateKey: KeyObject): void {
	// A programming error, independent of the request, so it may say what it is.
	if (privateKey?.type !== 'private') throw new TypeError('A private KeyObject is required');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function base64Field(body: Record<string, unknown>, name: string): Buffer {
	const value = body[name];
	const bytes = typeof value === 'string' ? decodeBase64Strict(value) : undefined;
	if (bytes === undefined) throw new FlowDecryptionError();
	return bytes;
}

/** The value of `operation`, or undefined when it throws (OpenSSL's error text is never passed on). */
function attempt<T>(operation: () => T): T | undefined {
	try {
		return operation();
	} catch {
		return undefined;
	}
}

function unwrapAesKey(wrappedKey: Buffer, privateKey: KeyObject): KeyObject {
	const aesKey = attempt(() =>
		privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, wrappedKey),
	);
	if (aesKey?.length !== AES_KEY_BYTES) throw new FlowDecryptionError();
	return createSecretKey(aesKey);
}

function decryptPayload(encryptedFlowData: Buffer, aesKey: KeyObject, iv: Buffer): Buffer {
	if (encryptedFlowData.length < TAG_BYTES) throw new FlowDecryptionError();
	const plaintext = attempt(() => {
		const decipher = createDecipheriv(CIPHER, aesKey, iv, { authTagLength: TAG_BYTES });
		decipher.setAuthTag(encryptedFlowData.subarray(-TAG_BYTES));
		return Buffer.concat([decipher.update(encryptedFlowData.subarray(0, -TAG_BYTES)), decipher.final()]);
	});
	if (plaintext === undefined) throw new FlowDecryptionError();
	return plaintext;
}

function requestObject(body: unknown): Record<string, unknown> {
	// The raw request text is accepted too, so callers may pass the body exactly as received.
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	const parsed = typeof text === 'string' ? attempt(() => JSON.parse(text) as unknown) : text;
	if (!isPlainObject(parsed)) throw new FlowDecryptionError();
	return parsed;
}

/**
 * Decrypts a Flow data-exchange request `{encrypted_flow_data, encrypted_aes_key, initial_vector}`
 * (the parsed JSON body, or its raw text). Throws only FlowDecryptionError for bad input.
 */
export function decryptFlowRequest(body: unknown, privateKey: KeyObject): DecryptedFlowRequest {
	requirePrivateKey(privateKey);
	const request = requestObject(body);
	const encryptedFlowData = base64Field(request, 'encrypted_flow_data');
	const wrappedKey = base64Field(request, 'encrypted_aes_key');
	const iv = base64Field(request, 'initial_vector');
	if (iv.length !== IV_BYTES) throw new FlowDecryptionError();

	const aesKey = unwrapAesKey(wrappedKey, privateKey);
	const plaintext = decryptPayload(encryptedFlowData, aesKey, iv);
	const payload = attempt(() => JSON.parse(plaintext.toString('utf8')) as unknown);
	if (!isPlainObject(payload)) throw new FlowDecryptionError();
	return { payload, aesKey, iv };
}

/**
 * Recovers the AES key from the request's `encrypted_aes_key`, so a later step can encrypt the answer
 * from the wrapped key without the plaintext AES key ever travelling between steps.
 */
export function unwrapFlowAesKey(encryptedAesKeyB64: string, privateKey: KeyObject): KeyObject {
	requirePrivateKey(privateKey);
	const wrappedKey = typeof encryptedAesKeyB64 === 'string' ? decodeBase64Strict(encryptedAesKeyB64) : undefined;
	if (wrappedKey === undefined) throw new FlowDecryptionError();
	return unwrapAesKey(wrappedKey, privateKey);
}

function invertBits(iv: Buffer): Buffer {
	return Buffer.from(iv.map((byte) => ~byte & 0xff));
}

/** Encrypts the endpoint's answer (a JSON object) for the request that carried `aesKey` and `iv`; returns the base64 body. */
export function encryptFlowResponse(response: unknown, aesKey: KeyObject, iv: Buffer): string {
	if (!isPlainObject(response)) throw new TypeError('A Flow response must be a JSON object');
	if (aesKey?.type !== 'secret' || aesKey.symmetricKeySize !== AES_KEY_BYTES) throw new RangeError(`The Flow AES key must be a ${AES_KEY_BYTES}-byte secret KeyObject`);
	if (iv.length !== IV_BYTES) throw new RangeError(`The Flow IV must be ${IV_BYTES} bytes`);
	const cipher = createCipheriv(CIPHER, aesKey, invertBits(iv), { authTagLength: TAG_BYTES });
	const ciphertext = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final()]);
	return Buffer.concat([ciphertext, cipher.getAuthTag()]).toString('base64');
}

/** encryptFlowResponse from the request's IV as received (base64). */
export function encryptFlowResponseForIv(response: unknown, aesKey: KeyObject, ivB64: string): string {
	const iv = typeof ivB64 === 'string' ? decodeBase64Strict(ivB64) : undefined;
	if (iv === undefined || iv.length !== IV_BYTES) throw new FlowDecryptionError();
	return encryptFlowResponse(response, aesKey, iv);
}

/** encryptFlowResponse from the request's wrapped key and IV (both base64, as received). */
export function encryptFlowResponseWithWrappedKey(
	response: unknown,
	encryptedAesKeyB64: string,
	ivB64: string,
	privateKey: KeyObject,
): string {
	return encryptFlowResponseForIv(response, unwrapFlowAesKey(encryptedAesKeyB64, privateKey), ivB64);
}
