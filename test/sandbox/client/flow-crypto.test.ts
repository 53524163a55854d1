// Meta's known-answer vectors through the client's own (WebCrypto) crypto: 3 key formats × 6 requests.
import { constants, createPrivateKey, privateDecrypt, createDecipheriv } from 'node:crypto';
import { fromBase64, toBase64 } from './bytes';
import { checkAnswer, type AnswerKind } from './endpoint-answer';
import { flipIv, openAnswer, openRequest, sealAnswer, sealPayload, sealRequest, signatureHeader, type EncryptedRequestBody } from './flow-crypto';
import { parseJson } from './json';
import { loadVectorSets, pkcs8Der } from './testing/vectors';
import { importRsaOaepPrivateKey, type WebCryptoKey } from './web-crypto';

const sets = loadVectorSets();

function kindOf(decrypted: { [key: string]: unknown }): AnswerKind {
	if (decrypted.action === 'ping') return 'ping';
	const data = decrypted.data as { error?: unknown } | undefined;
	return data?.error !== undefined ? 'error-notification' : 'screen';
}

function flipLastBit(base64: string): string {
	const bytes = fromBase64(base64) as Uint8Array;
	bytes[bytes.length - 1] ^= 0x01;
	return toBase64(bytes);
}

describe('Meta known-answer vectors through the client crypto', () => {
	it('covers three key formats with six requests each', () => {
		expect(sets.map((s) => s.keyFormat)).toEqual(['pkcs1-des3', 'pkcs8-aes', 'pkcs8-plain']);
		expect(sets.every((s) => s.vectors.length === 6)).toBe(true);
	});

	describe.each(sets.map((s) => [s.keyFormat, s] as const))('key set %s', (_format, set) => {
		let privateKey: WebCryptoKey;
		beforeAll(async () => {
			privateKey = await importRsaOaepPrivateKey(pkcs8Der(set));
		});

		it.each(set.vectors.map((v, i) => [i, v.decrypted.action, v] as const))(
			'vector %i (%s): request opens, answer decrypts and both directions reproduce byte for byte',
			async (_i, _action, vector) => {
				const body = JSON.parse(vector.requestBody) as EncryptedRequestBody;
				const opened = await openRequest(body, privateKey);
				expect(opened).not.toBeNull();
				const { payloadJson, aesKey, iv } = opened!;
				expect(aesKey).toHaveLength(16);
				expect(iv).toHaveLength(16);
				expect(JSON.parse(payloadJson)).toEqual(vector.decrypted);

				// our encryption of `decrypted` with the recovered key and IV reproduces encrypted_flow_data
				expect(await sealPayload(JSON.stringify(vector.decrypted), aesKey, iv)).toBe(body.encrypted_flow_data);

				// our decryption of Meta's encrypted response gives responseJson, and our sealing reproduces it
				expect(await openAnswer(vector.encryptedResponse, aesKey, iv)).toEqual({ ok: true, text: vector.responseJson });
				expect(await sealAnswer(vector.responseJson, aesKey, iv)).toBe(vector.encryptedResponse);

				// the answer has the shape its request kind requires
				expect(checkAnswer(kindOf(vector.decrypted), parseJson(vector.responseJson))).toMatchObject({ ok: true });

				// X-Hub-Signature-256 of the raw body with the app secret
				expect(await signatureHeader(vector.requestBody, set.appSecret)).toBe(vector.signatureHeader);
			},
		);

		it('detects tampered answers: unflipped IV, flipped tag bit, wrong key, empty body, not base64', async () => {
			const vector = set.vectors[2];
			const { aesKey, iv } = (await openRequest(JSON.parse(vector.requestBody) as EncryptedRequestBody, privateKey))!;
			const sealedWithRequestIv = await sealAnswer(vector.responseJson, aesKey, flipIv(iv)); // i.e. encrypted under iv
			expect(await openAnswer(sealedWithRequestIv, aesKey, iv)).toEqual({ ok: false, reason: 'undecryptable' });
			expect(await openAnswer(flipLastBit(vector.encryptedResponse), aesKey, iv)).toEqual({ ok: false, reason: 'undecryptable' });
			expect(await openAnswer(vector.encryptedResponse, new Uint8Array(16).fill(1), iv)).toEqual({
				ok: false,
				reason: 'undecryptable',
			});
			expect(await openAnswer('', aesKey, iv)).toEqual({ ok: false, reason: 'empty' });
			expect(await openAnswer('{"data":{}}', aesKey, iv)).toEqual({ ok: false, reason: 'undecryptable' });
		});

		it('seals requests that Meta’s reference algorithm (node:crypto, as in encryption.js) opens', async () => {
			const payload = { version: '3.0', action: 'data_exchange', screen: 'S', data: { note: 'Çok teşekkürler 🙏' }, flow_token: 't' };
			const sealed = await sealRequest(payload, set.publicKeyPem);
			const key = privateDecrypt(
				{ key: createPrivateKey({ key: set.privateKeyPem, passphrase: set.passphrase }), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
				Buffer.from(sealed.body.encrypted_aes_key, 'base64'),
			);
			const data = Buffer.from(sealed.body.encrypted_flow_data, 'base64');
			const decipher = createDecipheriv('aes-128-gcm', key, Buffer.from(sealed.body.initial_vector, 'base64'));
			decipher.setAuthTag(data.subarray(-16));
			const plain = Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]).toString('utf8');
			expect(JSON.parse(plain)).toEqual(payload);
			expect(key).toHaveLength(16);
			expect(Buffer.from(sealed.body.initial_vector, 'base64')).toHaveLength(16);
		});
	});

	it('uses a fresh AES key and IV for every request', async () => {
		const a = await sealRequest({ action: 'ping' }, sets[2].publicKeyPem);
		const b = await sealRequest({ action: 'ping' }, sets[2].publicKeyPem);
		expect(toBase64(a.aesKey)).not.toBe(toBase64(b.aesKey));
		expect(a.body.initial_vector).not.toBe(b.body.initial_vector);
	});
});
