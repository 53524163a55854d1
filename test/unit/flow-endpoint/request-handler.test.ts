import { constants, createCipheriv, createDecipheriv, createHmac, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import { encryptFlowResponseWithWrappedKey } from '../../../nodes/shared/crypto/flow-crypto';
import { createFlowToken } from '../../../nodes/shared/crypto/flow-token';
import { signHs256Jwt } from '../../../nodes/shared/crypto/jwt-hs256';
import { FlowPrivateKeyError, generateFlowKeyPair, parseFlowPrivateKey } from '../../../nodes/shared/crypto/private-key';
import {
	DEFAULT_INVALID_FLOW_TOKEN_MESSAGE,
	handleFlowEndpointRequest,
	UNDECRYPTABLE_BODY,
	type FlowEndpointConfig,
	type FlowEndpointDecision,
	type FlowEndpointItem,
} from '../../../nodes/shared/flow-endpoint/request-handler';
import { metaKeySets } from '../crypto/meta-vectors';

const APP_SECRET = 'unit-app-secret';
const FLOW_TOKEN_SECRET = 'unit-flow-token-secret-0123456789';
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const pair = generateFlowKeyPair();
const privateKey = parseFlowPrivateKey(pair.privateKeyPem);

/** WhatsApp's side, written here with node:crypto: wrap a fresh AES key, AES-128-GCM the payload, sign the body. */
function sealed(payload: unknown, options: { publicKeyPem?: string; secret?: string } = {}) {
	const aesKey = randomBytes(16);
	const iv = randomBytes(16);
	const cipher = createCipheriv('aes-128-gcm', aesKey, iv);
	const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final(), cipher.getAuthTag()]);
	const wrapped = publicEncrypt(
		{ key: options.publicKeyPem ?? pair.publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
		aesKey,
	);
	const body = {
		encrypted_flow_data: data.toString('base64'),
		encrypted_aes_key: wrapped.toString('base64'),
		initial_vector: iv.toString('base64'),
	};
	const rawBody = Buffer.from(JSON.stringify(body));
	return { body, rawBody, aesKey, iv, signature: sign(rawBody, options.secret ?? APP_SECRET) };
}

function sign(rawBody: Buffer, secret = APP_SECRET): string {
	return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

function openAnswer(base64: string, aesKey: Buffer, iv: Buffer): unknown {
	const bytes = Buffer.from(base64, 'base64');
	const decipher = createDecipheriv('aes-128-gcm', aesKey, Buffer.from(iv.map((b) => ~b & 0xff)));
	decipher.setAuthTag(bytes.subarray(-16));
	return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString('utf8'));
}

function config(overrides: Partial<FlowEndpointConfig> = {}): FlowEndpointConfig {
	return { appSecret: APP_SECRET, flowTokenSecret: FLOW_TOKEN_SECRET, privateKey: () => privateKey, now: () => NOW, ...overrides };
}

async function handle(request: { rawBody: Buffer; signature?: string | string[] }, overrides: Partial<FlowEndpointConfig> = {}) {
	return await handleFlowEndpointRequest({ rawBody: request.rawBody, signatureHeader: request.signature }, config(overrides));
}

function expectReply(decision: FlowEndpointDecision, status: number) {
	if (decision.kind !== 'reply') throw new Error(`expected a reply, got ${JSON.stringify(decision)}`);
	expect(decision.reply.status).toBe(status);
	return decision;
}

function expectStart(decision: FlowEndpointDecision): FlowEndpointItem {
	if (decision.kind !== 'start') throw new Error(`expected the workflow to start, got ${JSON.stringify(decision)}`);
	return decision.item;
}

function expectUndecryptable(decision: FlowEndpointDecision): void {
	const reply = expectReply(decision, 421);
	expect(reply.reply).toEqual({ status: 421, contentType: 'text/plain', body: UNDECRYPTABLE_BODY });
}

function token(overrides: { flowId?: string; ttlSeconds?: number; secret?: string } = {}): string {
	return createFlowToken({
		secret: overrides.secret ?? FLOW_TOKEN_SECRET,
		recipient: '15551234567',
		flowId: overrides.flowId ?? 'flow-1',
		ttlSeconds: overrides.ttlSeconds ?? 3600,
		context: { recordId: 'booking-42', variant: 'b' },
		now: () => NOW,
	});
}

describe("Meta's known-answer vectors through the endpoint", () => {
	describe.each(metaKeySets.map((set) => [set.keyFormat, set] as const))('%s key', (_format, set) => {
		const key = parseFlowPrivateKey(set.privateKeyPem, set.passphrase);
		const run = async (index: number, overrides: Partial<FlowEndpointConfig> = {}) => {
			const vector = set.vectors[index];
			return {
				vector,
				decision: await handleFlowEndpointRequest(
					{ rawBody: Buffer.from(vector.requestBody), signatureHeader: vector.signatureHeader },
					{ appSecret: set.appSecret, flowTokenSecret: FLOW_TOKEN_SECRET, privateKey: () => key, ...overrides },
				),
			};
		};
		const index = (predicate: (decrypted: Record<string, unknown>) => boolean) => set.vectors.findIndex((v) => predicate(v.decrypted));
		const isErrorNotification = (d: Record<string, unknown>) => (d.data as { error?: unknown } | undefined)?.error !== undefined;

		it('answers ping itself with the exact bytes of Meta\'s reference answer', async () => {
			const { vector, decision } = await run(index((d) => d.action === 'ping'));
			expect(expectReply(decision, 200).reply).toEqual({ status: 200, contentType: 'text/plain', body: vector.encryptedResponse });
		});

		it('acknowledges the error notification itself with the exact bytes of Meta\'s reference answer', async () => {
			const { vector, decision } = await run(index(isErrorNotification));
			const reply = expectReply(decision, 200);
			expect(reply.outcome).toBe('error_notification');
			expect(reply.reply.body).toBe(vector.encryptedResponse);
		});

		it('starts the workflow for INIT, BACK and data_exchange with the decrypted request, and the answer re-encrypts byte for byte', async () => {
			const screens = set.vectors.map((v, i) => [v, i] as const).filter(([v]) => v.decrypted.action !== 'ping' && !isErrorNotification(v.decrypted));
			expect(screens.map(([v]) => v.decrypted.action).sort()).toEqual(['BACK', 'INIT', 'data_exchange', 'data_exchange']);
			for (const [vector, i] of screens) {
				const item = expectStart((await run(i)).decision);
				const { version, action, screen, data, flow_token: flowToken } = vector.decrypted as Record<string, unknown>;
				expect(item).toMatchObject({ version, action, screen, data: data ?? {}, flow_token: flowToken, isErrorNotification: false });
				const body = JSON.parse(vector.requestBody) as Record<string, string>;
				expect(item.whatsAppFlowRequest).toEqual({ encryptedAesKey: body.encrypted_aes_key, initialVector: body.initial_vector });
				const context = item.whatsAppFlowRequest as { encryptedAesKey: string; initialVector: string };
				const answer = JSON.parse(vector.responseJson) as unknown;
				expect(encryptFlowResponseWithWrappedKey(answer, context.encryptedAesKey, context.initialVector, key)).toBe(vector.encryptedResponse);
			}
		});
	});
});

describe('the request signature (X-Hub-Signature-256)', () => {
	const request = sealed({ version: '3.0', action: 'INIT', flow_token: 'tok' });

	it.each([
		['missing', undefined],
		['empty', ''],
		['without the sha256= prefix', request.signature.slice(7)],
		['of another secret', sign(request.rawBody, 'another-secret')],
		['truncated', request.signature.slice(0, 40)],
		['repeated', [request.signature, request.signature]],
		['not hex', `sha256=${'z'.repeat(64)}`],
	])('refuses a signature that is %s with 432, an empty body and no key use', async (_case, signature) => {
		const privateKeyUsed = jest.fn(() => privateKey);
		const decision = await handle({ rawBody: request.rawBody, signature }, { privateKey: privateKeyUsed });
		expect(expectReply(decision, 432).reply.body).toBe('');
		expect(privateKeyUsed).not.toHaveBeenCalled();
	});

	it('refuses a body changed after signing', async () => {
		const changed = Buffer.from(request.rawBody.toString().replace('"initial_vector"', '"initial_vector" '));
		expectReply(await handle({ rawBody: changed, signature: request.signature }), 432);
	});

	it('accepts the signature in upper-case hex', async () => {
		const upper = `sha256=${request.signature.slice(7).toUpperCase()}`;
		expect(expectStart(await handle({ rawBody: request.rawBody, signature: upper })).action).toBe('INIT');
	});
});

describe('requests that cannot be decrypted: 421, always the same body', () => {
	const good = sealed({ version: '3.0', action: 'INIT', flow_token: 'tok' });
	const signed = async (rawBody: Buffer) => await handle({ rawBody, signature: sign(rawBody) });
	const withBody = (change: (body: Record<string, unknown>) => void) => {
		const body: Record<string, unknown> = { ...good.body };
		change(body);
		return Buffer.from(JSON.stringify(body));
	};
	const flip = (base64: string, at: number) => {
		const bytes = Buffer.from(base64, 'base64');
		bytes[at < 0 ? bytes.length + at : at] ^= 0x01;
		return bytes.toString('base64');
	};

	it.each([
		['an empty body', Buffer.alloc(0)],
		['random bytes', randomBytes(300)],
		['JSON that is not an object', Buffer.from('[1,2,3]')],
		['a missing encrypted_aes_key', withBody((b) => delete b.encrypted_aes_key)],
		['a number for initial_vector', withBody((b) => (b.initial_vector = 12))],
		['truncated base64', withBody((b) => (b.encrypted_flow_data = String(b.encrypted_flow_data).slice(0, 10)))],
		['a flipped GCM tag', withBody((b) => (b.encrypted_flow_data = flip(String(b.encrypted_flow_data), -1)))],
		['a flipped ciphertext byte', withBody((b) => (b.encrypted_flow_data = flip(String(b.encrypted_flow_data), 0)))],
		['a flipped wrapped key', withBody((b) => (b.encrypted_aes_key = flip(String(b.encrypted_aes_key), 5)))],
		['a 12-byte IV', withBody((b) => (b.initial_vector = randomBytes(12).toString('base64')))],
		['another public key', sealed({ version: '3.0', action: 'INIT', flow_token: 'tok' }, { publicKeyPem: generateFlowKeyPair().publicKeyPem }).rawBody],
	])('%s', async (_case, rawBody) => {
		expectUndecryptable(await signed(rawBody));
	});

	it('refuses a body over the limit before checking anything else', async () => {
		const privateKeyUsed = jest.fn(() => privateKey);
		const big = Buffer.alloc(1024 * 1024 + 1, 'a');
		const decision = await handle({ rawBody: big, signature: sign(big) }, { privateKey: privateKeyUsed });
		expectUndecryptable(decision);
		expect(decision.kind === 'reply' && decision.outcome).toBe('body_too_large');
		expect(privateKeyUsed).not.toHaveBeenCalled();
	});

	it('answers 421 when the private key credential cannot be used, and says why only in the log detail', async () => {
		const decision = await handle(good, {
			privateKey: () => {
				throw new FlowPrivateKeyError('wrong_passphrase', 'The private key could not be decrypted: wrong passphrase or damaged key');
			},
		});
		expectUndecryptable(decision);
		expect(decision.kind === 'reply' && decision.outcome).toBe('private_key_unusable');
		expect(decision.kind === 'reply' && decision.detail).toMatch(/wrong passphrase/);
	});

	it.each([
		['an unknown action', { version: '3.0', action: 'navigate', flow_token: 'tok' }],
		['an action that is not a string', { version: '3.0', action: 1, flow_token: 'tok' }],
		['data that is an array', { version: '3.0', action: 'data_exchange', screen: 'A', data: [], flow_token: 'tok' }],
		['a screen that is a number', { version: '3.0', action: 'data_exchange', screen: 7, data: {}, flow_token: 'tok' }],
		['INIT without a flow_token', { version: '3.0', action: 'INIT' }],
		['no version', { action: 'ping' }],
		['a JSON array as payload', [1, 2]],
	])('a decryptable request with %s is refused the same way, without starting the workflow', async (_case, payload) => {
		const request = sealed(payload);
		expectUndecryptable(await handle(request));
	});
});

describe('health checks and error notifications', () => {
	it('answers ping with {"data":{"status":"active"}} encrypted for the request', async () => {
		const request = sealed({ version: '3.0', action: 'ping' });
		const reply = expectReply(await handle(request), 200);
		expect(reply.reply.contentType).toBe('text/plain');
		expect(openAnswer(reply.reply.body, request.aesKey, request.iv)).toEqual({ data: { status: 'active' } });
	});

	it('acknowledges an error notification without starting the workflow', async () => {
		const request = sealed({ version: '3.0', action: 'data_exchange', flow_token: 'tok', data: { error: 'x', error_message: 'y' } });
		const reply = expectReply(await handle(request), 200);
		expect(openAnswer(reply.reply.body, request.aesKey, request.iv)).toEqual({ data: { acknowledged: true } });
	});

	it('acknowledges it AND starts the workflow when asked to pass error notifications on; the item carries no key', async () => {
		const request = sealed({ version: '3.0', action: 'INIT', flow_token: 'tok', data: { error: 'x', error_message: 'y' } });
		const decision = await handle(request, { passErrorNotifications: true });
		if (decision.kind !== 'start' || decision.reply === undefined) throw new Error('expected start with a reply');
		expect(openAnswer(decision.reply.body, request.aesKey, request.iv)).toEqual({ data: { acknowledged: true } });
		expect(decision.item).toMatchObject({ isErrorNotification: true, whatsAppFlowRequest: { answeredByTrigger: true } });
		expect(decision.requestKey).toBeUndefined();
	});
});

describe('the workflow item', () => {
	it('carries the request, and the wrapped key and IV as received; never the AES key', async () => {
		const request = sealed({ version: '3.0', action: 'data_exchange', screen: 'DETAILS', data: { name: 'Ayşe' }, flow_token: 'tok' });
		const item = expectStart(await handle(request));
		expect(item).toEqual({
			version: '3.0',
			action: 'data_exchange',
			screen: 'DETAILS',
			data: { name: 'Ayşe' },
			flow_token: 'tok',
			flowTokenContext: { valid: false, reason: 'malformed', recipient: null, flowId: null, recordId: null, variant: null, expiresAt: null },
			flowTokenSignature: 'absent',
			isErrorNotification: false,
			whatsAppFlowRequest: { encryptedAesKey: request.body.encrypted_aes_key, initialVector: request.body.initial_vector },
		});
		const text = JSON.stringify(item);
		for (const form of ['base64', 'hex', 'base64url'] as const) expect(text).not.toContain(request.aesKey.toString(form));
	});

	it('comes with the AES key and the private key that unwrapped it, beside the item, for the respond node in this process', async () => {
		const request = sealed({ version: '3.0', action: 'INIT', flow_token: 'tok' });
		const decision = await handle(request);
		if (decision.kind !== 'start') throw new Error('expected start');
		expect(decision.requestKey?.aesKey.export().equals(request.aesKey)).toBe(true);
		expect(decision.requestKey?.privateKey).toBe(privateKey);
	});

	it('gives INIT without screen or data a null screen and empty data', async () => {
		const item = expectStart(await handle(sealed({ version: '3.0', action: 'INIT', flow_token: 'tok' })));
		expect(item).toMatchObject({ screen: null, data: {} });
	});

	it('carries the claims of a valid signed flow token', async () => {
		const item = expectStart(await handle(sealed({ version: '3.0', action: 'INIT', flow_token: token() })));
		expect(item.flowTokenContext).toEqual({
			valid: true,
			reason: null,
			recipient: '15551234567',
			flowId: 'flow-1',
			recordId: 'booking-42',
			variant: 'b',
			expiresAt: new Date(NOW + 3600_000).toISOString(),
		});
	});
});

describe('Require Signed Flow Token (427)', () => {
	const required = { requireSignedFlowToken: true } as const;
	const errorMsg = (decision: FlowEndpointDecision) => {
		const reply = expectReply(decision, 427);
		expect(reply.reply.contentType).toBe('application/json');
		return (JSON.parse(reply.reply.body) as { error_msg: string }).error_msg;
	};
	const tampered = () => {
		const [version, claims, mac] = token().split('.');
		const decoded = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
		decoded.r = '15550000000';
		return `${version}.${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${mac}`;
	};

	it('starts the workflow for a valid token', async () => {
		expect(expectStart(await handle(sealed({ version: '3.0', action: 'INIT', flow_token: token() }), required)).flowTokenContext?.valid).toBe(true);
	});

	it.each([
		['a tampered token', tampered],
		['a token signed with another secret', () => token({ secret: 'another-secret-0123456789abcdef' })],
		['an expired token', () => token({ ttlSeconds: 1 }), NOW + 2000],
		['a token of another flow', () => token({ flowId: 'flow-2' })],
		['an opaque token', () => 'opaque-token-from-elsewhere'],
	])('refuses %s with the configured error_msg', async (_case, make, now = NOW) => {
		const request = sealed({ version: '3.0', action: 'data_exchange', screen: 'A', data: {}, flow_token: make() });
		const decision = await handle(request, { ...required, expectedFlowId: 'flow-1', invalidFlowTokenMessage: 'Link expired, ask again', now: () => now });
		expect(errorMsg(decision)).toBe('Link expired, ask again');
	});

	it('uses a default message when none is configured', async () => {
		expect(errorMsg(await handle(sealed({ version: '3.0', action: 'INIT', flow_token: tampered() }), required))).toBe(DEFAULT_INVALID_FLOW_TOKEN_MESSAGE);
	});

	it('still answers ping without a token', async () => {
		expectReply(await handle(sealed({ version: '3.0', action: 'ping' }), required), 200);
	});

	it('is a configuration error (500, logged) when the flow token secret is too short', async () => {
		const decision = await handle(sealed({ version: '3.0', action: 'INIT', flow_token: token() }), { ...required, flowTokenSecret: 'short' });
		expect(expectReply(decision, 500).outcome).toBe('configuration_error');
	});
});

describe('flow_token_signature (Data API 4.0)', () => {
	const payload = (flowToken: string, signature?: string) => ({
		version: '4.0',
		action: 'data_exchange',
		screen: 'A',
		data: {},
		flow_token: flowToken,
		...(signature === undefined ? {} : { flow_token_signature: signature }),
	});

	it('is verified when present and recorded as valid', async () => {
		const jwt = signHs256Jwt({ flow_token: 'tok', iat: NOW / 1000 }, APP_SECRET);
		expect(expectStart(await handle(sealed(payload('tok', jwt)))).flowTokenSignature).toBe('valid');
	});

	it.each([
		['signed with another secret', () => signHs256Jwt({ flow_token: 'tok' }, 'wrong-secret')],
		['for another flow_token', () => signHs256Jwt({ flow_token: 'other' }, APP_SECRET)],
		['expired', () => signHs256Jwt({ flow_token: 'tok', exp: NOW / 1000 - 1 }, APP_SECRET)],
		['not a JWT', () => 'garbage'],
	])('refuses one %s with 427', async (_case, make) => {
		expectReply(await handle(sealed(payload('tok', make()))), 427);
	});

	it('refuses a request without one only when required', async () => {
		expect(expectStart(await handle(sealed(payload('tok')))).flowTokenSignature).toBe('absent');
		expectReply(await handle(sealed(payload('tok')), { requireFlowTokenSignature: true }), 427);
	});
});

describe('configuration', () => {
	it('an empty app secret is a configuration error, not a signature failure', async () => {
		const request = sealed({ version: '3.0', action: 'ping' });
		expect(expectReply(await handle(request, { appSecret: '' }), 500).outcome).toBe('configuration_error');
	});

	it('parses nothing and asks for no key when the signature fails', async () => {
		const calls: KeyObject[] = [];
		const request = sealed({ version: '3.0', action: 'ping' }, { secret: 'not-the-app-secret' });
		expectReply(await handle(request, { privateKey: () => (calls.push(privateKey), privateKey) }), 432);
		expect(calls).toHaveLength(0);
	});
});

describe('hostile input (generated)', () => {
	// A small deterministic generator (mulberry32) so a failure can be replayed.
	function random(seed: number): () => number {
		let state = seed >>> 0;
		return () => {
			state = (state + 0x6d2b79f5) >>> 0;
			let t = state;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}

	it('answers 10,000 mutated requests with 421 or 432, never throws, and starts the workflow only for a body that still means the same', async () => {
		const next = random(20261125);
		const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)];
		const base = sealed({ version: '3.0', action: 'data_exchange', screen: 'A', data: { x: 1 }, flow_token: 'tok' });
		const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)));
		const mutations: Array<() => Buffer> = [
			() => bytes(Math.floor(next() * 2000)),
			() => base.rawBody.subarray(0, Math.floor(next() * base.rawBody.length)),
			() => {
				const copy = Buffer.from(base.rawBody);
				copy[Math.floor(next() * copy.length)] ^= 1 << Math.floor(next() * 8);
				return copy;
			},
			() => {
				const body: Record<string, unknown> = { ...base.body };
				const field = pick(['encrypted_flow_data', 'encrypted_aes_key', 'initial_vector']);
				body[field] = pick<unknown>([null, 1, true, [], {}, '', '====', bytes(40).toString('base64'), String(body[field]).slice(1)]);
				return Buffer.from(JSON.stringify(body));
			},
			() => Buffer.from(JSON.stringify(pick<unknown>([null, 1, 'x', [], { a: 1 }]))),
		];
		const seen = new Map<number, number>();
		for (let i = 0; i < 10_000; i++) {
			const rawBody = pick(mutations)();
			const signature = next() < 0.8 ? sign(rawBody) : pick([undefined, 'sha256=', sign(rawBody, 'x'), 'garbage']);
			const decision = await handle({ rawBody, signature });
			if (decision.kind === 'start') {
				// A re-signed body can differ and still carry the same request (JSON whitespace, base64 padding bits).
				expect(decision.item).toMatchObject({ action: 'data_exchange', screen: 'A', data: { x: 1 }, flow_token: 'tok' });
				expect(signature).toBe(sign(rawBody));
				continue;
			}
			seen.set(decision.reply.status, (seen.get(decision.reply.status) ?? 0) + 1);
		}
		expect([...seen.keys()].sort()).toEqual([421, 432]);
	});
});

describe('the response cache', () => {
	const cachedInit = { screen: 'BOOK', data: { departments: ['Cardiology', 'Dermatology'] } };
	const ref = { key: 'k1', ttlMs: 60_000, store: 'process' };

	it('answers a request from the cache, encrypted for that request, without starting the workflow', async () => {
		const request = sealed({ version: '3.0', action: 'INIT', flow_token: 'user-a-token' });
		const decision = expectReply(await handle(request, { responseCache: async () => ({ ref, answer: cachedInit }) }), 200);
		expect(decision.outcome).toBe('cached');
		expect(openAnswer(decision.reply.body, request.aesKey, request.iv)).toEqual(cachedInit);
	});

	it('on a miss starts the workflow with the entry the respond node fills', async () => {
		const request = sealed({ version: '3.0', action: 'INIT', flow_token: 'user-a-token' });
		const item = expectStart(await handle(request, { responseCache: async () => ({ ref, answer: null }) }));
		expect(item.whatsAppFlowRequest).toMatchObject({ responseCache: ref });
	});

	it('fails open: a lookup that throws runs the workflow, without a cache entry', async () => {
		const request = sealed({ version: '3.0', action: 'INIT', flow_token: 'user-a-token' });
		const item = expectStart(
			await handle(request, {
				responseCache: async () => {
					throw new Error('store down');
				},
			}),
		);
		expect(item.whatsAppFlowRequest).not.toHaveProperty('responseCache');
	});

	it('is consulted only after the flow token checks, and never for pings or error notifications', async () => {
		const lookups: string[] = [];
		const responseCache = async (request: { action: string }) => {
			lookups.push(request.action);
			return { ref, answer: cachedInit };
		};
		const refused = await handle(sealed({ version: '3.0', action: 'INIT', flow_token: 'not-signed' }), { responseCache, requireSignedFlowToken: true });
		expectReply(refused, 427);
		expectReply(await handle(sealed({ version: '3.0', action: 'ping' }), { responseCache }), 200);
		const notice = sealed({ version: '3.0', action: 'data_exchange', screen: 'A', data: { error: 'x' }, flow_token: 'tok' });
		expect((await handle(notice, { responseCache })).kind).toBe('reply');
		expect(lookups).toEqual([]);
	});
});
