// Simulated users over HTTP (/__sandbox/users/{waId}/flow/…), as e2e tests drive them from another module registry:
// a picker flow whose files go through the sandbox's flow-media CDN and come back as Cloud API media ids, the
// endpoint exchange log with each outcome kind, and the errors the routes answer.
import { startFlowEndpoint, type FlowEndpoint, type JsonRecord } from './client/testing/flow-endpoint';
import { nodeDecrypt, type ReceivedMetadata } from './client/testing/media-receiver';
import { loadClientFixture } from './client/testing/vectors';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_APP_SECRET, startSandbox, type FlowStep, type Sandbox } from './index';
import { get, post } from './test-support';
import {
	createFlow,
	greetingEndpoint,
	greetingFlowJson,
	pemPair,
	sendFlowMessage,
	startWebhookReceiver,
	uploadPublicKey,
	type PemPair,
	type WebhookReceiver,
} from './test-support-users';

const WA_ID = '15550108888';
const flowPath = (step: string) => `/__sandbox/users/${WA_ID}/flow/${step}`;

let sandbox: Sandbox;
let receiver: WebhookReceiver;
let endpoint: FlowEndpoint;
let keys: PemPair;
let handle: (p: JsonRecord) => unknown = greetingEndpoint();

beforeAll(async () => {
	keys = pemPair();
	receiver = await startWebhookReceiver(SANDBOX_APP_SECRET);
	endpoint = await startFlowEndpoint({ privateKeyPem: keys.privateKeyPem, appSecret: SANDBOX_APP_SECRET, handle: (p) => handle(p) });
	sandbox = await startSandbox({ config: { webhooks: { timeScale: 0.001, statuses: false }, flows: { clientTimeoutMs: 2000 } } });
});
afterAll(async () => {
	await sandbox.close();
	await endpoint.close();
	await receiver.close();
});
beforeEach(async () => {
	expect((await post(sandbox, '/__sandbox/reset')).status).toBe(200);
	expect((await post(sandbox, '/__sandbox/webhook-target', { json: { url: receiver.url } })).status).toBe(200);
	expect((await post(sandbox, `/__sandbox/users/${WA_ID}/open-window`)).status).toBe(200);
	receiver.received.length = 0;
	endpoint.received.length = 0;
	endpoint.faults.length = 0;
	handle = greetingEndpoint();
	await uploadPublicKey(sandbox, keys.publicPem);
});

async function step(path: string, json?: unknown): Promise<FlowStep> {
	const answer = path === 'screen' ? await get<FlowStep>(sandbox, flowPath(path)) : await post<FlowStep>(sandbox, flowPath(path), { json: json ?? {} });
	expect(answer.status).toBe(200);
	return answer.body;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('a picker flow over HTTP', () => {
	it('sends picked photos through the flow-media CDN, and the completion\'s media ids resolve with the Media API', async () => {
		const downloads: Buffer[] = [];
		handle = async (p) => {
			if (p.action === 'ping') return { data: { status: 'active' } };
			const photos = (p.data as JsonRecord).photos as unknown as { cdn_url: string; file_name: string; encryption_metadata: ReceivedMetadata }[];
			for (const photo of photos) {
				expect(photo.cdn_url).toMatch(new RegExp(`^${sandbox.url}/__cdn/flow-media/[0-9a-f]+$`));
				const res = await fetch(photo.cdn_url);
				downloads.push(nodeDecrypt(Buffer.from(await res.arrayBuffer()), photo.encryption_metadata));
			}
			return { screen: 'DOCUMENTS', data: { received: `${photos.length} photos` } };
		};
		const flowId = await createFlow(sandbox, { name: 'claim', json: loadClientFixture('picker.json'), endpointUri: endpoint.url });
		const messageId = await sendFlowMessage(sandbox, WA_ID, { flow_id: flowId, flow_token: 'claim-1', flow_action_payload: { screen: 'PHOTOS' } });

		expect((await step('open-last', { name: 'Linus' })).screen?.id).toBe('PHOTOS');
		expect((await step('press-footer')).result).toEqual({ outcome: 'invalid', errors: { photos: expect.any(String) } });
		const front = new Uint8Array(1200).fill(7);
		const side = new Uint8Array(900).fill(9);
		const picked = await step('select-files', {
			field: 'photos',
			files: [{ fileName: 'front.jpg', mimeType: 'image/jpeg', base64: base64(front) }, { fileName: 'side.jpg', base64: base64(side) }],
		});
		expect(picked.result).toEqual({ outcome: 'filled', errors: {}, actions: [] });
		const uploaded = await step('press-footer');
		expect(uploaded.result).toEqual({ outcome: 'navigated', screen: 'DOCUMENTS' });
		expect(downloads).toEqual([Buffer.from(front), Buffer.from(side)]);

		const shown = await step('screen');
		expect(shown.screen?.components.find((c) => c.type === 'TextBody')?.text).toBe('2 photos');
		expect(shown.exchanges.map((e) => e.request.action)).toEqual(['data_exchange']);

		const pdf = Buffer.from('%PDF-1.4 invoice');
		await step('select-files', { field: 'invoice', files: [{ fileName: 'invoice.pdf', mimeType: 'application/pdf', base64: pdf.toString('base64') }] });
		const done = await step('press-footer');
		expect(done.status).toBe('completed');
		const response = JSON.parse(done.reply!.responseJson) as { flow_token: string; claim: string; invoice: { file_name: string; mime_type: string; sha256: string; id: string }[] };
		expect(response).toEqual({
			flow_token: 'claim-1',
			claim: 'C-7',
			invoice: [{ file_name: 'invoice.pdf', mime_type: 'application/pdf', sha256: expect.any(String), id: expect.stringMatching(/^\d+$/) }],
		});
		const media = await get<{ url: string; mime_type: string }>(sandbox, `/v25.0/${response.invoice[0].id}`, { token: SANDBOX_ACCESS_TOKEN });
		expect(media.body.mime_type).toBe('application/pdf');
		const download = await fetch(media.body.url, { headers: { authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` } });
		expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);

		expect((await post(sandbox, '/__sandbox/webhooks/wait-idle')).status).toBe(200);
		const replies = receiver.messages().filter((m) => m.message.type === 'interactive');
		expect(replies).toHaveLength(1);
		expect(replies[0]).toMatchObject({ signatureValid: true, contacts: [{ profile: { name: 'Linus' }, wa_id: WA_ID }], message: { context: { id: messageId } } });
		expect((await get<unknown[]>(sandbox, `/__sandbox/users/${WA_ID}/inbound`)).body).toHaveLength(1);
	});
});

describe('picked files without a flow (POST /__sandbox/flow-media)', () => {
	it('encrypts them onto the flow-media CDN and answers the entries an endpoint would receive', async () => {
		const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
		const answer = await post<Array<{ media_id: string; cdn_url: string; file_name: string; encryption_metadata: ReceivedMetadata }>>(
			sandbox,
			'/__sandbox/flow-media',
			{ json: { files: [{ fileName: 'front.jpg', base64: base64(photo) }, { fileName: 'a.txt', base64: 'aGk=' }] } },
		);
		expect(answer.status).toBe(201);
		expect(answer.body.map((e) => Object.keys(e).sort())).toEqual([
			['cdn_url', 'encryption_metadata', 'file_name', 'media_id'],
			['cdn_url', 'encryption_metadata', 'file_name', 'media_id'],
		]);
		const [front] = answer.body;
		expect(front.cdn_url).toMatch(new RegExp(`^${sandbox.url}/__cdn/flow-media/[0-9a-f]+$`));
		const downloaded = Buffer.from(await (await fetch(front.cdn_url)).arrayBuffer());
		expect(nodeDecrypt(downloaded, front.encryption_metadata)).toEqual(photo);
		expect((await post(sandbox, '/__sandbox/flow-media', { json: { files: [{ fileName: 'x' }] } })).status).toBe(400);
	});
});

describe('the endpoint exchange log over HTTP', () => {
	it('records each outcome: signature-rejected 432, undecryptable, timeout, 421 then ok, 427 with error_msg', async () => {
		const flowId = await createFlow(sandbox, { name: 'greeting', json: greetingFlowJson(), endpointUri: endpoint.url });
		await sendFlowMessage(sandbox, WA_ID, { flow_id: flowId, flow_token: 'tok-h', flow_action: 'data_exchange' });
		// The client's timeout is read when the flow opens (config flows.clientTimeoutMs; Meta's is 10 s).
		expect((await post(sandbox, '/__sandbox/config', { json: { flows: { clientTimeoutMs: 300 } } })).status).toBe(200);
		expect((await step('open-last')).exchanges).toEqual([expect.objectContaining({ statuses: [200], outcome: expect.objectContaining({ kind: 'ok' }) })]);
		await step('fill', { values: { name: 'Ada' } });

		const pressWith = async (fault: FlowEndpoint['faults'][number]) => {
			endpoint.faults.push(fault);
			return step('press-footer');
		};
		const rejected = await pressWith({ kind: 'status', status: 432 });
		expect(rejected).toMatchObject({ status: 'open', errorMessage: expect.any(String), result: { outcome: 'endpoint-error' } });
		expect(rejected.exchanges.map((e) => [e.statuses, e.outcome])).toEqual([[[432], { kind: 'signature-rejected', status: 432 }]]);
		expect((await pressWith({ kind: 'flipped-tag' })).exchanges[0].outcome).toEqual({ kind: 'undecryptable' });
		const late = await pressWith({ kind: 'delay', ms: 900 });
		expect(late.exchanges.map((e) => [e.statuses, e.outcome])).toEqual([[[null], { kind: 'timeout', afterMs: 300 }]]);
		const retried = await pressWith({ kind: 'status', status: 421 });
		expect(retried.result).toEqual({ outcome: 'navigated', screen: 'CONFIRM' });
		expect(retried.exchanges.map((e) => [e.statuses, e.outcome.kind])).toEqual([[[421, 200], 'ok']]);
		const expired = await pressWith({ kind: 'status', status: 427, body: '{"error_msg":"Session expired"}' });
		expect(expired).toMatchObject({ status: 'disabled', errorMessage: 'Session expired' });
		expect(expired.exchanges[0].outcome).toEqual({ kind: 'flow-token-invalid', status: 427, errorMsg: 'Session expired' });

		const all = await step('screen');
		expect(all.exchanges.map((e) => e.outcome.kind)).toEqual(['ok', 'signature-rejected', 'undecryptable', 'timeout', 'ok', 'flow-token-invalid']);
		const metrics = sandbox.state.flows.get(flowId)!.endpointRequests.map((r) => r.errorKind ?? 'ok');
		expect(metrics).toEqual(['ok', 'ok', 'unexpected_http_status_code', 'decryption_error', 'timeout_error', 'unexpected_http_status_code', 'ok', 'unexpected_http_status_code']);
	});
});

describe('route errors and inspection', () => {
	it('answers what a user cannot do, and lists what the user received', async () => {
		const before = await get<{ code: string }>(sandbox, flowPath('screen'));
		expect(before.status).toBe(409);
		expect(before.body.code).toBe('no-open-flow');
		const none = await post<{ code: string }>(sandbox, flowPath('open-last'));
		expect([none.status, none.body.code]).toEqual([404, 'no-flow-message']);

		await post(sandbox, '/v25.0/300000000000001/messages', {
			token: SANDBOX_ACCESS_TOKEN,
			json: {
				messaging_product: 'whatsapp',
				to: WA_ID,
				type: 'template',
				template: { name: 'flow_signup', language: { code: 'en_US' } },
			},
		});
		const opened = await step('open-last');
		expect(opened.flow).toMatchObject({ via: 'template', flowToken: 'unused' });
		const unknown = await post<{ code: string }>(sandbox, flowPath('fill'), { json: { values: { nickname: 'x' } } });
		expect([unknown.status, unknown.body.code]).toEqual([400, 'input']);
		const malformed = await post<{ error: string }>(sandbox, flowPath('fill'), { json: { values: 'x' } });
		expect(malformed.status).toBe(400);
		const files = await post<{ code: string }>(sandbox, flowPath('select-files'), { json: { field: 'email', files: [{ fileName: 'a.pdf', base64: 'AA==' }] } });
		expect([files.status, files.body.code]).toEqual([400, 'input']);

		const received = await get<{ type: string }[]>(sandbox, `/__sandbox/users/+1 555 010 8888/messages`);
		expect(received.body.map((m) => m.type)).toEqual(['template']);
		expect((await get(sandbox, '/__cdn/flow-media/nope')).status).toBe(404);
	});
});
