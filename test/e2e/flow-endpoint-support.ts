// Building blocks for the Flow endpoint e2e suite and its smoke entries: credentials, workflows with the
// WhatsApp Flow Endpoint trigger and Respond to WhatsApp Flow nodes, and the simulated WhatsApp client.
import { demoFlowKeyPair, sandboxAppData } from '../harness/sandbox-credentials';
import type { WorkflowJson } from '../harness/n8n-api';
import { EndpointClient } from '../sandbox/client/endpoint-client';
import { openAnswer, sealRequest, signatureHeader } from '../sandbox/client/flow-crypto';
import type { CredentialRef } from './support/credentials';
import type { E2eInstance } from './harness/e2e-env';

export const TRIGGER_TYPE = 'n8n-nodes-whatsapp-flows.whatsAppFlowEndpoint';
export const RESPOND_TYPE = 'n8n-nodes-whatsapp-flows.respondToWhatsAppFlow';
export const TRIGGER_NAME = 'WhatsApp Flow Endpoint';

export interface FlowEndpointCredentials {
	app: CredentialRef;
	key: CredentialRef;
	appSecret: string;
	flowTokenSecret: string;
	publicKeyPem: string;
}

/** The sandbox Meta app (app secret, flow token secret) and a key pair (a fresh demo one by default), as credentials in this n8n. */
export async function flowEndpointCredentials(
	n8n: E2eInstance,
	sandboxUrl: string,
	pair: { privateKeyPem: string; publicKeyPem: string } = demoFlowKeyPair(),
): Promise<FlowEndpointCredentials> {
	const appData = sandboxAppData(sandboxUrl);
	// Straight through n8n's API: neither type makes authenticated HTTP requests, so n8n 1.x's schema for them has no
	// allowedHttpRequestDomains field (createCredential adds one on n8n 1.x).
	const create = async (name: string, type: string, data: Record<string, unknown>): Promise<CredentialRef> => {
		const unique = `${name} ${Date.now()}`;
		return { id: await n8n.api.createCredential(unique, type, data), name: unique };
	};
	const app = await create('Flow endpoint app', 'whatsAppFlowsAppApi', appData);
	const key = await create('Flow endpoint key', 'whatsAppFlowsPrivateKeyApi', { privateKey: pair.privateKeyPem, passphrase: '' });
	return {
		app,
		key,
		appSecret: String(appData.appSecret),
		flowTokenSecret: String(appData.flowTokenSecret),
		publicKeyPem: pair.publicKeyPem,
	};
}

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	/** n8n's "On Error" setting, e.g. continueErrorOutput. */
	onError?: string;
}

/** [from, to, fromOutput = 0, toInput = 0] */
export type Edge = [string, string, number?, number?];

export function triggerNode(path: string, credentials: FlowEndpointCredentials, options: Record<string, unknown> = {}): WorkflowNode {
	return {
		name: TRIGGER_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1.1,
		parameters: { path, options },
		credentials: { whatsAppFlowsAppApi: credentials.app, whatsAppFlowsPrivateKeyApi: credentials.key },
	};
}

export function respondNode(name: string, credentials: FlowEndpointCredentials, parameters: Record<string, unknown>): WorkflowNode {
	return { name, type: RESPOND_TYPE, parameters, credentials: { whatsAppFlowsPrivateKeyApi: credentials.key } };
}

/** n8n's Set node with "keep only set fields": every field of the trigger's item, whatsAppFlowRequest included, is dropped. */
export function keepOnlySetNode(name: string, fields: Record<string, string>): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: Object.entries(fields).map(([field, value], index) => ({ id: `a${index}`, name: field, value, type: 'string' })),
			},
			includeOtherFields: false,
			options: {},
		},
	};
}

/** n8n's Switch node routing each item to the output index `expression` returns. */
export function switchNode(name: string, outputs: number, expression: string): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.switch',
		typeVersion: 3.2,
		parameters: { mode: 'expression', numberOutputs: outputs, output: expression },
	};
}

/** n8n's Merge node combining its two inputs item by item. */
export function mergeByPositionNode(name: string): WorkflowNode {
	return { name, type: 'n8n-nodes-base.merge', typeVersion: 3, parameters: { mode: 'combine', combineBy: 'combineByPosition', options: {} } };
}

export function flowWorkflow(name: string, path: string, nodes: WorkflowNode[], edges: Edge[], settings: Record<string, unknown> = {}): WorkflowJson {
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (const [from, to, output = 0, input = 0] of edges) {
		const main = (connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: input });
	}
	return {
		name,
		nodes: nodes.map((node, index) => ({
			id: `node-${index}`,
			name: node.name,
			type: node.type,
			typeVersion: node.typeVersion ?? 1,
			position: [240 * index, 0],
			parameters: node.parameters,
			...(node.type === TRIGGER_TYPE ? { webhookId: `${path}-id` } : {}),
			...(node.credentials ? { credentials: node.credentials } : {}),
			...(node.onError ? { onError: node.onError } : {}),
		})),
		connections,
		settings,
	};
}

export function endpointUrl(n8n: E2eInstance, path: string): string {
	return `${n8n.webhookBaseUrl}/webhook/${path}`;
}

/** The simulated WhatsApp client pointed at this endpoint (short timeout: tests should fail fast). */
export function whatsAppClient(n8n: E2eInstance, path: string, credentials: FlowEndpointCredentials, publicKeyPem = credentials.publicKeyPem): EndpointClient {
	return new EndpointClient({ endpointUri: endpointUrl(n8n, path), publicKeyPem, appSecret: credentials.appSecret, timeoutMs: 9_000 });
}

export interface RawExchange {
	status: number;
	contentType: string | null;
	text: string;
	/** The answer decrypted with the request's key, when it was a 200 that opens. */
	answer?: unknown;
	aesKey: Uint8Array;
}

/**
 * One request sealed and signed by hand (the client's own primitives), for checks the EndpointClient hides: the
 * exact status and body, the AES key used, a wrong signature.
 */
export async function rawExchange(
	url: string,
	payload: unknown,
	options: { publicKeyPem: string; appSecret: string; signature?: string },
): Promise<RawExchange> {
	const sealed = await sealRequest(payload, options.publicKeyPem);
	const signature = options.signature ?? (await signatureHeader(sealed.rawBody, options.appSecret));
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
		body: sealed.rawBody,
	});
	const text = await response.text();
	const exchange: RawExchange = { status: response.status, contentType: response.headers.get('content-type'), text, aesKey: sealed.aesKey };
	if (response.status === 200) {
		const opened = await openAnswer(text, sealed.aesKey, sealed.iv);
		if (opened.ok) exchange.answer = JSON.parse(opened.text) as unknown;
	}
	return exchange;
}

/** POSTs a body as is (signed with the app secret unless a signature is given). */
export async function postRaw(url: string, body: string, appSecret: string, signature?: string): Promise<{ status: number; text: string }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature ?? (await signatureHeader(body, appSecret)) },
		body,
	});
	return { status: response.status, text: await response.text() };
}
