import type { E2eInstance } from '../harness/e2e-env';
import type { CredentialRef } from './credentials';
import { deployWebhookWorkflow, splitBodyItems, uniquePath, webhookChain, type NodeSpec } from './workflows';

export const WHATSAPP_FLOWS_TYPE = 'n8n-nodes-whatsapp-flows.whatsAppFlows';

export interface MessageCredentials {
	cloudApi: CredentialRef;
	app?: CredentialRef;
}

export function messageNode(operation: string, parameters: Record<string, unknown>, credentials: MessageCredentials, name = 'WhatsApp'): NodeSpec {
	return {
		name,
		type: WHATSAPP_FLOWS_TYPE,
		parameters: { resource: 'message', operation, ...parameters },
		credentials: {
			whatsAppFlowsCloudApi: credentials.cloudApi,
			...(credentials.app ? { whatsAppFlowsAppApi: credentials.app } : {}),
		},
		continueOnFail: true,
	};
}

/** POST /webhook/<path> with a body → one Message operation → its items as the answer. Returns the path. */
export async function deployMessageWorkflow(
	n8n: E2eInstance,
	operation: string,
	parameters: Record<string, unknown>,
	credentials: MessageCredentials,
	options: { splitItems?: boolean } = {},
): Promise<string> {
	const path = uniquePath(`message-${operation}`);
	const chain = [...(options.splitItems ? [splitBodyItems] : []), messageNode(operation, parameters, credentials)];
	await deployWebhookWorkflow(n8n, webhookChain(`Message ${operation} (${n8n.name})`, path, chain), path);
	return path;
}

let sequence = 0;
const block = 100 + Math.floor(Math.random() * 900);
/** A recipient number unlikely to be used by another suite of the run: +1 555 <3 random digits><4 counted>. */
export function freshNumber(): string {
	sequence += 1;
	return `1555${block}${String(sequence).padStart(4, '0')}`;
}
