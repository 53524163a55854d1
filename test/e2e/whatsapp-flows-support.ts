// Helpers for e2e suites that run one WhatsApp Flows operation per workflow: a production webhook feeds the node
// (parameters may read the request with {{ $json.body.… }}), and the webhook answers with the node's items as JSON
// or with the first item's binary file.
import type { CredentialRef } from './support/credentials';
import { callWebhook, deployWebhookWorkflow, uniquePath, webhookChain, type NodeSpec } from './support/workflows';
import type { E2eInstance } from './harness/e2e-env';

export const WHATSAPP_FLOWS_NODE = 'n8n-nodes-whatsapp-flows.whatsAppFlows';

export interface OperationWorkflow {
	/** Calls the workflow: JSON items (continueOnFail turns errors into {error, description} items). */
	json<T = Record<string, unknown>>(body?: unknown): Promise<T[]>;
	/** Calls a workflow that answers with a binary file: the bytes and their content type. */
	binary(body?: unknown): Promise<{ status: number; bytes: Buffer; contentType: string | null }>;
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
	if (options.respondWithBinary) {
		const webhook = workflow.nodes[0] as { parameters: Record<string, unknown> };
		webhook.parameters = { ...webhook.parameters, responseData: 'firstEntryBinary', options: { responseBinaryPropertyName: 'data' } };
	}
	await deployWebhookWorkflow(n8n, workflow, path);
	return {
		async json<T>(body: unknown = {}) {
			const answer = await callWebhook(n8n.webhookBaseUrl, path, body);
			if (answer.status !== 200) throw new Error(`workflow ${path} answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 500)}`);
			return (Array.isArray(answer.json) ? answer.json : [answer.json]) as T[];
		},
		async binary(body: unknown = {}) {
			const response = await fetch(`${n8n.webhookBaseUrl}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') };
		},
	};
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
