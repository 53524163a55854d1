// Signed webhooks: the sandbox POSTs Meta-shaped payloads to the app's callback URL with X-Hub-Signature-256 over the
// exact bytes, redelivers on failure with growing delays (scaled down for tests), and records every attempt.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_APP_SECRET, SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID, startSandbox, type Sandbox } from './index';
import { get, post } from './test-support';
import type { WebhookDelivery } from './webhooks';

interface Received {
	headers: IncomingHttpHeaders;
	raw: Buffer;
	body: { object: string; entry: { id: string; changes: { field: string; value: Record<string, unknown> }[] }[] };
}

let sandbox: Sandbox;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Status codes to answer, in order (then 200). */
let answers: number[] = [];

beforeAll(async () => {
	receiver = createServer((req, res) => {
		if (req.method === 'GET') {
			// Meta's verification request: echo hub.challenge for the verify token "vt".
			const query = new URL(req.url ?? '/', 'http://receiver').searchParams;
			const ok = query.get('hub.mode') === 'subscribe' && query.get('hub.verify_token') === 'vt';
			res.writeHead(ok ? 200 : 403);
			res.end(ok ? (query.get('hub.challenge') ?? '') : 'no');
			return;
		}
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			received.push({ headers: req.headers, raw, body: JSON.parse(raw.toString('utf8')) as Received['body'] });
			res.writeHead(answers.shift() ?? 200);
			res.end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
	// Meta's minutes become milliseconds: retries after 60 ms, 120 ms, …
	sandbox = await startSandbox({ config: { webhooks: { timeScale: 0.001, maxAttempts: 4 } } });
});
afterAll(async () => {
	await sandbox.close();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
beforeEach(async () => {
	sandbox.state.reset();
	received.length = 0;
	answers = [];
	expect((await post(sandbox, '/__sandbox/webhook-target', { json: { url: receiverUrl } })).status).toBe(200);
});

const token = SANDBOX_ACCESS_TOKEN;
const messagesPath = `/v24.0/${SANDBOX_PHONE_NUMBER_ID}/messages`;
const signature = (raw: Buffer) => `sha256=${createHmac('sha256', SANDBOX_APP_SECRET).update(raw).digest('hex')}`;

async function settle(): Promise<void> {
	expect((await post(sandbox, '/__sandbox/webhooks/wait-idle')).status).toBe(200);
}

describe('inbound messages (POST /__sandbox/users/{waId}/send-text)', () => {
	it('sends Meta\'s messages webhook, signed over the exact bytes', async () => {
		const sent = await post<{ id: string }>(sandbox, '/__sandbox/users/15550109999/send-text', { json: { text: 'Hi there', name: 'Ada' } });
		expect(sent.status).toBe(201);
		await settle();
		expect(received).toHaveLength(1);
		const [hook] = received;
		expect(hook.headers['x-hub-signature-256']).toBe(signature(hook.raw));
		expect(hook.headers['content-type']).toBe('application/json');
		expect(hook.body).toEqual({
			object: 'whatsapp_business_account',
			entry: [
				{
					id: SANDBOX_WABA_ID,
					changes: [
						{
							value: {
								messaging_product: 'whatsapp',
								metadata: { display_phone_number: '15550100001', phone_number_id: SANDBOX_PHONE_NUMBER_ID },
								contacts: [{ profile: { name: 'Ada' }, wa_id: '15550109999' }],
								messages: [{ from: '15550109999', id: sent.body.id, timestamp: expect.stringMatching(/^\d{10}$/), type: 'text', text: { body: 'Hi there' } }],
							},
							field: 'messages',
						},
					],
				},
			],
		});
	});

	it('opens the 24-hour window: a free-form answer is then delivered', async () => {
		await post(sandbox, '/__sandbox/users/15550109999/send-text', { json: { text: 'hello' } });
		await post(sandbox, messagesPath, { token, json: { messaging_product: 'whatsapp', to: '15550109999', text: { body: 'answer' } } });
		await settle();
		const statuses = received.flatMap((r) => r.body.entry[0].changes[0].value.statuses ?? []) as { status: string }[];
		expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
	});
});

describe('statuses for outgoing messages', () => {
	it('sends sent, delivered and read for an accepted message, each as its own webhook', async () => {
		await post(sandbox, '/__sandbox/users/15550109999/open-window', { json: {} });
		const answer = await post<{ messages: { id: string }[] }>(sandbox, messagesPath, {
			token,
			json: { messaging_product: 'whatsapp', to: '15550109999', text: { body: 'hi' } },
		});
		await settle();
		expect(received).toHaveLength(3);
		const values = received.map((r) => r.body.entry[0].changes[0].value);
		for (const value of values) {
			expect(value.metadata).toEqual({ display_phone_number: '15550100001', phone_number_id: SANDBOX_PHONE_NUMBER_ID });
			const [status] = value.statuses as Record<string, unknown>[];
			expect(status).toMatchObject({ id: answer.body.messages[0].id, recipient_id: '15550109999', timestamp: expect.stringMatching(/^\d{10}$/) });
			expect(status.pricing).toEqual({ billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' });
		}
		expect(values.map((v) => (v.statuses as { status: string }[])[0].status)).toEqual(['sent', 'delivered', 'read']);
	});

	it('can be switched off (config webhooks.statuses = false)', async () => {
		await post(sandbox, '/__sandbox/config', { json: { webhooks: { statuses: false } } });
		await post(sandbox, '/__sandbox/users/15550109999/open-window', { json: {} });
		await post(sandbox, messagesPath, { token, json: { messaging_product: 'whatsapp', to: '15550109999', text: { body: 'hi' } } });
		await settle();
		expect(received).toHaveLength(0);
	});

	it('waits the configured delays (scaled by timeScale) between sent, delivered and read', async () => {
		await post(sandbox, '/__sandbox/config', { json: { webhooks: { statusDelaysMs: { sent: 0, delivered: 100_000, read: 100_000 } } } });
		await post(sandbox, '/__sandbox/users/15550109999/open-window', { json: {} });
		const started = Date.now();
		await post(sandbox, messagesPath, { token, json: { messaging_product: 'whatsapp', to: '15550109999', text: { body: 'hi' } } });
		await settle();
		expect(Date.now() - started).toBeGreaterThanOrEqual(195);
	});
});

describe('redelivery', () => {
	it('retries after a non-2xx answer with growing delays, until the callback accepts', async () => {
		answers = [500, 503];
		await post(sandbox, '/__sandbox/webhooks/raw', { json: { payload: { object: 'whatsapp_business_account', entry: [] } } });
		await settle();
		expect(received).toHaveLength(3);
		const [delivery] = (await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries')).body;
		expect(delivery.state).toBe('delivered');
		expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
		const gaps = delivery.attempts.slice(1).map((a, i) => Date.parse(a.at) - Date.parse(delivery.attempts[i].at));
		expect(gaps[0]).toBeGreaterThanOrEqual(55);
		expect(gaps[1]).toBeGreaterThanOrEqual(115);
		// Every attempt carries the same bytes and signature.
		expect(new Set(received.map((r) => r.raw.toString()))).toEqual(new Set([delivery.body]));
	});

	it('gives up after maxAttempts and says so', async () => {
		answers = [500, 500, 500, 500, 500];
		await post(sandbox, '/__sandbox/webhooks/raw', { json: { payload: { object: 'whatsapp_business_account', entry: [] } } });
		await settle();
		const [delivery] = (await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries')).body;
		expect(delivery.state).toBe('failed');
		expect(delivery.attempts).toHaveLength(4);
	});

	it('retries after a timeout', async () => {
		await post(sandbox, '/__sandbox/config', { json: { webhooks: { timeoutMs: 100 } } });
		const slow = createServer(() => undefined);
		await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
		try {
			await post(sandbox, '/__sandbox/webhook-target', { json: { url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/` } });
			await post(sandbox, '/__sandbox/config', { json: { webhooks: { maxAttempts: 2 } } });
			await post(sandbox, '/__sandbox/webhooks/raw', { json: { payload: { object: 'whatsapp_business_account', entry: [] } } });
			await settle();
			const [delivery] = (await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries')).body;
			expect(delivery.attempts.map((a) => a.error)).toEqual(['no answer within 100 ms', 'no answer within 100 ms']);
			expect(delivery.state).toBe('failed');
		} finally {
			slow.closeAllConnections();
			slow.close();
		}
	});
});

describe('raw payloads, batches and targets', () => {
	it('signs and sends any payload, e.g. a batch of many changes in one POST', async () => {
		const value = (n: number) => ({ messaging_product: 'whatsapp', metadata: { display_phone_number: '15550100001', phone_number_id: SANDBOX_PHONE_NUMBER_ID }, statuses: [{ id: `wamid.${n}`, status: 'delivered', timestamp: '1700000000', recipient_id: '1555' }] });
		const payload = { object: 'whatsapp_business_account', entry: [{ id: SANDBOX_WABA_ID, changes: [1, 2, 3].map((n) => ({ value: value(n), field: 'messages' })) }] };
		const answer = await post<{ id: string }>(sandbox, '/__sandbox/webhooks/raw', { json: { payload } });
		expect(answer.status).toBe(201);
		await settle();
		expect(received).toHaveLength(1);
		expect(received[0].body).toEqual(payload);
		expect(received[0].headers['x-hub-signature-256']).toBe(signature(received[0].raw));
	});

	it('redelivers the same bytes when answers are lost (config.webhooks.loseAnswers)', async () => {
		await post(sandbox, '/__sandbox/config', { json: { webhooks: { loseAnswers: 2 } } });
		await post(sandbox, '/__sandbox/webhooks/raw', { json: { payload: { object: 'whatsapp_business_account', entry: [{ id: SANDBOX_WABA_ID, changes: [{ field: 'messages', value: {} }] }] } } });
		await settle();
		expect(received).toHaveLength(3);
		expect(new Set(received.map((r) => r.raw.toString('utf8'))).size).toBe(1);
		const [delivery] = (await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries')).body;
		expect(delivery.attempts.map((a) => a.status)).toEqual([null, null, 200]);
		expect(delivery.attempts[0].error).toContain('answer lost');
		expect(delivery.state).toBe('delivered');
	});

	it('records without sending when no callback URL is set', async () => {
		await post(sandbox, '/__sandbox/webhook-target', { json: { url: null } });
		await post(sandbox, '/__sandbox/webhooks/raw', { json: { payload: { object: 'whatsapp_business_account', entry: [] } } });
		const [delivery] = (await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries')).body;
		expect(delivery.state).toBe('no-callback-url');
		expect(received).toHaveLength(0);
	});

	it('sends messages webhooks to the WABA\'s override_callback_uri (POST /{waba-id}/subscribed_apps)', async () => {
		const other = `${receiverUrl}?override=1`;
		const answer = await post(sandbox, `/v24.0/${SANDBOX_WABA_ID}/subscribed_apps`, { token, json: { override_callback_uri: other, verify_token: 'vt' } });
		expect(answer.body).toEqual({ success: true });
		await post(sandbox, '/__sandbox/users/15550109999/send-text', { json: { text: 'hi' } });
		await settle();
		expect((await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries')).body[0].url).toBe(other);
	});

	it('sends nothing for a WABA the app is not subscribed to', async () => {
		await sandbox.state.webhooks.idle();
		await fetch(`${sandbox.url}/v24.0/${SANDBOX_WABA_ID}/subscribed_apps`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
		await post(sandbox, '/__sandbox/users/15550109999/send-text', { json: { text: 'hi' } });
		expect((await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries')).body[0].state).toBe('not-subscribed');
	});

	it('sends a flows webhook FLOW_STATUS_CHANGE when a Flow is published', async () => {
		const { id } = (await post<{ id: string }>(sandbox, `/v24.0/${SANDBOX_WABA_ID}/flows`, {
			token,
			json: { name: 'hooked', categories: ['OTHER'], flow_json: JSON.stringify({ version: '7.3', screens: [{ id: 'A', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Ok', 'on-click-action': { name: 'complete', payload: {} } }] } }] }) },
		})).body;
		await post(sandbox, `/v24.0/${id}/publish`, { token });
		await settle();
		const flows = received.filter((r) => r.body.entry[0].changes[0].field === 'flows');
		expect(flows).toHaveLength(1);
		expect(flows[0].body.entry[0]).toMatchObject({ id: SANDBOX_WABA_ID, time: expect.any(Number) });
		expect(flows[0].body.entry[0].changes[0].value).toEqual({
			event: 'FLOW_STATUS_CHANGE',
			message: 'Flow hooked changed status from DRAFT to PUBLISHED',
			flow_id: id,
			old_status: 'DRAFT',
			new_status: 'PUBLISHED',
		});
	});
});
