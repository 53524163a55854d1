// Test and demo set-up against the Cloud API sandbox, over HTTP as any client would: the phone number's Flow
// public key, Flows with an endpoint, flow messages, and a simulated WhatsApp user stepping through a flow.
// The nodes under test are not used here, so a bug in them cannot make the set-up pass.
import type { FlowStep } from '../sandbox/simulated-user/step-view';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID } from '../sandbox/seed';

const VERSION = 'v23.0';

async function graph<T>(sandboxUrl: string, method: string, path: string, body?: Record<string, unknown>): Promise<T> {
	const response = await fetch(`${sandboxUrl}/${VERSION}/${path}`, {
		method,
		headers: { authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}`, 'content-type': 'application/json' },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	const json = (await response.json()) as T;
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
	return json;
}

/** Uploads the Flow public key of the sandbox's first phone number (signature status VALID). */
export async function uploadFlowPublicKey(sandboxUrl: string, publicKeyPem: string): Promise<void> {
	await graph(sandboxUrl, 'POST', `${SANDBOX_PHONE_NUMBER_ID}/whatsapp_business_encryption`, { business_public_key: publicKeyPem });
}

export interface EndpointFlowSpec {
	name: string;
	flowJson: string;
	endpointUri: string;
	categories?: string[];
	publish?: boolean;
}

/**
 * Creates a Flow with an endpoint and, by default, publishes it; publishing makes the sandbox send the encrypted,
 * signed health check (ping) to the endpoint, as Meta does. Returns the flow id.
 */
export async function createEndpointFlow(sandboxUrl: string, spec: EndpointFlowSpec): Promise<string> {
	await graph(sandboxUrl, 'POST', `${SANDBOX_WABA_ID}/subscribed_apps`, {});
	const created = await graph<{ id: string; validation_errors?: unknown[] }>(sandboxUrl, 'POST', `${SANDBOX_WABA_ID}/flows`, {
		name: spec.name,
		categories: spec.categories ?? ['APPOINTMENT_BOOKING'],
		flow_json: spec.flowJson,
		endpoint_uri: spec.endpointUri,
	});
	if ((created.validation_errors ?? []).length > 0) throw new Error(`flow ${spec.name}: ${JSON.stringify(created.validation_errors)}`);
	if (spec.publish !== false) await graph(sandboxUrl, 'POST', `${created.id}/publish`, {});
	return created.id;
}

/** Sends an interactive flow message that opens with a data_exchange (INIT) to the endpoint. */
export async function sendEndpointFlowMessage(sandboxUrl: string, to: string, flowId: string, flowToken: string): Promise<string> {
	const sent = await graph<{ messages: Array<{ id: string }> }>(sandboxUrl, 'POST', `${SANDBOX_PHONE_NUMBER_ID}/messages`, {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'interactive',
		interactive: {
			type: 'flow',
			body: { text: 'Book your appointment in a few taps' },
			action: {
				name: 'flow',
				parameters: { flow_message_version: '3', flow_id: flowId, flow_token: flowToken, flow_cta: 'Book now', flow_action: 'data_exchange' },
			},
		},
	});
	return sent.messages[0].id;
}

/** A simulated WhatsApp user, stepped over the sandbox's HTTP API. */
export function simulatedUser(sandboxUrl: string, waId: string) {
	const step = async (path: string, body: unknown = {}): Promise<FlowStep> => {
		const response = await fetch(`${sandboxUrl}/__sandbox/users/${waId.replace(/\D/g, '')}/flow/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const json = (await response.json()) as FlowStep;
		if (!response.ok) throw new Error(`${path} → ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
	return {
		openLastFlow: async () => await step('open-last'),
		fill: async (values: Record<string, unknown>) => await step('fill', { values }),
		selectFiles: async (field: string, files: Array<{ fileName: string; bytes: Buffer; mimeType?: string }>) =>
			await step('select-files', {
				field,
				files: files.map((file) => ({ fileName: file.fileName, base64: file.bytes.toString('base64'), ...(file.mimeType ? { mimeType: file.mimeType } : {}) })),
			}),
		pressFooter: async () => await step('press-footer'),
		goBack: async () => await step('back'),
	};
}
