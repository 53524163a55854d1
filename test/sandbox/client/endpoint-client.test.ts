// The endpoint protocol as WhatsApp speaks it, against a node:crypto endpoint: every outcome the app distinguishes.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { EndpointClient } from './endpoint-client';
import { startFlowEndpoint, type FlowEndpoint, type JsonRecord } from './testing/flow-endpoint';
import { loadVectorSets } from './testing/vectors';

const keys = loadVectorSets()[2]; // pkcs8-plain: Meta's test key pair
const APP_SECRET = 'client-test-app-secret';

function screenAnswer(payload: JsonRecord): unknown {
	if (payload.action === 'ping') return { data: { status: 'active' } };
	if ((payload.data as JsonRecord | undefined)?.error !== undefined) return { data: { acknowledged: true } };
	return { screen: 'NEXT', data: { echo: payload.data ?? null } };
}

describe('EndpointClient', () => {
	let endpoint: FlowEndpoint;
	let handle: (payload: JsonRecord) => unknown = screenAnswer;
	const client = (extra: Partial<ConstructorParameters<typeof EndpointClient>[0]> = {}) =>
		new EndpointClient({ endpointUri: endpoint.url, publicKeyPem: keys.publicKeyPem, appSecret: APP_SECRET, ...extra });

	beforeAll(async () => {
		endpoint = await startFlowEndpoint({
			privateKeyPem: keys.privateKeyPem,
			appSecret: APP_SECRET,
			handle: (p) => handle(p),
		});
	});
	afterAll(() => endpoint.close());
	beforeEach(() => {
		endpoint.received.length = 0;
		endpoint.faults.length = 0;
		handle = screenAnswer;
	});

	it('sends a signed, sealed request and reads the answer (ok)', async () => {
		const c = client();
		const ex = await c.send({ action: 'data_exchange', screen: 'FIRST', data: { name: 'Ayşe' }, flow_token: 'tok' });
		expect(ex.outcome).toEqual({ kind: 'ok', answer: { screen: 'NEXT', data: { echo: { name: 'Ayşe' } } } });
		expect(endpoint.received[0].payload).toEqual({
			version: '3.0',
			action: 'data_exchange',
			screen: 'FIRST',
			data: { name: 'Ayşe' },
			flow_token: 'tok',
		});
		expect(endpoint.received[0].signatureValid).toBe(true);
		const expected = `sha256=${createHmac('sha256', APP_SECRET).update(ex.attempts[0].rawBody).digest('hex')}`;
		expect(ex.attempts[0].signature).toBe(expected);
		expect(Object.keys(JSON.parse(ex.attempts[0].rawBody) as object).sort()).toEqual([
			'encrypted_aes_key',
			'encrypted_flow_data',
			'initial_vector',
		]);
		expect(c.log).toEqual([ex]);
	});

	it('answers a health check with {"data":{"status":"active"}} and an error notification with acknowledged', async () => {
		const c = client();
		expect((await c.ping()).outcome).toEqual({ kind: 'ok', answer: { data: { status: 'active' } } });
		const note = await c.notifyError({ action: 'data_exchange', flow_token: 't', screen: 'S', error: 'e', errorMessage: 'm' });
		expect(note.kind).toBe('error-notification');
		expect(note.outcome).toEqual({ kind: 'ok', answer: { data: { acknowledged: true } } });
		expect(endpoint.received[1].payload.data).toEqual({ error: 'e', error_message: 'm' });
	});

	it('checks the answer shape for the request kind (bad shape → generic error)', async () => {
		handle = () => ({ data: { status: 'active' } });
		const ex = await client().send({ action: 'INIT', flow_token: 't' });
		expect(ex.outcome).toMatchObject({ kind: 'bad-shape', problem: 'the answer has no "screen"' });
		handle = () => ({ screen: 'SUCCESS', data: { extension_message_response: { params: {} } } });
		expect((await client().send({ action: 'INIT', flow_token: 't' })).outcome).toMatchObject({
			kind: 'bad-shape',
			problem: 'a SUCCESS answer needs params.flow_token',
		});
		handle = () => ({ screen: 'A', data: {} });
		expect((await client().ping()).outcome.kind).toBe('bad-shape');
	});

	it('on 421 re-reads the public key once and retries with a fresh AES key', async () => {
		const stale = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
		const refresh = jest.fn(async () => keys.publicKeyPem);
		const c = client({ publicKeyPem: stale, refreshPublicKey: refresh });
		const ex = await c.send({ action: 'INIT', flow_token: 't' });
		expect(refresh).toHaveBeenCalledTimes(1);
		expect(ex.attempts.map((a) => a.status)).toEqual([421, 200]);
		expect(JSON.parse(ex.attempts[0].rawBody).encrypted_aes_key).not.toBe(JSON.parse(ex.attempts[1].rawBody).encrypted_aes_key);
		expect(ex.outcome.kind).toBe('ok');
	});

	it('gives up after the one retry when the endpoint still answers 421', async () => {
		endpoint.faults.push({ kind: 'status', status: 421 }, { kind: 'status', status: 421 });
		const refresh = jest.fn(async () => keys.publicKeyPem);
		const ex = await client({ refreshPublicKey: refresh }).send({ action: 'INIT', flow_token: 't' });
		expect(ex.attempts.map((a) => a.status)).toEqual([421, 421]);
		expect(ex.outcome).toEqual({ kind: 'key-rejected', status: 421 });
		expect(refresh).toHaveBeenCalledTimes(1);
		expect(endpoint.received).toHaveLength(2); // no transport-level re-send on 421
	});

	it('on 427 reports the flow token invalid with the body’s error_msg', async () => {
		endpoint.faults.push({ kind: 'status', status: 427, body: JSON.stringify({ error_msg: 'This offer has expired' }) });
		const ex = await client().send({ action: 'data_exchange', screen: 'S', data: {}, flow_token: 'old' });
		expect(ex.outcome).toEqual({ kind: 'flow-token-invalid', status: 427, errorMsg: 'This offer has expired' });
		expect(ex.attempts).toHaveLength(1);
	});

	it('on 432 (signature refused) reports it; a wrong app secret gets 432 from a checking endpoint', async () => {
		const ex = await client({ appSecret: 'not-the-app-secret' }).send({ action: 'INIT', flow_token: 't' });
		expect(ex.outcome).toEqual({ kind: 'signature-rejected', status: 432 });
		expect(endpoint.received[0].signatureValid).toBe(false);
	});

	it('stops waiting after the timeout (10 s by default; shortened here)', async () => {
		endpoint.faults.push({ kind: 'delay', ms: 2000 });
		const started = Date.now();
		const ex = await client({ timeoutMs: 150 }).send({ action: 'INIT', flow_token: 't' });
		expect(ex.outcome).toEqual({ kind: 'timeout', afterMs: 150 });
		expect(Date.now() - started).toBeLessThan(1500);
	});

	it.each([
		['empty', 'empty-body'],
		['not-base64', 'undecryptable'],
		['unflipped-iv', 'undecryptable'],
		['flipped-tag', 'undecryptable'],
		['wrong-key', 'undecryptable'],
		['plain-json', 'undecryptable'],
	] as const)('detects a %s answer as %s', async (fault, kind) => {
		endpoint.faults.push({ kind: fault });
		expect((await client().send({ action: 'INIT', flow_token: 't' })).outcome.kind).toBe(kind);
	});

	it('reports other HTTP statuses and unreachable endpoints', async () => {
		endpoint.faults.push({ kind: 'status', status: 500 });
		expect((await client().send({ action: 'INIT', flow_token: 't' })).outcome).toEqual({ kind: 'http-error', status: 500 });
		const gone = new EndpointClient({ endpointUri: 'http://127.0.0.1:9/flow', publicKeyPem: keys.publicKeyPem, appSecret: 'x' });
		expect((await gone.send({ action: 'INIT', flow_token: 't' })).outcome.kind).toBe('network-error');
	});

	it('adds flow_token_signature (HS256 JWT keyed with the app secret) for Flow JSON 7.3 with Data API 4.0', async () => {
		const c = client();
		await c.send({ action: 'INIT', flow_token: 'tok-73' }, { flowJsonVersion: '7.3', dataApiVersion: '4.0' });
		await c.send({ action: 'INIT', flow_token: 'tok-72' }, { flowJsonVersion: '7.2', dataApiVersion: '4.0' });
		const [signed, unsigned] = endpoint.received.map((r) => r.payload);
		expect(signed.version).toBe('4.0');
		expect(unsigned.flow_token_signature).toBeUndefined();
		const [header, claims, signature] = String(signed.flow_token_signature).split('.');
		expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
		expect(JSON.parse(Buffer.from(claims, 'base64url').toString())).toMatchObject({ flow_token: 'tok-73' });
		expect(signature).toBe(createHmac('sha256', APP_SECRET).update(`${header}.${claims}`).digest('base64url'));
	});
});
