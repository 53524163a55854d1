import { sandboxAppData, SANDBOX_VERIFY_TOKEN } from '../harness/sandbox-credentials';
import { SANDBOX_PHONE_NUMBER_ID } from '../sandbox/seed';
import { smokeFlowMedia } from './flow-media-support';
import { flowEndpointCredentials, flowWorkflow, keepOnlySetNode, respondNode, triggerNode, whatsAppClient } from './flow-endpoint-support';
import { cloudTriggerWorkflow, deployTrigger, exactlyExecutions, pointAppCallbackAt, sandboxCall, triggerItems, triggerUrl } from './cloud-trigger-support';
import { sandboxCloudApiCredential } from './support/credentials';
import { asArray, callWebhook, deployWebhookWorkflow, openConversationWindow, uniquePath, webhookChain } from './support/workflows';
import type { E2eInstance } from './harness/e2e-env';
import { smokeOtp } from './otp-support';

/**
 * One smoke workflow per node in package.json's n8n.nodes, keyed by the node's type name. The smoke suite fails
 * for a node that has none here.
 */
export interface SmokeCase {
	run(n8n: E2eInstance, sandboxUrl: string): Promise<void>;
}

export const SMOKE_WORKFLOWS: Record<string, SmokeCase> = {
	whatsAppFlows: {
		async run(n8n, sandboxUrl) {
			const credential = await sandboxCloudApiCredential(n8n, sandboxUrl);
			const path = uniquePath('smoke-whatsapp-flows');
			const recipient = `1555${String(Date.now()).slice(-7)}`;
			const workflow = webhookChain(`Smoke: WhatsApp Flows (${n8n.name})`, path, [
				{
					name: 'Send Text',
					type: 'n8n-nodes-whatsapp-flows.whatsAppFlows',
					parameters: { resource: 'message', operation: 'sendText', to: '={{ $json.body.to }}', text: '={{ $json.body.text }}' },
					credentials: { whatsAppFlowsCloudApi: credential },
				},
			]);
			await deployWebhookWorkflow(n8n, workflow, path);
			await openConversationWindow(sandboxUrl, recipient);
			const answer = await callWebhook(n8n.webhookBaseUrl, path, { to: `+${recipient}`, text: 'Hello from n8n' });
			expect(answer.status).toBe(200);
			const [item] = asArray<{ status: string; messageId: string; waId: string }>(answer.json);
			expect(item).toMatchObject({ status: 'sent', waId: recipient });
			expect(item?.messageId).toMatch(/^wamid\./);
			const received = (await (await fetch(`${sandboxUrl}/__sandbox/messages?to=${recipient}`)).json()) as unknown;
			const messages = asArray<{ text?: { body?: string }; from?: string; phoneNumberId?: string }>(
				(received as { messages?: unknown }).messages ?? received,
			);
			expect(messages).toHaveLength(1);
			expect(JSON.stringify(messages[0])).toContain('Hello from n8n');
			expect(JSON.stringify(messages[0])).toContain(SANDBOX_PHONE_NUMBER_ID);
			await smokeFlowMedia(n8n, sandboxUrl); // Flow Media → Decrypt: a staged file comes back with its SHA-256
		},
	},
	whatsAppFlowEndpoint: {
		// Ping is answered by the trigger alone; INIT runs the workflow and its respond node answers.
		async run(n8n, sandboxUrl) {
			const credentials = await flowEndpointCredentials(n8n, sandboxUrl);
			const path = uniquePath('smoke-flow-endpoint');
			const workflow = flowWorkflow(
				`Smoke: WhatsApp Flow Endpoint (${n8n.name})`,
				path,
				[
					triggerNode(path, credentials),
					respondNode('Respond', credentials, { respondWith: 'nextScreen', screen: 'WELCOME', screenData: '={{ JSON.stringify({ action: $json.action }) }}' }),
				],
				[['WhatsApp Flow Endpoint', 'Respond']],
			);
			await deployWebhookWorkflow(n8n, workflow, path);
			const client = whatsAppClient(n8n, path, credentials);
			const ping = await client.ping();
			expect(ping.outcome).toEqual({ kind: 'ok', answer: { data: { status: 'active' } } });
			const init = await client.send({ action: 'INIT', flow_token: 'smoke-token' });
			expect(init.outcome).toEqual({ kind: 'ok', answer: { screen: 'WELCOME', data: { action: 'INIT' } } });
		},
	},
	respondToWhatsAppFlow: {
		// The respond node finds the request's key in the trigger's run data, past a Set that dropped it
		// (in queue mode on a worker, not the webhook processor that received the request).
		async run(n8n, sandboxUrl) {
			const credentials = await flowEndpointCredentials(n8n, sandboxUrl);
			const path = uniquePath('smoke-flow-respond');
			const workflow = flowWorkflow(
				`Smoke: Respond to WhatsApp Flow (${n8n.name})`,
				path,
				[
					triggerNode(path, credentials),
					keepOnlySetNode('Keep Only the Choice', { choice: '={{ $json.data.choice }}' }),
					respondNode('Complete', credentials, { respondWith: 'complete', params: '={{ JSON.stringify({ choice: $json.choice }) }}' }),
				],
				[
					['WhatsApp Flow Endpoint', 'Keep Only the Choice'],
					['Keep Only the Choice', 'Complete'],
				],
			);
			await deployWebhookWorkflow(n8n, workflow, path);
			const exchange = await whatsAppClient(n8n, path, credentials).send({
				action: 'data_exchange',
				screen: 'CHOOSE',
				data: { choice: 'blue' },
				flow_token: 'smoke-flow-token',
			});
			expect(exchange.outcome).toEqual({
				kind: 'ok',
				answer: { screen: 'SUCCESS', data: { extension_message_response: { params: { choice: 'blue', flow_token: 'smoke-flow-token' } } } },
			});
		},
	},
	whatsAppCloudTrigger: {
		// The sandbox verifies the URL (GET with hub.challenge), then a user writes: one execution, one message.text item.
		async run(n8n, sandboxUrl) {
			// Straight through n8n's API: the app credential makes no authenticated requests, so n8n 1.x's schema for it
			// has no allowedHttpRequestDomains field (which createCredentialIn adds on 1.x).
			const appName = `Smoke Meta App ${Date.now()}`;
			const app = { id: await n8n.api.createCredential(appName, 'whatsAppFlowsAppApi', sandboxAppData(sandboxUrl)), name: appName };
			const path = uniquePath('smoke-cloud-trigger');
			const id = await deployTrigger(n8n, cloudTriggerWorkflow(`Smoke: WhatsApp Cloud Trigger (${n8n.name})`, path, {}, { app }), path);
			const verified = await sandboxCall(sandboxUrl, 'POST', '/__sandbox/webhook-target', { url: triggerUrl(n8n, path), verify_token: SANDBOX_VERIFY_TOKEN });
			expect(verified.status).toBe(200);
			try {
				expect((await sandboxCall(sandboxUrl, 'POST', '/__sandbox/users/15550107799/send-text', { text: 'Hello trigger', name: 'Smoke' })).status).toBe(201);
				await sandboxCall(sandboxUrl, 'POST', '/__sandbox/webhooks/wait-idle');
				const [execution] = await exactlyExecutions(n8n, id, 1);
				expect(await triggerItems(n8n, execution.id)).toEqual([
					expect.objectContaining({ type: 'message.text', waId: '15550107799', senderName: 'Smoke', phoneNumberId: SANDBOX_PHONE_NUMBER_ID, message: expect.objectContaining({ text: 'Hello trigger' }) }),
				]);
			} finally {
				await pointAppCallbackAt(sandboxUrl, null);
			}
		},
	},
	whatsAppOtp: { run: smokeOtp },
};
