// A minimal Flow data endpoint for the sandbox's tests, written from Meta's reference (WhatsApp-Flows-Tools
// examples/endpoint/nodejs/basic: privateDecrypt with OAEP/SHA-256, AES-128-GCM, the answer under the flipped IV),
// and checked against Meta's known-answer vectors in flow-publish.test.ts. Not part of the sandbox itself.
import { constants, createCipheriv, createDecipheriv, createHmac, privateDecrypt, timingSafeEqual, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DecryptedFlowRequest {
	payload: unknown;
	aesKey: Buffer;
	iv: Buffer;
}

export function decryptRequest(body: { encrypted_flow_data: string; encrypted_aes_key: string; initial_vector: string }, privateKey: KeyObject): DecryptedFlowRequest {
	const aesKey = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(body.encrypted_aes_key, 'base64'));
	const data = Buffer.from(body.encrypted_flow_data, 'base64');
	const iv = Buffer.from(body.initial_vector, 'base64');
	const decipher = createDecipheriv('aes-128-gcm', aesKey, iv);
	decipher.setAuthTag(data.subarray(-16));
	const plain = Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]).toString('utf8');
	return { payload: JSON.parse(plain) as unknown, aesKey, iv };
}

export function encryptResponse(response: unknown, aesKey: Buffer, iv: Buffer): string {
	const flipped = Buffer.from(iv.map((b) => ~b & 0xff));
	const cipher = createCipheriv('aes-128-gcm', aesKey, flipped);
	return Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

export interface ReceivedRequest {
	headers: IncomingMessage['headers'];
	raw: string;
	signatureValid: boolean;
	decrypted?: unknown;
}

export interface TestEndpoint {
	url: string;
	received: ReceivedRequest[];
	/** How to answer: default, the correct ping answer. */
	answer: (req: DecryptedFlowRequest) => { status: number; body: string };
	close(): Promise<void>;
}

/** A local HTTP endpoint that verifies the signature, decrypts, and answers `ping` with {"data":{"status":"active"}}. */
export async function startTestEndpoint(privateKey: KeyObject, appSecret: string): Promise<TestEndpoint> {
	const received: ReceivedRequest[] = [];
	const endpoint: TestEndpoint = {
		url: '',
		received,
		answer: (req) => ({ status: 200, body: encryptResponse({ data: { status: 'active' } }, req.aesKey, req.iv) }),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const expected = Buffer.from(`sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`);
			const given = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
			const record: ReceivedRequest = { headers: req.headers, raw: raw.toString('utf8'), signatureValid: given.length === expected.length && timingSafeEqual(given, expected) };
			received.push(record);
			try {
				const decrypted = decryptRequest(JSON.parse(record.raw) as never, privateKey);
				record.decrypted = decrypted.payload;
				const { status, body } = endpoint.answer(decrypted);
				res.writeHead(status, { 'content-type': 'text/plain' });
				res.end(body);
			} catch {
				res.writeHead(421);
				res.end();
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/flow`;
	return endpoint;
}
