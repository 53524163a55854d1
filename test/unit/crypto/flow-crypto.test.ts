import { constants, createCipheriv, createDecipheriv, createPublicKey, createSecretKey, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import {
	decryptFlowRequest,
	encryptFlowResponse,
	encryptFlowResponseForIv,
	encryptFlowResponseWithWrappedKey,
	FlowDecryptionError,
	unwrapFlowAesKey,
} from '../../../nodes/shared/crypto/flow-crypto';
import { parseFlowPrivateKey } from '../../../nodes/shared/crypto/private-key';
import { keySet, metaKeySets } from './meta-vectors';

const UNIFORM_MESSAGE = 'Flow request could not be decrypted';
const set = keySet('pkcs1-des3');
const privateKey = parseFlowPrivateKey(set.privateKeyPem, set.passphrase);

/** The WhatsApp client's side, written independently here: wrap a key with RSA-OAEP-SHA256, AES-128-GCM the payload. */
function clientRequest(
	plaintext: string,
	options: { aesKey?: Buffer; iv?: Buffer; publicKeyPem?: string } = {},
): { body: Record<string, string>; aesKey: Buffer; iv: Buffer } {
	const aesKey = options.aesKey ?? randomBytes(16);
	const iv = options.iv ?? randomBytes(16);
	const cipher = createCipheriv(`aes-${aesKey.length * 8}-gcm` as 'aes-128-gcm', aesKey, iv);
	const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
	const wrapped = publicEncrypt(
		{ key: options.publicKeyPem ?? set.publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
		aesKey,
	);
	return {
		body: {
			encrypted_flow_data: data.toString('base64'),
			encrypted_aes_key: wrapped.toString('base64'),
			initial_vector: iv.toString('base64'),
		},
		aesKey,
		iv,
	};
}

function clientDecryptResponse(responseB64: string, aesKey: Buffer, iv: Buffer): unknown {
	const flipped = Buffer.from(iv.map((byte) => 255 - byte));
	const bytes = Buffer.from(responseB64, 'base64');
	const decipher = createDecipheriv('aes-128-gcm', aesKey, flipped);
	decipher.setAuthTag(bytes.subarray(-16));
	return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString('utf8'));
}

function expectUniformFailure(action: () => unknown): void {
	let caught: unknown;
	try {
		action();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(FlowDecryptionError);
	expect((caught as Error).message).toBe(UNIFORM_MESSAGE);
	// Nothing beyond the message: no reason, no cause, no wrapped OpenSSL error.
	expect(Object.keys(caught as object)).toEqual(['name']);
	expect((caught as Error).cause).toBeUndefined();
}

const knownAnswers = metaKeySets.flatMap((keys) =>
	keys.vectors.map((vector, index) => [keys.keyFormat, `#${index} ${String(vector.decrypted.action)}`, keys, vector] as const),
);

describe('Meta known-answer vectors (3 key formats × 6 requests)', () => {
	it.each(knownAnswers)('%s / %s: decrypts the request to the expected payload', (_format, _action, keys, vector) => {
		const key = parseFlowPrivateKey(keys.privateKeyPem, keys.passphrase);
		const parsed = decryptFlowRequest(JSON.parse(vector.requestBody), key);
		expect(parsed.payload).toEqual(vector.decrypted);
		expect(parsed.aesKey.type).toBe('secret');
		expect(parsed.aesKey.symmetricKeySize).toBe(16);
		expect(parsed.iv).toHaveLength(16);
		expect(decryptFlowRequest(vector.requestBody, key).payload).toEqual(vector.decrypted);
		expect(decryptFlowRequest(Buffer.from(vector.requestBody), key).payload).toEqual(vector.decrypted);
	});

	it.each(knownAnswers)('%s / %s: reproduces Meta’s encrypted response byte for byte', (_format, _action, keys, vector) => {
		const key = parseFlowPrivateKey(keys.privateKeyPem, keys.passphrase);
		const { aesKey, iv } = decryptFlowRequest(vector.requestBody, key);
		expect(encryptFlowResponse(JSON.parse(vector.responseJson), aesKey, iv)).toBe(vector.encryptedResponse);
	});

	it.each(knownAnswers)('%s / %s: reproduces it from the wrapped key alone', (_format, _action, keys, vector) => {
		const key = parseFlowPrivateKey(keys.privateKeyPem, keys.passphrase);
		const body = JSON.parse(vector.requestBody) as Record<string, string>;
		expect(
			encryptFlowResponseWithWrappedKey(JSON.parse(vector.responseJson), body.encrypted_aes_key, body.initial_vector, key),
		).toBe(vector.encryptedResponse);
		expect(unwrapFlowAesKey(body.encrypted_aes_key, key).equals(decryptFlowRequest(body, key).aesKey)).toBe(true);
	});

	it.each(knownAnswers)('%s / %s: reproduces it from the AES key and the IV as received', (_format, _action, keys, vector) => {
		const key = parseFlowPrivateKey(keys.privateKeyPem, keys.passphrase);
		const body = JSON.parse(vector.requestBody) as Record<string, string>;
		const { aesKey } = decryptFlowRequest(body, key);
		expect(encryptFlowResponseForIv(JSON.parse(vector.responseJson), aesKey, body.initial_vector)).toBe(vector.encryptedResponse);
	});
});

describe('decryptFlowRequest and encryptFlowResponse round trip', () => {
	it('answers a client request so that the client can read the answer with the inverted IV', () => {
		const request = { version: '3.0', action: 'data_exchange', screen: 'A', data: { emoji: '💇', n: 1 }, flow_token: 't' };
		const { body, aesKey, iv } = clientRequest(JSON.stringify(request));
		const decrypted = decryptFlowRequest(body, privateKey);
		expect(decrypted.payload).toEqual(request);
		expect(decrypted.aesKey.export()).toEqual(aesKey);
		expect(decrypted.iv).toEqual(iv);

		const answer = { screen: 'B', data: { greeting: 'Çok teşekkürler' } };
		expect(clientDecryptResponse(encryptFlowResponse(answer, decrypted.aesKey, decrypted.iv), aesKey, iv)).toEqual(answer);
	});

	it('refuses to encrypt something that is not a JSON object, or with a wrong key or IV size', () => {
		const key = createSecretKey(randomBytes(16));
		const iv = randomBytes(16);
		expect(() => encryptFlowResponse('{"data":{}}', key, iv)).toThrow(TypeError);
		expect(() => encryptFlowResponse([1], key, iv)).toThrow(TypeError);
		expect(() => encryptFlowResponse({}, createSecretKey(randomBytes(32)), iv)).toThrow(RangeError);
		expect(() => encryptFlowResponse({}, randomBytes(16) as unknown as KeyObject, iv)).toThrow(RangeError);
		expect(() => encryptFlowResponse({}, key, randomBytes(12))).toThrow(RangeError);
	});

	it('rejects a public key where the private key belongs, as a programming error', () => {
		const { body } = clientRequest('{}');
		expect(() => decryptFlowRequest(body, createPublicKey(set.publicKeyPem))).toThrow(TypeError);
	});
});

describe('every decryption failure reads the same', () => {
	const vector = set.vectors[1];
	const good = JSON.parse(vector.requestBody) as Record<string, string>;

	function withField(name: string, value: unknown): Record<string, unknown> {
		return { ...good, [name]: value };
	}

	function flipByte(b64: string, index: number): string {
		const bytes = Buffer.from(b64, 'base64');
		bytes[(index + bytes.length) % bytes.length] ^= 0x01;
		return bytes.toString('base64');
	}

	it('sanity: the untampered request decrypts', () => {
		expect(decryptFlowRequest(good, privateKey).payload).toEqual(vector.decrypted);
	});

	it.each([
		['a flipped tag byte', () => withField('encrypted_flow_data', flipByte(good.encrypted_flow_data, -1))],
		['a flipped ciphertext byte', () => withField('encrypted_flow_data', flipByte(good.encrypted_flow_data, 0))],
		['a flipped IV byte', () => withField('initial_vector', flipByte(good.initial_vector, 3))],
		['a flipped wrapped-key byte', () => withField('encrypted_aes_key', flipByte(good.encrypted_aes_key, 40))],
		['truncated flow data base64', () => withField('encrypted_flow_data', good.encrypted_flow_data.slice(0, -5))],
		['flow data shorter than a tag', () => withField('encrypted_flow_data', Buffer.alloc(8).toString('base64'))],
		['a truncated wrapped key', () => withField('encrypted_aes_key', good.encrypted_aes_key.slice(0, 100))],
		['non-base64 characters', () => withField('initial_vector', `${good.initial_vector.slice(0, -2)}!!`)],
		['an IV of 12 bytes', () => clientRequest(vector.responseJson, { iv: randomBytes(12) }).body],
		['an AES key of 32 bytes', () => clientRequest(vector.responseJson, { aesKey: randomBytes(32) }).body],
		['a key for another endpoint', () => clientRequest('{}', { publicKeyPem: keySet('pkcs8-plain').publicKeyPem }).body],
		['a plaintext that is not JSON', () => clientRequest('not json').body],
		['a plaintext that is a JSON array', () => clientRequest('[1,2]').body],
		['a plaintext that is JSON null', () => clientRequest('null').body],
		['a plaintext that is a JSON string', () => clientRequest('"ping"').body],
		['a missing field', () => ({ encrypted_flow_data: good.encrypted_flow_data, initial_vector: good.initial_vector })],
		['a numeric field', () => withField('initial_vector', 12345)],
		['a body that is not JSON', () => 'encrypted_flow_data=abc'],
		['a body that is a JSON array', () => '[]'],
		['a null body', () => null],
		['an undefined body', () => undefined],
	] as Array<[string, () => unknown]>)('%s', (_case, makeBody) => {
		expectUniformFailure(() => decryptFlowRequest(makeBody(), privateKey));
	});

	it('the wrapped-key helpers fail the same way', () => {
		expectUniformFailure(() => unwrapFlowAesKey('%%%', privateKey));
		expectUniformFailure(() => unwrapFlowAesKey(flipByte(good.encrypted_aes_key, 0), privateKey));
		expectUniformFailure(() => encryptFlowResponseWithWrappedKey({}, good.encrypted_aes_key, 'AAAA', privateKey));
		expectUniformFailure(() => encryptFlowResponseForIv({}, createSecretKey(Buffer.alloc(16)), '%%%'));
		const otherKey = parseFlowPrivateKey(keySet('pkcs8-plain').privateKeyPem);
		expectUniformFailure(() => unwrapFlowAesKey(good.encrypted_aes_key, otherKey));
	});
});
