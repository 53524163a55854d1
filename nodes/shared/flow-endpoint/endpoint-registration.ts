import { createPublicKey, type KeyObject } from 'node:crypto';
import type { GraphClient } from '../graph/graph-client';

// What the Flow Endpoint trigger can do when its workflow is activated: point the flow's endpoint_uri at its own
// production URL (flows/reference/flowsapi "Update Flow Metadata": POST /{flow-id} endpoint_uri) and check that the
// phone number's business public key is the one of the trigger's private key and VALID
// (whatsapp/cloud-api/reference/whatsapp-business-encryption: GET /{phone-number-id}/whatsapp_business_encryption).

export interface EndpointRegistrationInput {
	client: GraphClient;
	flowId: string;
	endpointUrl: string;
	phoneNumberId: string;
	privateKey: KeyObject;
}

export type PublicKeyState = 'VALID' | 'MISMATCH' | 'NOT_UPLOADED' | 'OTHER_KEY';

export interface EndpointRegistrationReport {
	flowName: string | null;
	flowStatus: string | null;
	/** What happened to the flow's endpoint_uri. */
	endpoint: 'already-set' | 'set' | 'left-unchanged';
	publicKey: PublicKeyState;
	/** Each one a sentence with its fix; empty when all is well. */
	problems: string[];
}

interface FlowFields {
	name?: string;
	status?: string;
	endpoint_uri?: string;
}

interface EncryptionKeyList {
	data?: Array<{ business_public_key?: string; business_public_key_signature_status?: string }>;
}

function spkiOf(key: KeyObject | string): Buffer | undefined {
	try {
		return createPublicKey(key).export({ type: 'spki', format: 'der' });
	} catch {
		return undefined;
	}
}

async function setEndpoint(input: EndpointRegistrationInput, flow: FlowFields, problems: string[]): Promise<EndpointRegistrationReport['endpoint']> {
	if (flow.endpoint_uri === input.endpointUrl) return 'already-set';
	if (flow.status === 'PUBLISHED' || flow.status === 'THROTTLED' || flow.status === 'BLOCKED') {
		// Editing a published flow returns it to DRAFT (flows/guides/lifecycle): never done silently on activation.
		problems.push(
			`The flow "${flow.name ?? input.flowId}" is ${flow.status} with the endpoint ${flow.endpoint_uri || '(none)'}, not ${input.endpointUrl}. Changing it would turn the flow back into a draft, so it was left as it is: set the endpoint in WhatsApp Manager (or with WhatsApp Flows → Flow → Update Metadata) and publish again.`,
		);
		return 'left-unchanged';
	}
	if (flow.status === 'DEPRECATED') {
		problems.push(`The flow "${flow.name ?? input.flowId}" is DEPRECATED and cannot be sent any more: clone it and point the trigger at the new flow.`);
		return 'left-unchanged';
	}
	await input.client.request({ method: 'POST', path: input.flowId, body: { kind: 'json', value: { endpoint_uri: input.endpointUrl } }, kind: 'write' });
	return 'set';
}

async function checkPublicKey(input: EndpointRegistrationInput, problems: string[]): Promise<PublicKeyState> {
	const keys = await input.client.request<EncryptionKeyList>({ method: 'GET', path: `${input.phoneNumberId}/whatsapp_business_encryption`, kind: 'read' });
	const uploaded = keys.data?.[0];
	if (!uploaded?.business_public_key) {
		problems.push(
			`The phone number ${input.phoneNumberId} has no Flow public key: upload the public key of this private key (WhatsApp Flows → Encryption Key → Upload), or WhatsApp cannot encrypt requests for this endpoint.`,
		);
		return 'NOT_UPLOADED';
	}
	const ours = spkiOf(input.privateKey);
	const theirs = spkiOf(uploaded.business_public_key);
	if (ours === undefined || theirs === undefined || !ours.equals(theirs)) {
		problems.push(
			`The Flow public key of phone number ${input.phoneNumberId} is not the one of this trigger's private key: requests would fail with 421. Upload the matching public key, or choose the private key credential that belongs to the uploaded one.`,
		);
		return 'OTHER_KEY';
	}
	if (uploaded.business_public_key_signature_status !== 'VALID') {
		problems.push(
			`The Flow public key of phone number ${input.phoneNumberId} has the status ${uploaded.business_public_key_signature_status ?? 'unknown'} (the number was re-registered): upload the same public key again.`,
		);
		return 'MISMATCH';
	}
	return 'VALID';
}

/** Sets the flow's endpoint (unless that would unpublish it) and checks the phone number's public key. */
export async function registerFlowEndpoint(input: EndpointRegistrationInput): Promise<EndpointRegistrationReport> {
	const problems: string[] = [];
	const flow = await input.client.request<FlowFields>({
		method: 'GET',
		path: input.flowId,
		query: { fields: 'name,status,endpoint_uri' },
		kind: 'read',
	});
	const endpoint = await setEndpoint(input, flow, problems);
	const publicKey = await checkPublicKey(input, problems);
	return { flowName: flow.name ?? null, flowStatus: flow.status ?? null, endpoint, publicKey, problems };
}
