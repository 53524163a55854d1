// A Flow as the Graph API shows it: every field GET /{flow-id}?fields=… can name (flows/reference/flowsapi
// "Retrieve Flow details"; Postman "Get Flow", "Get Preview URL" and "List Flows" for shapes and order).
import { isEndpointFlow, type FlowRecord } from './flows';
import type { SandboxState } from './state';

/** Fields answered without `fields`, in the order of the Postman example "List Flows". */
export const FLOW_DEFAULT_FIELDS = ['name', 'status', 'categories', 'validation_errors', 'id'] as const;

/** Graph's time format: "2023-05-21T11:18:09+0000" (Postman "Get Flow", preview.expires_at). */
export function graphTime(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export function previewOf(state: SandboxState, flow: FlowRecord): { preview_url: string; expires_at: string } {
	return {
		preview_url: `${state.baseUrl}/__cdn/flow-preview/${flow.id}/?token=${flow.previewToken}`,
		expires_at: graphTime(flow.previewExpiresAt),
	};
}

/** The Flow's own sending health (flows/guides/healthmonitoring): THROTTLED limits, BLOCKED blocks. */
function flowCanSend(flow: FlowRecord): 'AVAILABLE' | 'LIMITED' | 'BLOCKED' {
	if (flow.status === 'BLOCKED' || flow.status === 'DEPRECATED') return 'BLOCKED';
	if (flow.status === 'THROTTLED') return 'LIMITED';
	return 'AVAILABLE';
}

/** health_status as in the Postman example "Get Flow": the worst entity decides can_send_message. */
function healthStatus(flow: FlowRecord): Record<string, unknown> {
	const entities: Record<string, unknown>[] = [
		{ entity_type: 'FLOW', id: flow.id, can_send_message: flowCanSend(flow) },
		{ entity_type: 'WABA', id: flow.wabaId, can_send_message: 'AVAILABLE' },
	];
	if (flow.applicationId !== null && isEndpointFlow(flow)) {
		entities.push({ entity_type: 'APP', id: flow.applicationId, can_send_message: 'AVAILABLE' });
	}
	const order = ['AVAILABLE', 'LIMITED', 'BLOCKED'];
	const worst = entities.map((e) => String(e.can_send_message)).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
	return { can_send_message: worst, entities };
}

export function flowFields(state: SandboxState, flow: FlowRecord): Record<string, unknown> {
	const app = state.seed.app;
	const fields: Record<string, unknown> = {
		id: flow.id,
		name: flow.name,
		categories: [...flow.categories],
		preview: previewOf(state, flow),
		status: flow.status,
		validation_errors: flow.analysis?.errors ?? [],
		json_version: flow.analysis?.version,
		data_api_version: flow.analysis?.dataApiVersion,
		endpoint_uri: flow.endpointUri,
		// The field's older name, still asked for by the Postman request "Get Flow".
		data_channel_uri: flow.endpointUri,
		whatsapp_business_account: { id: flow.wabaId },
		application: flow.applicationId === app.id ? { link: app.link, name: app.name, id: app.id } : undefined,
		health_status: healthStatus(flow),
		updated_at: flow.updatedAt,
	};
	return fields;
}
