// Alternate callback URLs (whatsapp/webhooks/override): set and removed per phone number (POST /{phone-number-id}
// webhook_configuration) and per WABA (POST /{waba-id}/subscribed_apps), verified with a GET verification request
// first, and used as Meta does: the number's URL, else the WABA's, else the app's — for supported fields only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallbackVerification } from './callback-verification';
import {
	SANDBOX_ACCESS_TOKEN,
	SANDBOX_LIMITED_TOKEN,
	SANDBOX_PHONE_NUMBER_ID,
	SANDBOX_SECOND_PHONE_NUMBER_ID,
	SANDBOX_WABA_ID,
	startSandbox,
	type Sandbox,
} from './index';
import { expectGraphError, get, post } from './test-support';
import type { WebhookDelivery } from './webhooks';

const token = SANDBOX_ACCESS_TOKEN;
const VERIFY_TOKEN = 'alt-verify-token';

let sandbox: Sandbox;
let receiver: Server;
let base: string;
/** POSTs received, by path. */
const received = new Map<string, unknown[]>();
/** Verification requests received, as URLs. */
const verifications: URL[] = [];
/** How the receiver answers verification requests: echo (correct), wrong body, or a 404. */
let verifyMode: 'echo' | 'wrong' | '404' = 'echo';

beforeAll(async () => {
	receiver = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://receiver');
		if (req.method === 'GET') {
			verifications.push(url);
			const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === VERIFY_TOKEN;
			if (verifyMode === '404') res.writeHead(404).end();
			else res.writeHead(ok ? 200 : 403).end(verifyMode === 'wrong' ? 'hello' : (url.searchParams.get('hub.challenge') ?? ''));
			return;
		}
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.set(url.pathname, [...(received.get(url.pathname) ?? []), JSON.parse(Buffer.concat(chunks).toString('utf8'))]);
			res.writeHead(200).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
	sandbox = await startSandbox({ config: { webhooks: { timeScale: 0.001 } } });
});
afterAll(async () => {
	await sandbox.close();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
beforeEach(async () => {
	sandbox.state.reset();
	received.clear();
	verifications.length = 0;
	verifyMode = 'echo';
	await post(sandbox, '/__sandbox/webhook-target', { json: { url: `${base}/app` } });
});

const setPhoneOverride = (phoneNumberId: string, uri: string, options: { verifyToken?: string; token?: string } = {}) =>
	post(sandbox, `/v25.0/${phoneNumberId}`, { token: options.token ?? token, json: { webhook_configuration: { override_callback_uri: uri, verify_token: options.verifyToken ?? VERIFY_TOKEN } } });
const setWabaOverride = (uri: string) => post(sandbox, `/v25.0/${SANDBOX_WABA_ID}/subscribed_apps`, { token, json: { override_callback_uri: uri, verify_token: VERIFY_TOKEN } });
const webhookConfiguration = async (phoneNumberId: string) =>
	(await get<{ webhook_configuration: Record<string, string>; id: string }>(sandbox, `/v25.0/${phoneNumberId}?fields=webhook_configuration`, { token })).body;

async function userWrites(phoneNumberId: string, text: string): Promise<void> {
	await post(sandbox, '/__sandbox/users/15550108888/send-text', { json: { text, phone_number_id: phoneNumberId } });
	await post(sandbox, '/__sandbox/webhooks/wait-idle');
}

const textsAt = (path: string) =>
	(received.get(path) ?? []).flatMap((body) =>
		(body as { entry: Array<{ changes: Array<{ value: { messages?: Array<{ text: { body: string } }> } }> }> }).entry.flatMap((e) =>
			e.changes.flatMap((c) => (c.value.messages ?? []).map((m) => m.text.body)),
		),
	);

describe('a phone number\'s alternate callback URL', () => {
	it('is verified with a GET verification request, then set, read and removed as Meta documents', async () => {
		expect((await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, `${base}/number-1`)).body).toEqual({ success: true });
		expect(verifications).toHaveLength(1);
		const [check] = verifications;
		expect(check.pathname).toBe('/number-1');
		expect(check.searchParams.get('hub.mode')).toBe('subscribe');
		expect(check.searchParams.get('hub.verify_token')).toBe(VERIFY_TOKEN);
		expect(check.searchParams.get('hub.challenge')).toMatch(/^\d{10}$/);

		expect(await webhookConfiguration(SANDBOX_PHONE_NUMBER_ID)).toEqual({ id: SANDBOX_PHONE_NUMBER_ID, webhook_configuration: { phone_number: `${base}/number-1`, application: `${base}/app` } });
		expect((await webhookConfiguration(SANDBOX_SECOND_PHONE_NUMBER_ID)).webhook_configuration).toEqual({ application: `${base}/app` });

		const removal = await post(sandbox, `/v25.0/${SANDBOX_PHONE_NUMBER_ID}`, { token, json: { webhook_configuration: { override_callback_uri: '' } } });
		expect(removal.body).toEqual({ success: true });
		expect((await webhookConfiguration(SANDBOX_PHONE_NUMBER_ID)).webhook_configuration).toEqual({ application: `${base}/app` });
	});

	it('is refused with Graph error 2200 when the URL fails the verification request', async () => {
		verifyMode = '404';
		const notFound = expectGraphError(await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, `${base}/gone`), 400, 2200);
		expect(notFound.message).toBe('(#2200) Callback verification failed with the following errors: HTTP Status Code = 404; HTTP Message = Not Found');
		verifyMode = 'echo';
		expect(expectGraphError(await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, `${base}/x`, { verifyToken: 'other' }), 400, 2200).message).toContain('HTTP Status Code = 403');
		verifyMode = 'wrong';
		expect(expectGraphError(await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, `${base}/x`), 400, 2200).message).toMatch(/Response does not match challenge, expected value="\d+", received="hello"/);
		expect(expectGraphError(await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, 'http://127.0.0.1:1/closed'), 400, 2200).message).toContain("Couldn't connect to server");
		expect((await webhookConfiguration(SANDBOX_PHONE_NUMBER_ID)).webhook_configuration.phone_number).toBeUndefined();
		const log = (await get<CallbackVerification[]>(sandbox, '/__sandbox/callback-verifications')).body;
		expect(log.map((v) => v.ok)).toEqual([false, false, false, false]);
	});

	it('must be an http(s) URL of at most 200 characters with a verify token, on a number the token may use', async () => {
		expectGraphError(await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, 'ftp://example.com/hook'), 400, 100);
		const tooLong = expectGraphError(await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, `${base}/${'a'.repeat(200)}`), 400, 100);
		expect(tooLong.message).toContain('must be at most 200 characters');
		expectGraphError(await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, `${base}/n`, { verifyToken: '' }), 400, 100);
		expectGraphError(await setPhoneOverride(SANDBOX_SECOND_PHONE_NUMBER_ID, `${base}/n`, { token: SANDBOX_LIMITED_TOKEN }), 400, 100);
		expect(verifications).toHaveLength(0);
	});
});

describe('routing as Meta does: the number, then the WABA, then the app', () => {
	it('sends each number\'s messages to its own URL, and the rest to the WABA\'s or the app\'s', async () => {
		await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, `${base}/number-1`);
		await userWrites(SANDBOX_PHONE_NUMBER_ID, 'to number 1');
		await userWrites(SANDBOX_SECOND_PHONE_NUMBER_ID, 'to number 2');
		expect(textsAt('/number-1')).toEqual(['to number 1']);
		expect(textsAt('/app')).toEqual(['to number 2']);

		await setWabaOverride(`${base}/waba`);
		await userWrites(SANDBOX_PHONE_NUMBER_ID, 'again to 1');
		await userWrites(SANDBOX_SECOND_PHONE_NUMBER_ID, 'again to 2');
		expect(textsAt('/number-1')).toEqual(['to number 1', 'again to 1']);
		expect(textsAt('/waba')).toEqual(['again to 2']);
		expect((await webhookConfiguration(SANDBOX_SECOND_PHONE_NUMBER_ID)).webhook_configuration).toEqual({ whatsapp_business_account: `${base}/waba`, application: `${base}/app` });

		// Subscribing again without parameters removes the WABA's URL (whatsapp/webhooks/override).
		await post(sandbox, `/v25.0/${SANDBOX_WABA_ID}/subscribed_apps`, { token });
		await userWrites(SANDBOX_SECOND_PHONE_NUMBER_ID, 'back to the app');
		expect(textsAt('/app')).toEqual(['to number 2', 'back to the app']);
	});

	it('never redirects template, flows or account webhooks', async () => {
		await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, `${base}/number-1`);
		await setWabaOverride(`${base}/waba`);
		await post(sandbox, `/__sandbox/templates/${sandbox.state.templates.all()[0].id}/status`, { json: { status: 'PAUSED' } });
		await post(sandbox, '/__sandbox/webhooks/raw', { json: { payload: { object: 'whatsapp_business_account', entry: [{ id: SANDBOX_WABA_ID, time: 1, changes: [{ field: 'flows', value: { event: 'FLOW_STATUS_CHANGE', flow_id: '1' } }, { field: 'account_update', value: { event: 'X' } }] }] } } });
		await post(sandbox, '/__sandbox/webhooks/wait-idle');
		expect(received.get('/number-1')).toBeUndefined();
		expect(received.get('/waba')).toBeUndefined();
		const fields = (received.get('/app') ?? []).flatMap((b) => (b as { entry: Array<{ changes: Array<{ field: string }> }> }).entry.flatMap((e) => e.changes.map((c) => c.field)));
		expect(fields).toEqual(['message_template_status_update', 'flows', 'account_update']);
	});

	it('splits one payload for two numbers into one signed POST per URL', async () => {
		await setPhoneOverride(SANDBOX_PHONE_NUMBER_ID, `${base}/number-1`);
		await setPhoneOverride(SANDBOX_SECOND_PHONE_NUMBER_ID, `${base}/number-2`);
		const change = (phoneNumberId: string, text: string) => ({
			field: 'messages',
			value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1555', phone_number_id: phoneNumberId }, messages: [{ from: '1', id: `wamid.${text}`, timestamp: '1', type: 'text', text: { body: text } }] },
		});
		const answer = await post<{ deliveries: Array<{ url: string }> }>(sandbox, '/__sandbox/webhooks/raw', {
			json: { payload: { object: 'whatsapp_business_account', entry: [{ id: SANDBOX_WABA_ID, changes: [change(SANDBOX_PHONE_NUMBER_ID, 'a1'), change(SANDBOX_SECOND_PHONE_NUMBER_ID, 'b1'), change(SANDBOX_PHONE_NUMBER_ID, 'a2')] }] } },
		});
		expect(answer.body.deliveries.map((d) => d.url)).toEqual([`${base}/number-1`, `${base}/number-2`]);
		await post(sandbox, '/__sandbox/webhooks/wait-idle');
		expect(textsAt('/number-1')).toEqual(['a1', 'a2']);
		expect(textsAt('/number-2')).toEqual(['b1']);
		const deliveries = (await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries')).body;
		expect(deliveries.every((d) => d.state === 'delivered')).toBe(true);
	});
});

describe("the app's callback URL (App Dashboard \"Verify and save\")", () => {
	it('is verified first when a verify_token is given', async () => {
		verifyMode = '404';
		const refused = await post<{ error: string }>(sandbox, '/__sandbox/webhook-target', { json: { url: `${base}/new-app`, verify_token: VERIFY_TOKEN } });
		expect(refused.status).toBe(400);
		expect(refused.body.error).toContain('(#2200)');
		verifyMode = 'echo';
		expect((await post(sandbox, '/__sandbox/webhook-target', { json: { url: `${base}/new-app`, verify_token: VERIFY_TOKEN } })).status).toBe(200);
		expect(verifications.map((v) => v.pathname)).toEqual(['/new-app', '/new-app']);
	});
});
