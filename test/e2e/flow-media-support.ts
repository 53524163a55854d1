// Building blocks for the Flow Media e2e suite and its smoke step: a flow with a PhotoPicker and a DocumentPicker,
// the Graph calls a business makes to publish and send it (against the sandbox), the simulated user's steps over
// HTTP, files staged on the sandbox's flow-media CDN, and a local server that serves tampered copies of CDN files.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FlowStep } from '../sandbox/simulated-user/step-view';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID } from '../sandbox/seed';
import type { E2eInstance } from './harness/e2e-env';
import { asArray, callWebhook, deployWebhookWorkflow, uniquePath, webhookChain, type NodeSpec } from './support/workflows';

export const ACTION_TYPE = 'n8n-nodes-whatsapp-flows.whatsAppFlows';

/** Photos (UPLOAD) → data_exchange → documents (DOCUMENTS) → data_exchange → what the endpoint received (RECEIVED). */
export const PICKER_FLOW_JSON = JSON.stringify({
	version: '7.3',
	data_api_version: '3.0',
	routing_model: { UPLOAD: ['DOCUMENTS'], DOCUMENTS: ['RECEIVED'], RECEIVED: [] },
	screens: [
		{
			id: 'UPLOAD',
			title: 'Photos of the damage',
			layout: {
				type: 'SingleColumnLayout',
				children: [
					{ type: 'PhotoPicker', name: 'photos', label: 'Add photos', 'min-uploaded-photos': 1, 'max-uploaded-photos': 3 },
					{ type: 'Footer', label: 'Upload', 'on-click-action': { name: 'data_exchange', payload: { photos: '${form.photos}' } } },
				],
			},
		},
		{
			id: 'DOCUMENTS',
			title: 'Invoice',
			data: { received: { type: 'string', __example__: 'nothing yet' } },
			layout: {
				type: 'SingleColumnLayout',
				children: [
					{ type: 'TextBody', text: '${data.received}' },
					{ type: 'DocumentPicker', name: 'documents', label: 'Invoice', 'min-uploaded-documents': 1, 'allowed-mime-types': ['application/pdf', 'text/plain'] },
					{ type: 'Footer', label: 'Send', 'on-click-action': { name: 'data_exchange', payload: { documents: '${form.documents}' } } },
				],
			},
		},
		{
			id: 'RECEIVED',
			title: 'Received',
			terminal: true,
			data: { received: { type: 'string', __example__: 'nothing yet' } },
			layout: {
				type: 'SingleColumnLayout',
				children: [
					{ type: 'TextBody', text: '${data.received}' },
					{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
				],
			},
		},
	],
});

export interface FlowMediaEntryJson {
	media_id: string;
	cdn_url: string;
	file_name: string;
	encryption_metadata: Record<string, string>;
}

async function sandboxCall<T>(sandboxUrl: string, method: string, path: string, body?: unknown, form?: Record<string, string>): Promise<T> {
	const headers: Record<string, string> = { authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` };
	let payload: string | undefined;
	if (form) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		payload = new URLSearchParams(form).toString();
	} else if (body !== undefined) {
		headers['content-type'] = 'application/json';
		payload = JSON.stringify(body);
	}
	const response = await fetch(`${sandboxUrl}${path}`, { method, headers, body: payload });
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
	return (text === '' ? null : JSON.parse(text)) as T;
}

/** The business side, as on Meta: the phone number's public key, a published endpoint flow, a flow message. */
export async function publishPickerFlow(sandboxUrl: string, input: { publicKeyPem: string; endpointUri: string; name: string }): Promise<string> {
	await sandboxCall(sandboxUrl, 'POST', `/v25.0/${SANDBOX_PHONE_NUMBER_ID}/whatsapp_business_encryption`, undefined, {
		business_public_key: input.publicKeyPem,
	});
	const created = await sandboxCall<{ id: string }>(sandboxUrl, 'POST', `/v25.0/${SANDBOX_WABA_ID}/flows`, {
		name: input.name,
		categories: ['OTHER'],
		flow_json: PICKER_FLOW_JSON,
		endpoint_uri: input.endpointUri,
		publish: true,
	});
	return created.id;
}

export async function sendPickerFlow(sandboxUrl: string, waId: string, flowId: string, flowToken: string): Promise<void> {
	await sandboxCall(sandboxUrl, 'POST', `/__sandbox/users/${waId}/open-window`, {});
	await sandboxCall(sandboxUrl, 'POST', `/v25.0/${SANDBOX_PHONE_NUMBER_ID}/messages`, {
		messaging_product: 'whatsapp',
		to: waId,
		type: 'interactive',
		interactive: {
			type: 'flow',
			body: { text: 'Please send photos of the damage' },
			action: {
				name: 'flow',
				parameters: { flow_message_version: '3', flow_cta: 'Send photos', flow_id: flowId, flow_token: flowToken, flow_action: 'navigate', flow_action_payload: { screen: 'UPLOAD' } },
			},
		},
	});
}

/** One step of the simulated user (open-last, select-files, press-footer, …). */
export async function userStep(sandboxUrl: string, waId: string, step: string, body: unknown = {}): Promise<FlowStep> {
	return await sandboxCall<FlowStep>(sandboxUrl, 'POST', `/__sandbox/users/${waId}/flow/${step}`, body);
}

export const toBase64 = (bytes: Buffer) => bytes.toString('base64');
export const sha256Base64 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

/** Files as a user picks them, encrypted onto the sandbox's flow-media CDN: the entries an endpoint would get. */
export async function stageFlowMedia(sandboxUrl: string, files: Array<{ fileName: string; bytes: Buffer }>): Promise<FlowMediaEntryJson[]> {
	return await sandboxCall<FlowMediaEntryJson[]>(sandboxUrl, 'POST', '/__sandbox/flow-media', {
		files: files.map((f) => ({ fileName: f.fileName, base64: toBase64(f.bytes) })),
	});
}

export async function downloadCdnFile(cdnUrl: string): Promise<Buffer> {
	const response = await fetch(cdnUrl);
	if (!response.ok) throw new Error(`GET ${cdnUrl} → ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

/** Flow Media → Decrypt as a workflow node. */
export function decryptNode(name: string, files: string, extra: Partial<NodeSpec> = {}): NodeSpec {
	return { name, type: ACTION_TYPE, parameters: { resource: 'flowMedia', operation: 'decrypt', files, binaryPropertyName: 'data', options: {} }, ...extra };
}

/** n8n's Crypto node hashing each item's stored binary file (read back from n8n's binary data storage). */
export function hashStoredFileNode(name: string, field: string): NodeSpec {
	return {
		name,
		type: 'n8n-nodes-base.crypto',
		parameters: { action: 'hash', binaryData: true, binaryPropertyName: 'data', type: 'SHA256', encoding: 'base64', dataPropertyName: field },
	};
}

/** A CDN stand-in that serves whatever bytes a test puts at a path (e.g. a tampered copy of a real CDN file). */
export interface FileServer {
	url(path: string): string;
	/** Serves `bytes` at `path`; `chunked` leaves out content-length (the reader learns the size only by reading). */
	put(path: string, bytes: Buffer, options?: { chunked?: boolean }): string;
	close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
	const files = new Map<string, { bytes: Buffer; chunked: boolean }>();
	const server: Server = createServer((req, res) => {
		const file = files.get(req.url ?? '');
		if (!file) {
			res.writeHead(404).end();
			return;
		}
		if (!file.chunked) {
			res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.length) }).end(file.bytes);
			return;
		}
		res.writeHead(200, { 'content-type': 'application/octet-stream' });
		for (let at = 0; at < file.bytes.length; at += 1024) res.write(file.bytes.subarray(at, at + 1024));
		res.end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url: (path) => `${base}${path}`,
		put(path, bytes, options = {}) {
			files.set(path, { bytes, chunked: options.chunked === true });
			return `${base}${path}`;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Smoke step: one staged file through Flow Media → Decrypt → n8n's Crypto node, back as the same SHA-256. */
export async function smokeFlowMedia(n8n: E2eInstance, sandboxUrl: string): Promise<void> {
	const path = uniquePath('smoke-flow-media');
	const bytes = Buffer.from('%PDF-1.7 smoke test invoice');
	const entries = await stageFlowMedia(sandboxUrl, [{ fileName: 'invoice.pdf', bytes }]);
	await deployWebhookWorkflow(
		n8n,
		webhookChain(`Smoke: Flow Media (${n8n.name})`, path, [decryptNode('Decrypt', '={{ $json.body.files }}'), hashStoredFileNode('Hash', 'storedSha256')]),
		path,
	);
	const answer = await callWebhook(n8n.webhookBaseUrl, path, { files: entries });
	expect(answer.status).toBe(200);
	const sha256 = sha256Base64(bytes);
	expect(asArray(answer.json)).toEqual([expect.objectContaining({ fileName: 'invoice.pdf', mimeType: 'application/pdf', sha256, storedSha256: sha256 })]);
}
