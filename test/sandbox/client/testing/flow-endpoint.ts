// Test support: a small Flow endpoint written with node:crypto — the stand-in for "our endpoint" that the simulated
// client (WebCrypto) talks to. It follows Meta's reference endpoint (WhatsApp/WhatsApp-Flows-Tools,
// examples/endpoint/nodejs/basic/src/encryption.js): RSA-OAEP-SHA256 unwrap, AES-128-GCM, answer under the flipped
// IV; X-Hub-Signature-256 checked (432 on mismatch). Faults let tests make it misbehave on purpose.
import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, constants, privateDecrypt, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonRecord = { [key: string]: Json };

export interface ReceivedRequest {
	payload: JsonRecord;
	signatureValid: boolean;
	rawBody: string;
}

export type EndpointFault =
	| { kind: 'status'; status: number; body?: string }
	| { kind: 'delay'; ms: number }
	| { kind: 'empty' }
	| { kind: 'not-base64' }
	| { kind: 'unflipped-iv' }
	| { kind: 'flipped-tag' }
	| { kind: 'wrong-key' }
	| { kind: 'plain-json' };

export interface FlowEndpointOptions {
	privateKeyPem: string;
	passphrase?: string;
	appSecret: string;
	/** Answers one decrypted request. */
	handle: (payload: JsonRecord) => unknown;
	/** Default true: a request with a bad X-Hub-Signature-256 gets 432. */
	checkSignature?: boolean;
}

export interface FlowEndpoint {
	url: string;
	received: ReceivedRequest[];
	/** Faults applied in order, one per request; an empty queue answers normally. */
	faults: EndpointFault[];
	/** Decrypts with another private key from now on (a key rotation: requests under the old key get 421). */
	useKey(privateKeyPem: string, passphrase?: string): void;
	close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function seal(text: string, key: Buffer, iv: Buffer): string {
	const cipher = createCipheriv('aes-128-gcm', key, iv);
	return Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

export async function startFlowEndpoint(options: FlowEndpointOptions): Promise<FlowEndpoint> {
	let privateKey = createPrivateKey({ key: options.privateKeyPem, passphrase: options.passphrase });
	const received: ReceivedRequest[] = [];
	const faults: EndpointFault[] = [];
	const timers = new Set<NodeJS.Timeout>();

	async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const rawBody = await readAll(req);
		const expected = `sha256=${createHmac('sha256', options.appSecret).update(rawBody).digest('hex')}`;
		const given = String(req.headers['x-hub-signature-256'] ?? '');
		const signatureValid =
			given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
		const body = JSON.parse(rawBody) as { encrypted_flow_data: string; encrypted_aes_key: string; initial_vector: string };
		let key: Buffer;
		try {
			key = privateDecrypt(
				{ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
				Buffer.from(body.encrypted_aes_key, 'base64'),
			);
		} catch {
			res.writeHead(421).end();
			return;
		}
		const iv = Buffer.from(body.initial_vector, 'base64');
		const sealed = Buffer.from(body.encrypted_flow_data, 'base64');
		const decipher = createDecipheriv('aes-128-gcm', key, iv);
		decipher.setAuthTag(sealed.subarray(-16));
		const payload = JSON.parse(
			Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]).toString('utf8'),
		) as JsonRecord;
		received.push({ payload, signatureValid, rawBody });

		const fault = faults.shift();
		if (fault?.kind === 'status') {
			res.writeHead(fault.status, { 'content-type': 'application/json' }).end(fault.body ?? '');
			return;
		}
		if (options.checkSignature !== false && !signatureValid) {
			res.writeHead(432).end();
			return;
		}
		if (fault?.kind === 'delay') {
			await new Promise<void>((resolve) => {
				const t = setTimeout(() => {
					timers.delete(t);
					resolve();
				}, fault.ms);
				timers.add(t);
			});
			if (res.destroyed) return;
		}
		const text = JSON.stringify(await options.handle(payload));
		const flipped = Buffer.from(iv.map((b) => ~b & 0xff));
		let out: string;
		switch (fault?.kind) {
			case 'empty':
				out = '';
				break;
			case 'not-base64':
				out = '%%% not base64 %%%';
				break;
			case 'unflipped-iv':
				out = seal(text, key, iv);
				break;
			case 'flipped-tag': {
				const bytes = Buffer.from(seal(text, key, flipped), 'base64');
				bytes[bytes.length - 1] ^= 0x01;
				out = bytes.toString('base64');
				break;
			}
			case 'wrong-key':
				out = seal(text, Buffer.alloc(16, 7), flipped);
				break;
			case 'plain-json':
				out = text;
				break;
			default:
				out = seal(text, key, flipped);
		}
		res.writeHead(200, { 'content-type': 'text/plain' }).end(out);
	}

	const server = createServer((req, res) => {
		answer(req, res).catch((error: unknown) => {
			if (!res.headersSent) res.writeHead(500).end(String(error));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/flow`,
		received,
		faults,
		useKey: (pem, passphrase) => {
			privateKey = createPrivateKey({ key: pem, passphrase });
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const t of timers) clearTimeout(t);
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
