import { fetchOnFreshSocket } from '../../harness/fresh-socket-fetch';
import type { WorkflowJson } from '../../harness/n8n-api';
import type { E2eInstance } from '../harness/e2e-env';

export interface NodeSpec {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	typeVersion?: number;
	credentials?: Record<string, { id: string; name: string }>;
	continueOnFail?: boolean;
}

/**
 * A production-webhook workflow: POST /webhook/<path> → the given nodes in a chain; the webhook answers with
 * every item of the last node (n8n's "respond when last node finishes").
 */
export function webhookChain(name: string, path: string, chain: NodeSpec[], settings: Record<string, unknown> = {}): WorkflowJson {
	const webhook = {
		id: 'webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `${path}-id`,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
	const nodes: Array<Record<string, unknown>> = [webhook];
	const connections: Record<string, unknown> = {};
	let previous = webhook.name;
	chain.forEach((spec, index) => {
		nodes.push({
			id: `node-${index}`,
			name: spec.name,
			type: spec.type,
			typeVersion: spec.typeVersion ?? 1,
			position: [220 * (index + 1), 0],
			parameters: spec.parameters,
			...(spec.credentials ? { credentials: spec.credentials } : {}),
			...(spec.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		});
		connections[previous] = { main: [[{ node: spec.name, type: 'main', index: 0 }]] };
		previous = spec.name;
	});
	return { name, nodes, connections, settings };
}

/** Splits `body.items` of the webhook request into one item each (n8n's Split Out node). */
export const splitBodyItems: NodeSpec = {
	name: 'Split Items',
	type: 'n8n-nodes-base.splitOut',
	parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
};

export async function callWebhook(baseUrl: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
	const response = await fetchOnFreshSocket(`${baseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	let json: unknown = text;
	try {
		json = JSON.parse(text);
	} catch {
		// not JSON: keep the text
	}
	return { status: response.status, json };
}

/** n8n answers "allEntries" with an array, or with the single item's JSON on some versions. */
export function asArray<T>(json: unknown): T[] {
	return (Array.isArray(json) ? json : [json]) as T[];
}

/**
 * n8n answers a workflow's activation before its webhooks are registered (and in queue mode the webhook processor
 * learns of them later still). A CORS preflight answers 204 only for a registered path, without starting anything.
 */
export async function waitForWebhook(baseUrl: string, path: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const response = await fetch(`${baseUrl}/webhook/${path}`, {
			method: 'OPTIONS',
			headers: { origin: 'http://localhost', 'access-control-request-method': 'POST' },
		});
		if (response.status === 204) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`webhook ${path} was not registered at ${baseUrl} within ${timeoutMs} ms`);
}

/** Imports a workflow, activates it and waits until its production webhook answers. Returns the workflow id. */
export async function deployWebhookWorkflow(n8n: E2eInstance, workflow: WorkflowJson, path: string): Promise<string> {
	const id = await n8n.api.importAndActivate(workflow);
	await waitForWebhook(n8n.webhookBaseUrl, path);
	return id;
}

let counter = 0;
/** A webhook path unique within this test run. */
export function uniquePath(prefix: string): string {
	counter += 1;
	return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/**
 * The sandbox, like the Cloud API, delivers free-form messages only within 24 hours of the user's last message
 * (otherwise a `failed` status with 131047): the simulated user writes first.
 */
export async function openConversationWindow(sandboxUrl: string, waId: string): Promise<void> {
	const response = await fetch(`${sandboxUrl}/__sandbox/users/${waId.replace(/\D/g, '')}/open-window`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	if (!response.ok) throw new Error(`opening the conversation window of ${waId} failed: ${response.status}`);
}
