// Building blocks for the WhatsApp Cloud Trigger e2e suite and its smoke entry: the trigger in a workflow, the
// sandbox's signed webhooks pointed at it, and the items its executions produced.
import { createHmac } from 'node:crypto';
import type { WorkflowJson } from '../harness/n8n-api';
import type { CredentialRef } from './support/credentials';
import { waitForWebhook } from './support/workflows';
import type { E2eInstance } from './harness/e2e-env';

export const CLOUD_TRIGGER_TYPE = 'n8n-nodes-whatsapp-flows.whatsAppCloudTrigger';
export const CLOUD_TRIGGER_NAME = 'WhatsApp Cloud Trigger';

export interface TriggerCredentials {
	app: CredentialRef;
	cloudApi?: CredentialRef;
	stateStore?: CredentialRef;
}

/** A workflow of the trigger alone: its executions hold the items it emitted. */
export function cloudTriggerWorkflow(name: string, path: string, parameters: Record<string, unknown>, credentials: TriggerCredentials): WorkflowJson {
	return {
		name,
		nodes: [
			{
				id: 'trigger',
				name: CLOUD_TRIGGER_NAME,
				type: CLOUD_TRIGGER_TYPE,
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: `${path}-id`,
				parameters: { path, ...parameters },
				credentials: {
					whatsAppFlowsAppApi: credentials.app,
					...(credentials.cloudApi ? { whatsAppFlowsCloudApi: credentials.cloudApi } : {}),
					...(credentials.stateStore ? { whatsAppFlowsStateApi: credentials.stateStore } : {}),
				},
			},
		],
		connections: {},
	};
}

export function triggerUrl(n8n: E2eInstance, path: string): string {
	return `${n8n.webhookBaseUrl}/webhook/${path}`;
}

/** Imports and activates; waits until the POST webhook answers. */
export async function deployTrigger(n8n: E2eInstance, workflow: WorkflowJson, path: string): Promise<string> {
	const id = await n8n.api.importAndActivate(workflow);
	await waitForWebhook(n8n.webhookBaseUrl, path);
	return id;
}

export async function sandboxCall<T = unknown>(sandboxUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
	const response = await fetch(`${sandboxUrl}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The app's callback URL in the sandbox: where it sends webhooks of numbers and WABAs without an alternate URL. */
export async function pointAppCallbackAt(sandboxUrl: string, url: string | null): Promise<void> {
	const answer = await sandboxCall(sandboxUrl, 'POST', '/__sandbox/webhook-target', { url });
	if (answer.status !== 200) throw new Error(`webhook-target → ${answer.status}`);
}

export interface DeliveryView {
	id: string;
	url: string | null;
	state: string;
	attempts: Array<{ status: number | null }>;
}

/** The sandbox signs `payload` with the app secret and POSTs it where Meta would; resolves once delivered. */
export async function sandboxSends(sandboxUrl: string, payload: unknown): Promise<DeliveryView[]> {
	const sent = await sandboxCall<{ deliveries: Array<{ id: string }> }>(sandboxUrl, 'POST', '/__sandbox/webhooks/raw', { payload });
	if (sent.status !== 201) throw new Error(`webhooks/raw → ${sent.status}`);
	await sandboxCall(sandboxUrl, 'POST', '/__sandbox/webhooks/wait-idle');
	const all = (await sandboxCall<DeliveryView[]>(sandboxUrl, 'GET', '/__sandbox/webhook-deliveries')).body;
	const ids = new Set(sent.body.deliveries.map((d) => d.id));
	return all.filter((d) => ids.has(d.id));
}

export function hubSignature(body: string, secret: string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs a body as Meta would (signature given, or none). */
export async function postWebhook(url: string, body: string, signature: string | undefined): Promise<{ status: number; text: string; contentType: string | null }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'x-hub-signature-256': signature }) },
		body,
	});
	return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') };
}

export interface TriggerItem {
	type: string;
	eventKey: string;
	phoneNumberId: string | null;
	waId: string | null;
	[key: string]: unknown;
}

/** The items the trigger emitted in one execution. */
export async function triggerItems(n8n: E2eInstance, executionId: string): Promise<TriggerItem[]> {
	const runData = (await n8n.api.getExecution(executionId)).data?.resultData?.runData as
		| Record<string, Array<{ data: { main: Array<Array<{ json: TriggerItem }>> } }>>
		| undefined;
	return (runData?.[CLOUD_TRIGGER_NAME]?.[0]?.data.main[0] ?? []).map((item) => item.json);
}

/** Finished executions of a workflow, oldest first. */
export async function finishedExecutions(n8n: E2eInstance, workflowId: string): Promise<Array<{ id: string; status: string }>> {
	const executions = await n8n.api.listExecutions(workflowId);
	return executions.filter((e) => e.stoppedAt !== null).sort((a, b) => Number(a.id) - Number(b.id));
}

/** Waits for `count` finished executions, then makes sure no further one starts for `quietMs`. */
export async function exactlyExecutions(n8n: E2eInstance, workflowId: string, count: number, quietMs = 1_500): Promise<Array<{ id: string; status: string }>> {
	if (count > 0) await n8n.api.waitForExecutions(workflowId, count, 90_000);
	await new Promise((resolve) => setTimeout(resolve, quietMs));
	const all = await n8n.api.listExecutions(workflowId);
	expect(all).toHaveLength(count);
	return await finishedExecutions(n8n, workflowId);
}
