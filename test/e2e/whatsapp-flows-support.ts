// Helpers for e2e suites that run one WhatsApp Flows operation per workflow: a production webhook feeds the node
// (parameters may read the request with {{ $json.body.… }}), and the webhook answers with the node's items as JSON
// or with the first item's binary file.
import { sandboxCloudApiCredential, type CredentialRef } from './support/credentials';
import { callWebhook, deployWebhookWorkflow, uniquePath, webhookChain, type NodeSpec } from './support/workflows';
import type { WorkflowJson } from '../harness/n8n-api';
import type { E2eInstance } from './harness/e2e-env';

export const WHATSAPP_FLOWS_NODE = 'n8n-nodes-whatsapp-flows.whatsAppFlows';

export interface OperationWorkflow {
	/** Calls the workflow: JSON items (continueOnFail turns errors into {error, description} items). */
	json<T = Record<string, unknown>>(body?: unknown): Promise<T[]>;
	/** Calls a workflow that answers with a binary file: the bytes and their content type. */
	binary(body?: unknown): Promise<FileAnswer>;
}

export interface OperationOptions {
	/** Nodes run before the WhatsApp Flows node (e.g. Convert to File). */
	before?: NodeSpec[];
	/** Nodes run after it. */
	after?: NodeSpec[];
	/** Answer with the first item's binary field `data` instead of JSON. */
	respondWithBinary?: boolean;
}

export function whatsAppFlowsNode(name: string, credential: CredentialRef, parameters: Record<string, unknown>): NodeSpec {
	return { name, type: WHATSAPP_FLOWS_NODE, parameters, credentials: { whatsAppFlowsCloudApi: credential }, continueOnFail: true };
}

/**
 * Makes the workflow answer with its last node's binary field `data`. n8n 1.x answers "first entry binary" with the
 * JSON of a Buffer when binary data is kept in memory (its default), so there the file goes back as base64 through
 * n8n's Extract from File node; `readFileAnswer` reads either answer.
 */
export function respondWithFile(n8n: E2eInstance, workflow: WorkflowJson): void {
	const webhook = workflow.nodes[0] as { parameters: Record<string, unknown> };
	if (n8n.major >= 2) {
		webhook.parameters = { ...webhook.parameters, responseData: 'firstEntryBinary', options: { responseBinaryPropertyName: 'data' } };
		return;
	}
	const nodes = workflow.nodes as Array<{ name: string; position: number[] }>;
	const last = nodes[nodes.length - 1];
	nodes.push({
		id: 'extract-file',
		name: 'Extract from File',
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1,
		position: [last.position[0] + 220, 0],
		parameters: { operation: 'binaryToPropery', binaryPropertyName: 'data', destinationKey: '__file', options: {} },
	} as unknown as { name: string; position: number[] });
	(workflow.connections as Record<string, unknown>)[last.name] = { main: [[{ node: 'Extract from File', type: 'main', index: 0 }]] };
}

export interface FileAnswer {
	status: number;
	bytes: Buffer;
	/** The answer's content type (null where n8n 1.x answered JSON). */
	contentType: string | null;
}

export async function readFileAnswer(response: Response): Promise<FileAnswer> {
	const contentType = response.headers.get('content-type');
	if (contentType?.includes('application/json')) {
		const [item] = (await response.json()) as Array<{ __file?: string }>;
		return { status: response.status, bytes: Buffer.from(item?.__file ?? '', 'base64'), contentType: null };
	}
	return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), contentType };
}

/** Deploys Webhook → [before] → WhatsApp Flows (resource, operation, parameters) → [after]. */
export async function deployOperation(
	n8n: E2eInstance,
	credential: CredentialRef,
	parameters: Record<string, unknown> & { resource: string; operation: string },
	options: OperationOptions = {},
): Promise<OperationWorkflow> {
	const path = uniquePath(`${parameters.resource}-${parameters.operation}`.toLowerCase());
	const chain = [...(options.before ?? []), whatsAppFlowsNode('WhatsApp Flows', credential, parameters), ...(options.after ?? [])];
	const workflow = webhookChain(`${parameters.resource} ${parameters.operation} (${n8n.name})`, path, chain);
	if (options.respondWithBinary) respondWithFile(n8n, workflow);
	await deployWebhookWorkflow(n8n, workflow, path);
	return {
		async json<T>(body: unknown = {}) {
			const answer = await callWebhook(n8n.webhookBaseUrl, path, body);
			if (answer.status !== 200) throw new Error(`workflow ${path} answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 500)}`);
			return (Array.isArray(answer.json) ? answer.json : [answer.json]) as T[];
		},
		async binary(body: unknown = {}) {
			return await postForFile(n8n, path, body);
		},
	};
}

export async function postForFile(n8n: E2eInstance, path: string, body: unknown): Promise<FileAnswer> {
	const response = await fetch(`${n8n.webhookBaseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return await readFileAnswer(response);
}

/** n8n's Convert to File: the request's base64 `body.file` becomes the binary field `data`. */
export function base64ToFile(mimeType: string, fileName: string): NodeSpec {
	return {
		name: 'Convert to File',
		type: 'n8n-nodes-base.convertToFile',
		typeVersion: 1.1,
		parameters: { operation: 'toBinary', sourceProperty: 'body.file', binaryPropertyName: 'data', options: { fileName, mimeType } },
	};
}

/**
 * The sandbox credential, created once n8n's API answers: in some runs the first suite found n8n's port closed for
 * a few seconds after global setup reported it started (seen on this 2-core machine under load).
 */
export async function credentialWhenReady(n8n: E2eInstance, sandboxUrl: string, timeoutMs = 60_000): Promise<CredentialRef> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await sandboxCloudApiCredential(n8n, sandboxUrl);
		} catch (error) {
			if (Date.now() > deadline || !String((error as Error).message).includes('fetch failed')) throw error;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
}
