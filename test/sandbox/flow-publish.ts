// Publishing a Flow checks what Meta checks (flows/reference/error-codes, code 139002, and flows/guides/flowsapi
// "Publish"; META-FACTS "Publishing requires"), in this order:
//   1. the Flow is a DRAFT ("Publishing Flow in invalid state");
//   2. it has a Flow JSON without validation errors ("Publishing Flow with validation errors");
//   3. its version can still be published ("Versions in Flow JSON file are not available for publishing");
//   and for a Flow with an endpoint (data_api_version, or a data_exchange action):
//   4. endpoint_uri is set ("Publishing without specifying endpoint_uri is forbidden");
//   5. a Meta app is connected ("No Application Connected to the Flow");
//   6. a phone number of the WABA has a VALID signed public key ("Missing Flows Signed Public Key");
//   7. the WABA is subscribed by the app ("WhatsApp Business Account is not subscribed to Flows Webhooks");
//   8. the endpoint answers a `ping` health check correctly ("Endpoint Not Available"): the sandbox sends one,
//      encrypted under that phone number's key and signed with the app secret, and decrypts the answer, which must
//      be {"data": {"status": "active"}} (flows/guides/implementingyourflowendpoint "Health check request"); the
//      simulated client's EndpointClient sends it (flow-ping.ts).
import { flowError } from './errors';
import { isPublishableVersion } from './flow-json-validator';
import { pingFlowEndpoint } from './flow-ping';
import { isEndpointFlow, type FlowRecord } from './flows';
import type { SandboxState } from './state';

const PUBLISH_FAILED = 139002;

/** Runs the publishing checks; throws Meta's 139002 error with the first failing check's title, else publishes. */
export async function publishFlow(state: SandboxState, flow: FlowRecord): Promise<void> {
	if (flow.status !== 'DRAFT') {
		throw flowError(PUBLISH_FAILED, 'Publishing Flow in invalid state', `Only a DRAFT Flow can be published; this one is ${flow.status}.`);
	}
	const analysis = flow.analysis;
	if (analysis === undefined) {
		throw flowError(PUBLISH_FAILED, 'Publishing Flow with validation errors', 'The Flow has no Flow JSON yet: upload flow.json first.');
	}
	if (analysis.errors.length > 0) {
		throw flowError(PUBLISH_FAILED, 'Publishing Flow with validation errors', `The Flow JSON has ${analysis.errors.length} validation error(s): ${analysis.errors[0].message}`);
	}
	if (!isPublishableVersion(analysis.version)) {
		throw flowError(PUBLISH_FAILED, 'Versions in Flow JSON file are not available for publishing', `Flow JSON version ${String(analysis.version)} can no longer be published; use 5.1, 6.x or 7.x.`);
	}
	if (isEndpointFlow(flow)) {
		if (flow.endpointUri === undefined) {
			throw flowError(PUBLISH_FAILED, 'Publishing without specifying endpoint_uri is forbidden', 'A Flow with data_api_version needs endpoint_uri (set it with POST /{flow-id}).');
		}
		if (flow.applicationId === null) {
			throw flowError(PUBLISH_FAILED, 'No Application Connected to the Flow', 'Connect a Meta app with application_id.');
		}
		const phone = state.seed.phoneNumbers.find((p) => state.keys.get(p.id)?.status === 'VALID');
		if (!phone) {
			throw flowError(PUBLISH_FAILED, 'Missing Flows Signed Public Key', 'Upload a business public key for a phone number of the WABA (POST /{phone-number-id}/whatsapp_business_encryption).');
		}
		if (!state.subscriptions.some((s) => s.appId === flow.applicationId)) {
			throw flowError(PUBLISH_FAILED, 'WhatsApp Business Account is not subscribed to Flows Webhooks', 'Subscribe the app to the WABA (POST /{waba-id}/subscribed_apps).');
		}
		const check = await pingFlowEndpoint(state, flow, phone.id);
		if (!check.ok) {
			throw flowError(PUBLISH_FAILED, 'Endpoint Not Available', `The endpoint failed the health check: ${check.problem ?? 'unknown reason'}.`);
		}
	}
	state.flows.markPublished(flow);
	flow.updatedAt = new Date().toISOString();
}
