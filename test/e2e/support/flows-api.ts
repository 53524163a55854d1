// Building blocks for the Flows API e2e suite: one webhook workflow per WhatsApp Flows operation, called with the
// operation's inputs in the request body, answering with the node's output items (continueOnFail: errors come back
// as items with `error` and `description`).
import { flowJson } from '../../sandbox/test-support-flows';
import type { E2eInstance } from '../harness/e2e-env';
import type { CredentialRef } from './credentials';
import { asArray, callWebhook, deployWebhookWorkflow, uniquePath, webhookChain, type NodeSpec } from './workflows';

export const WHATSAPP_FLOWS_TYPE = 'n8n-nodes-whatsapp-flows.whatsAppFlows';

/** A Flow picked "By ID" from the request body (the locator's list mode is exercised through listSearch). */
export const FLOW_ID_FROM_BODY = { __rl: true, mode: 'id', value: '={{ $json.body.flowId }}' };

/** Convert to File: body.flowJson → binary field "data" named flow.json (for the binary Flow JSON source). */
export const FLOW_JSON_TO_FILE: NodeSpec = {
	name: 'Flow JSON to File',
	type: 'n8n-nodes-base.convertToFile',
	typeVersion: 1.1,
	parameters: { operation: 'toText', sourceProperty: 'body.flowJson', binaryPropertyName: 'data', options: { fileName: 'flow.json' } },
};

export interface OperationWorkflow {
	path: string;
	/** Runs the workflow with this body; returns the items of the WhatsApp Flows node. */
	run<T = Record<string, unknown>>(body?: Record<string, unknown>): Promise<T[]>;
}

export async function operationWorkflow(
	n8n: E2eInstance,
	label: string,
	parameters: Record<string, unknown>,
	credentials: Record<string, CredentialRef>,
	before: NodeSpec[] = [],
): Promise<OperationWorkflow> {
	const path = uniquePath(`flows-api-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
	const node: NodeSpec = { name: 'WhatsApp Flows', type: WHATSAPP_FLOWS_TYPE, parameters, credentials, continueOnFail: true };
	await deployWebhookWorkflow(n8n, webhookChain(`Flows API: ${label} (${n8n.name})`, path, [...before, node]), path);
	return {
		path,
		async run<T>(body: Record<string, unknown> = {}) {
			const answer = await callWebhook(n8n.webhookBaseUrl, path, body);
			if (answer.status !== 200) throw new Error(`${label}: HTTP ${answer.status} ${JSON.stringify(answer.json).slice(0, 500)}`);
			return asArray<T>(answer.json);
		},
	};
}

export async function sandboxCall<T = unknown>(sandboxUrl: string, method: string, route: string, body?: unknown): Promise<T> {
	const response = await fetch(`${sandboxUrl}/__sandbox/${route}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return (text ? JSON.parse(text) : undefined) as T;
}

/** The sandbox's record of a Flow (status, endpoint, JSON text), by id. */
export async function sandboxFlow(sandboxUrl: string, flowId: string): Promise<{ id: string; name: string; status: string; jsonText?: string } | undefined> {
	const answer = await sandboxCall<unknown>(sandboxUrl, 'GET', 'flows');
	const flows = (Array.isArray(answer) ? answer : ((answer as { flows?: unknown[] }).flows ?? [])) as Array<{ id: string; name: string; status: string; jsonText?: string }>;
	return flows.find((flow) => flow.id === flowId);
}

/** How many Flow JSON uploads the sandbox received for a Flow. */
export async function assetUploads(sandboxUrl: string, flowId: string): Promise<number> {
	const answer = await sandboxCall<unknown>(sandboxUrl, 'GET', `calls?method=POST&path=${encodeURIComponent(`/${flowId}/assets`)}`);
	return (Array.isArray(answer) ? answer : ((answer as { calls?: unknown[] }).calls ?? [])).length;
}

/**
 * The Flow picker as the editor fills it: n8n's REST endpoint for resource locator results, with the owner's
 * session cookie, calling the node's `listSearch.searchFlows`.
 */
export async function searchFlowsThroughN8n(
	n8n: E2eInstance,
	credential: CredentialRef,
	filter?: string,
	paginationToken?: string,
): Promise<{ results: Array<{ name: string; value: string }>; paginationToken?: string }> {
	return await n8n.api.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
		path: 'parameters.flowId',
		nodeTypeAndVersion: { name: WHATSAPP_FLOWS_TYPE, version: 1 },
		methodName: 'searchFlows',
		currentNodeParameters: { resource: 'flow', operation: 'get', flowId: { __rl: true, mode: 'list', value: '' } },
		credentials: { whatsAppFlowsCloudApi: credential },
		...(filter !== undefined ? { filter } : {}),
		...(paginationToken !== undefined ? { paginationToken } : {}),
	});
}

/** A valid Flow JSON (7.3, one terminal screen), as text; `heading` changes what it shows. */
export function staticFlowJson(heading = 'Hello'): string {
	return flowJson().replace('"Hello"', JSON.stringify(heading));
}

/** Parses as JSON but breaks Meta's rules: a terminal screen without its Footer. */
export function flowJsonWithoutFooter(): string {
	const json = JSON.parse(staticFlowJson()) as { screens: Array<{ layout: { children: unknown[] } }> };
	json.screens[0].layout.children.pop();
	return JSON.stringify(json, null, 2);
}
