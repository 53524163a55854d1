// Publishing checks what Meta checks (flows/reference/error-codes 139002), including a real `ping` health check sent
// to the Flow's endpoint, encrypted under the phone number's public key and signed with the app secret.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decryptFlowResponse, hubSignature } from './flow-endpoint-crypto';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_APP_SECRET, SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID, startSandbox, type Sandbox } from './index';
import { decryptRequest, encryptResponse, startTestEndpoint, type TestEndpoint } from './reference-endpoint';
import { expectGraphError, get, post } from './test-support';
import { flowJson, postMultipart, testKeyPair } from './test-support-flows';

let sandbox: Sandbox;
let endpoint: TestEndpoint;
const keys = testKeyPair();
beforeAll(async () => {
	sandbox = await startSandbox({ config: { flows: { healthCheckTimeoutMs: 500 } } });
	endpoint = await startTestEndpoint(keys.privateKey, SANDBOX_APP_SECRET);
});
afterAll(async () => {
	await endpoint.close();
	await sandbox.close();
});
beforeEach(() => {
	sandbox.state.reset();
	endpoint.received.length = 0;
	endpoint.answer = (req) => ({ status: 200, body: encryptResponse({ data: { status: 'active' } }, req.aesKey, req.iv) });
});

const token = SANDBOX_ACCESS_TOKEN;
const v = '/v25.0';

async function uploadKey(): Promise<void> {
	const answer = await post(sandbox, `${v}/${SANDBOX_PHONE_NUMBER_ID}/whatsapp_business_encryption`, { token, form: { business_public_key: keys.publicPem } });
	expect(answer.status).toBe(200);
}

async function endpointFlow(options: { endpointUri?: string; json?: string } = {}): Promise<string> {
	const form: Record<string, string> = { name: `f${Math.random()}`, categories: '["OTHER"]' };
	if (options.endpointUri !== undefined) form.endpoint_uri = options.endpointUri;
	const id = (await post<{ id: string }>(sandbox, `${v}/${SANDBOX_WABA_ID}/flows`, { token, form })).body.id;
	const upload = await postMultipart(sandbox, `${v}/${id}/assets`, token, { name: 'flow.json', asset_type: 'FLOW_JSON' }, {
		file: { data: options.json ?? flowJson({ endpoint: true }), filename: 'flow.json', type: 'application/json' },
	});
	expect(upload.status).toBe(200);
	return id;
}

function publish(id: string) {
	return post(sandbox, `${v}/${id}/publish`, { token });
}

async function expectPublishError(id: string, title: string): Promise<void> {
	const error = expectGraphError(await publish(id), 400, 139002);
	expect(error.error_user_title).toBe(title);
	expect(sandbox.state.flows.get(id)?.status).toBe('DRAFT');
}

describe('the crypto the sandbox speaks matches Meta\'s known-answer vectors', () => {
	const vectors = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'meta', 'flow-crypto-vectors.json'), 'utf8')) as {
		sets: {
			keyFormat: string;
			privateKeyPem: string;
			passphrase?: string;
			appSecret: string;
			vectors: { requestBody: string; signatureHeader: string; decrypted: unknown; responseJson: string; encryptedResponse: string }[];
		}[];
	};
	const cases = vectors.sets.flatMap((set) => set.vectors.map((vector, i) => [`${set.keyFormat} #${i}`, set, vector] as const));

	it.each(cases)('%s: signature, request decryption (test endpoint) and response decryption (sandbox)', (_name, set, vector) => {
		expect(hubSignature(vector.requestBody, set.appSecret)).toBe(vector.signatureHeader);
		const privateKey = createPrivateKey({ key: set.privateKeyPem, passphrase: set.passphrase });
		const request = decryptRequest(JSON.parse(vector.requestBody) as never, privateKey);
		expect(request.payload).toEqual(vector.decrypted);
		expect(encryptResponse(JSON.parse(vector.responseJson), request.aesKey, request.iv)).toBe(vector.encryptedResponse);
		expect(decryptFlowResponse(vector.encryptedResponse, request.aesKey, request.iv)).toEqual(JSON.parse(vector.responseJson));
	});
});

describe('publishing a Flow with an endpoint', () => {
	it('sends one signed, encrypted ping and publishes when the endpoint answers {"data":{"status":"active"}}', async () => {
		await uploadKey();
		const id = await endpointFlow({ endpointUri: endpoint.url });
		expect((await publish(id)).body).toEqual({ success: true });
		expect(sandbox.state.flows.get(id)?.status).toBe('PUBLISHED');
		expect(endpoint.received).toHaveLength(1);
		const [ping] = endpoint.received;
		expect(ping.signatureValid).toBe(true);
		expect(ping.headers['content-type']).toBe('application/json');
		expect(Object.keys(JSON.parse(ping.raw) as object).sort()).toEqual(['encrypted_aes_key', 'encrypted_flow_data', 'initial_vector']);
		expect(ping.decrypted).toEqual({ version: '3.0', action: 'ping' });
		const checks = (await get<{ ok: boolean; status: number; decrypted: unknown }[]>(sandbox, `/__sandbox/flows/${id}/health-checks`)).body;
		expect(checks).toEqual([expect.objectContaining({ ok: true, status: 200, decrypted: { data: { status: 'active' } } })]);
	});

	it('uses a fresh AES key and IV for every ping', async () => {
		await uploadKey();
		const a = await endpointFlow({ endpointUri: endpoint.url });
		const b = await endpointFlow({ endpointUri: endpoint.url });
		await publish(a);
		await publish(b);
		const [first, second] = endpoint.received.map((r) => JSON.parse(r.raw) as { encrypted_aes_key: string; initial_vector: string });
		expect(first.encrypted_aes_key).not.toBe(second.encrypted_aes_key);
		expect(first.initial_vector).not.toBe(second.initial_vector);
	});

	it.each([
		['a wrong answer', (aesKey: Buffer, iv: Buffer) => ({ status: 200, body: encryptResponse({ data: { status: 'sleeping' } }, aesKey, iv) })],
		['an answer under the unflipped IV', (aesKey: Buffer, iv: Buffer) => ({ status: 200, body: encryptResponse({ data: { status: 'active' } }, aesKey, Buffer.from(iv.map((b) => ~b & 0xff))) })],
		['plain JSON', () => ({ status: 200, body: '{"data":{"status":"active"}}' })],
		['an empty body', () => ({ status: 200, body: '' })],
		['HTTP 500', () => ({ status: 500, body: '' })],
		['HTTP 421', () => ({ status: 421, body: '' })],
	])('refuses with "Endpoint Not Available" when the endpoint answers %s', async (_name, answer) => {
		await uploadKey();
		endpoint.answer = (req) => answer(req.aesKey, req.iv);
		const id = await endpointFlow({ endpointUri: endpoint.url });
		await expectPublishError(id, 'Endpoint Not Available');
	});

	it('refuses when the endpoint does not answer within the health-check timeout', async () => {
		await uploadKey();
		endpoint.answer = () => {
			throw new Error('never answered');
		};
		// A URL that accepts the connection but never answers: a listening socket nobody reads.
		const { createServer } = await import('node:net');
		const silent = createServer(() => undefined);
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const port = (silent.address() as { port: number }).port;
		try {
			const id = await endpointFlow({ endpointUri: `http://127.0.0.1:${port}/` });
			const started = Date.now();
			await expectPublishError(id, 'Endpoint Not Available');
			expect(Date.now() - started).toBeLessThan(2000);
			const [check] = sandbox.state.flows.healthChecks;
			expect(check.problem).toMatch(/no answer within 500 ms/);
		} finally {
			silent.close();
		}
	});

	it('refuses without endpoint_uri, before any ping', async () => {
		await uploadKey();
		const id = await endpointFlow();
		await expectPublishError(id, 'Publishing without specifying endpoint_uri is forbidden');
		expect(endpoint.received).toHaveLength(0);
	});

	it('refuses without a VALID public key ("Missing Flows Signed Public Key"), also after a MISMATCH', async () => {
		const id = await endpointFlow({ endpointUri: endpoint.url });
		await expectPublishError(id, 'Missing Flows Signed Public Key');
		await uploadKey();
		sandbox.state.keys.setStatus(SANDBOX_PHONE_NUMBER_ID, 'MISMATCH');
		await expectPublishError(id, 'Missing Flows Signed Public Key');
		expect(endpoint.received).toHaveLength(0);
	});

	it('refuses when the app is not subscribed to the WABA', async () => {
		await uploadKey();
		sandbox.state.subscriptions = [];
		const id = await endpointFlow({ endpointUri: endpoint.url });
		await expectPublishError(id, 'WhatsApp Business Account is not subscribed to Flows Webhooks');
	});

	it('counts the ping as an endpoint request (the Metrics API sees it)', async () => {
		await uploadKey();
		const id = await endpointFlow({ endpointUri: endpoint.url });
		await publish(id);
		expect(sandbox.state.flows.get(id)?.endpointRequests).toEqual([expect.objectContaining({ ok: true })]);
	});
});

describe('publishing checks for every Flow', () => {
	it('publishes a Flow without endpoint with no key and no ping', async () => {
		const id = await endpointFlow({ json: flowJson() });
		expect((await publish(id)).status).toBe(200);
		expect(endpoint.received).toHaveLength(0);
	});

	it('refuses a Flow with validation errors', async () => {
		const broken = JSON.stringify({ version: '7.3', screens: [{ id: 'A', terminal: true, layout: { type: 'SingleColumnLayout', children: [] } }] });
		await expectPublishError(await endpointFlow({ json: broken }), 'Publishing Flow with validation errors');
	});

	it('refuses a version that can no longer be published (Meta\'s 3.1 examples stay drafts)', async () => {
		const survey = readFileSync(join(__dirname, '..', 'fixtures', 'meta', 'flow-json-examples', 'survey.json'), 'utf8');
		await expectPublishError(await endpointFlow({ json: survey }), 'Versions in Flow JSON file are not available for publishing');
	});

	it('refuses a Flow that is not a DRAFT ("Publishing Flow in invalid state")', async () => {
		const id = await endpointFlow({ json: flowJson() });
		await publish(id);
		const error = expectGraphError(await publish(id), 400, 139002);
		expect(error.error_user_title).toBe('Publishing Flow in invalid state');
	});

	it('publishes at creation with publish=true and flow_json', async () => {
		const answer = await post<{ id: string }>(sandbox, `${v}/${SANDBOX_WABA_ID}/flows`, {
			token,
			json: { name: 'now', categories: ['OTHER'], flow_json: flowJson(), publish: true },
		});
		expect(answer.status).toBe(200);
		expect(sandbox.state.flows.get(answer.body.id)?.status).toBe('PUBLISHED');
	});
});
