import type { WorkflowJson } from '../../harness/n8n-api';

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
	const response = await fetch(`${baseUrl}/webhook/${path}`, {
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

let counter = 0;
/** A webhook path unique within this test run. */
export function uniquePath(prefix: string): string {
	counter += 1;
	return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
