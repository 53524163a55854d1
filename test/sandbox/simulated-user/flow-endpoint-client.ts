// The EndpointClient the app uses for an endpoint flow (flows/guides/implementingyourflowendpoint): requests go to
// the flow's endpoint_uri, encrypted under the public key uploaded for the business phone number that sent the
// message (cloud-api/reference/whatsapp-business-encryption) and signed with the app secret. After a 421 the client
// re-reads the key, so a key uploaded since the flow opened is used for the retry.
import { EndpointClient } from '../client';
import { post, type Post } from '../client/http-post';
import { spkiPem } from '../encryption-keys';
import { analyseFlowJson } from '../flow-json-validator';
import type { FlowRecord } from '../flows';
import type { SandboxState } from '../state';
import { SimulatedUserError } from './errors';

/** Whether a Flow JSON talks to an endpoint: it declares data_api_version or uses data_exchange. */
export function needsEndpoint(jsonText: string): boolean {
	const analysis = analyseFlowJson(jsonText);
	return analysis.dataApiVersion !== undefined || analysis.usesDataExchange;
}

/** The client for the flow's endpoint, or undefined for a flow without one. */
export function endpointClientFor(state: SandboxState, flow: FlowRecord, phoneNumberId: string, jsonText: string): EndpointClient | undefined {
	if (!needsEndpoint(jsonText)) return undefined;
	if (flow.endpointUri === undefined) {
		throw new SimulatedUserError('flow-not-openable', `flow ${flow.id} talks to an endpoint but has no endpoint_uri`);
	}
	const readKey = (): string => {
		const stored = state.publicKeyFor(phoneNumberId);
		if (!stored) throw new SimulatedUserError('no-public-key', `phone number ${phoneNumberId} has no business public key`);
		return spkiPem(stored);
	};
	// Requests stop when the sandbox closes.
	const transport: Post = (url, headers, body, signal) => post(url, headers, body, AbortSignal.any([signal, state.lifetime.signal]));
	return new EndpointClient({
		endpointUri: flow.endpointUri,
		publicKeyPem: readKey(),
		refreshPublicKey: async () => readKey(),
		appSecret: state.seed.app.secret,
		timeoutMs: state.config.flows.clientTimeoutMs,
		post: transport,
	});
}
