import { SANDBOX_PHONE_NUMBER_ID } from '../sandbox/seed';
import { sandboxCloudApiCredential } from './support/credentials';
import { asArray, callWebhook, deployWebhookWorkflow, openConversationWindow, uniquePath, webhookChain } from './support/workflows';
import type { E2eInstance } from './harness/e2e-env';

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
		},
	},
};
