// Test helpers for simulated users: a webhook receiver that checks X-Hub-Signature-256, RSA key pairs, and Graph
// calls that create flows and send flow messages the way a business does.
import { createHmac, generateKeyPairSync, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID } from './seed';
import type { Sandbox } from './server';
import { post } from './test-support';

const token = SANDBOX_ACCESS_TOKEN;
const v = '/v25.0';

export interface ReceivedWebhook {
	payload: WebhookBody;
	signatureValid: boolean;
}

export interface WebhookBody {
	object: string;
	entry: { id: string; changes: { field: string; value: Record<string, unknown> }[] }[];
}

export interface WebhookReceiver {
	url: string;
	received: ReceivedWebhook[];
	/** Inbound messages of `messages` webhooks, with the contacts they came with. */
	messages(): { message: Record<string, unknown>; contacts: unknown; metadata: unknown; signatureValid: boolean }[];
	close(): Promise<void>;
}

/** The app's webhook endpoint: records every POST and whether its signature matches the app secret. */
export async function startWebhookReceiver(appSecret: string): Promise<WebhookReceiver> {
	const received: ReceivedWebhook[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const expected = Buffer.from(`sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`);
			const given = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
			received.push({
				payload: JSON.parse(raw.toString('utf8')) as WebhookBody,
				signatureValid: given.length === expected.length && timingSafeEqual(given, expected),
			});
			res.writeHead(200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
		received,
		messages: () =>
			received.flatMap((r) =>
				r.payload.entry.flatMap((e) =>
					e.changes
						.filter((c) => c.field === 'messages' && Array.isArray(c.value.messages))
						.flatMap((c) =>
							(c.value.messages as Record<string, unknown>[]).map((message) => ({
								message,
								contacts: c.value.contacts,
								metadata: c.value.metadata,
								signatureValid: r.signatureValid,
							})),
						),
				),
			),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export interface PemPair {
	publicPem: string;
	privateKeyPem: string;
}

export function pemPair(): PemPair {
	const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return {
		publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
		privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
	};
}

export async function uploadPublicKey(sandbox: Sandbox, publicPem: string, phoneNumberId = SANDBOX_PHONE_NUMBER_ID): Promise<void> {
	const answer = await post(sandbox, `${v}/${phoneNumberId}/whatsapp_business_encryption`, { token, form: { business_public_key: publicPem } });
	expect(answer.status).toBe(200);
}

/** Creates a Flow through the Flows API (published at creation when asked: with the ping for endpoint flows). */
export async function createFlow(
	sandbox: Sandbox,
	input: { name: string; json: string; endpointUri?: string; publish?: boolean },
): Promise<string> {
	const body: Record<string, unknown> = { name: input.name, categories: ['OTHER'], flow_json: input.json, publish: input.publish ?? true };
	if (input.endpointUri !== undefined) body.endpoint_uri = input.endpointUri;
	const answer = await post<{ id: string }>(sandbox, `${v}/${SANDBOX_WABA_ID}/flows`, { token, json: body });
	expect(answer.status).toBe(200);
	return answer.body.id;
}

/** Sends a message as the business (POST /{phone-number-id}/messages); answers its wamid. */
export async function sendMessage(sandbox: Sandbox, message: Record<string, unknown>): Promise<string> {
	const answer = await post<{ messages: { id: string }[] }>(sandbox, `${v}/${SANDBOX_PHONE_NUMBER_ID}/messages`, {
		token,
		json: { messaging_product: 'whatsapp', ...message },
	});
	expect(answer.status).toBe(200);
	return answer.body.messages[0].id;
}

/** An interactive flow message (flows/guides/sendingaflow) with the given action.parameters. */
export function sendFlowMessage(sandbox: Sandbox, to: string, parameters: Record<string, unknown>): Promise<string> {
	return sendMessage(sandbox, {
		to,
		type: 'interactive',
		interactive: {
			type: 'flow',
			body: { text: 'Please fill this in' },
			action: { name: 'flow', parameters: { flow_message_version: '3', flow_cta: 'Open', ...parameters } },
		},
	});
}

/** A Flow JSON driven by an endpoint: INIT → DETAILS (name) → data_exchange → CONFIRM → data_exchange → SUCCESS. */
export function greetingFlowJson(): string {
	return JSON.stringify({
		version: '7.3',
		data_api_version: '3.0',
		routing_model: { DETAILS: ['CONFIRM'], CONFIRM: [] },
		screens: [
			{
				id: 'DETAILS',
				title: 'Your details',
				data: { intro: { type: 'string', __example__: 'Hi' } },
				layout: {
					type: 'SingleColumnLayout',
					children: [
						{ type: 'TextBody', text: '${data.intro}' },
						{ type: 'TextInput', name: 'name', label: 'Name', required: true },
						{ type: 'Footer', label: 'Next', 'on-click-action': { name: 'data_exchange', payload: { name: '${form.name}' } } },
					],
				},
			},
			{
				id: 'CONFIRM',
				title: 'Confirm',
				terminal: true,
				data: { greeting: { type: 'string', __example__: 'Hello' } },
				layout: {
					type: 'SingleColumnLayout',
					children: [
						{ type: 'TextBody', text: '${data.greeting}' },
						{ type: 'Footer', label: 'Confirm', 'on-click-action': { name: 'data_exchange', payload: { confirmed: true } } },
					],
				},
			},
		],
	});
}

type Payload = { [key: string]: unknown };

/** The endpoint logic of greetingFlowJson (ping and error notifications included). */
export function greetingEndpoint(): (payload: Payload) => unknown {
	const names = new Map<string, string>();
	return (p) => {
		if (p.action === 'ping') return { data: { status: 'active' } };
		const data = (p.data ?? {}) as Payload;
		if (data.error !== undefined) return { data: { acknowledged: true } };
		const flowToken = String(p.flow_token);
		if (p.action === 'INIT') return { screen: 'DETAILS', data: { intro: 'Welcome to the shop' } };
		if (p.screen === 'DETAILS') {
			names.set(flowToken, String(data.name));
			return { screen: 'CONFIRM', data: { greeting: `Hello ${String(data.name)}` } };
		}
		return { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: flowToken, name: names.get(flowToken) ?? '' } } } };
	};
}
