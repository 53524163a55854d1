// The Flows API over the shared Graph client. Meta: whatsapp/flows/reference/flowsapi (also
// whatsapp/flows/guides/flowsapi and Meta's Postman collection "WhatsApp Flows API").
//   POST   /{waba-id}/flows       create: name, categories, flow_json?, publish?, clone_flow_id?, endpoint_uri?
//   GET    /{waba-id}/flows       list, Graph cursor paging
//   GET    /{flow-id}?fields=…    details (preview, health, versions…) and metrics
//   POST   /{flow-id}             metadata: name, categories, endpoint_uri, application_id
//   POST   /{flow-id}/assets      Flow JSON upload: multipart file=flow.json, name=flow.json, asset_type=FLOW_JSON
//   GET    /{flow-id}/assets      the asset's download_url
//   POST   /{flow-id}/publish, /{flow-id}/deprecate;  DELETE /{flow-id} (DRAFT only, else 139004)
import type { MultipartField } from '../graph/bodies';
import type { GraphClient } from '../graph/graph-client';
import type { FlowCategory } from './categories';
import { validationErrorsOf, type MetaFlowValidationError } from './validation-errors';

/** Meta: whatsapp/flows/reference/flowsapi "status"; flows/guides/lifecycle. */
export type FlowStatus = 'DRAFT' | 'PUBLISHED' | 'DEPRECATED' | 'BLOCKED' | 'THROTTLED';

/** A Flow as GET /{flow-id} and GET /{waba-id}/flows answer it (fields present only when asked for). */
export interface FlowNode {
	id: string;
	name?: string;
	status?: FlowStatus;
	categories?: string[];
	validation_errors?: MetaFlowValidationError[];
	json_version?: string;
	data_api_version?: string;
	endpoint_uri?: string;
	preview?: { preview_url?: string; expires_at?: string };
	health_status?: { can_send_message?: string; entities?: unknown[] };
	whatsapp_business_account?: { id?: string };
	application?: { id?: string; name?: string; link?: string };
	updated_at?: string;
}

/** Every documented detail field of a Flow (Meta: flowsapi "Retrieve Flow details"). */
export const FLOW_DETAIL_FIELDS = [
	'id',
	'name',
	'categories',
	'preview',
	'status',
	'validation_errors',
	'json_version',
	'data_api_version',
	'endpoint_uri',
	'whatsapp_business_account',
	'application',
	'health_status',
] as const;

/** What the list answers without `fields` (Postman "List Flows"). */
export const FLOW_LIST_FIELDS = ['id', 'name', 'status', 'categories', 'validation_errors'] as const;

export interface CreateFlowInput {
	name: string;
	categories: FlowCategory[];
	flowJson?: string;
	endpointUri?: string;
	cloneFlowId?: string;
	/** Meta publishes in the same call; only with valid flow_json. */
	publish?: boolean;
}

export interface FlowJsonResult {
	id: string;
	validationErrors: MetaFlowValidationError[];
}

export async function createFlow(client: GraphClient, wabaId: string, input: CreateFlowInput): Promise<FlowJsonResult> {
	const body: Record<string, unknown> = { name: input.name, categories: input.categories };
	if (input.flowJson !== undefined) body.flow_json = input.flowJson;
	if (input.endpointUri) body.endpoint_uri = input.endpointUri;
	if (input.cloneFlowId) body.clone_flow_id = input.cloneFlowId;
	if (input.publish) body.publish = true;
	const answer = await client.request<{ id?: string }>({
		method: 'POST',
		path: `${wabaId}/flows`,
		body: { kind: 'json', value: body },
		kind: 'send',
	});
	if (typeof answer?.id !== 'string') throw new Error('Meta created the Flow but its answer carried no Flow id.');
	return { id: answer.id, validationErrors: validationErrorsOf(answer) };
}

function formField(name: string, value: string): MultipartField {
	return { name, value };
}

export async function uploadFlowJson(client: GraphClient, flowId: string, flowJson: string): Promise<FlowJsonResult> {
	const answer = await client.request<unknown>({
		method: 'POST',
		path: `${flowId}/assets`,
		body: {
			kind: 'multipart',
			parts: [
				{ name: 'file', filename: 'flow.json', contentType: 'application/json', data: Buffer.from(flowJson, 'utf8') },
				formField('name', 'flow.json'),
				formField('asset_type', 'FLOW_JSON'),
			],
		},
		kind: 'write',
	});
	return { id: flowId, validationErrors: validationErrorsOf(answer) };
}

export interface FlowMetadata {
	name?: string;
	categories?: FlowCategory[];
	endpointUri?: string;
	applicationId?: string;
}

export async function updateFlowMetadata(client: GraphClient, flowId: string, metadata: FlowMetadata): Promise<void> {
	const body: Record<string, unknown> = {};
	if (metadata.name !== undefined) body.name = metadata.name;
	if (metadata.categories !== undefined) body.categories = metadata.categories;
	if (metadata.endpointUri !== undefined) body.endpoint_uri = metadata.endpointUri;
	if (metadata.applicationId !== undefined) body.application_id = metadata.applicationId;
	if (Object.keys(body).length === 0) throw new Error('Nothing to update: set a name, categories, an endpoint URI or an application ID.');
	await client.request({ method: 'POST', path: flowId, body: { kind: 'json', value: body }, kind: 'write' });
}

export async function publishFlow(client: GraphClient, flowId: string): Promise<void> {
	await client.request({ method: 'POST', path: `${flowId}/publish`, kind: 'write' });
}

export async function deprecateFlow(client: GraphClient, flowId: string): Promise<void> {
	await client.request({ method: 'POST', path: `${flowId}/deprecate`, kind: 'write' });
}

export async function deleteFlow(client: GraphClient, flowId: string): Promise<void> {
	await client.request({ method: 'DELETE', path: flowId, kind: 'write' });
}

export async function getFlow(
	client: GraphClient,
	flowId: string,
	options: { fields?: readonly string[]; newPreviewUrl?: boolean } = {},
): Promise<FlowNode> {
	// preview.invalidate(true) makes Meta issue a new preview link (Postman "Get Preview URL").
	const fields = (options.fields ?? FLOW_DETAIL_FIELDS).map((field) =>
		field === 'preview' ? `preview.invalidate(${options.newPreviewUrl === true})` : field,
	);
	return await client.request<FlowNode>({ method: 'GET', path: flowId, query: { fields: fields.join(',') } });
}

export interface FlowPage {
	flows: FlowNode[];
	/** The `after` cursor of the next page, when Meta says there is one. */
	nextCursor?: string;
}

/** One page of a WABA's Flows (Graph cursor paging: graph-api/results). */
export async function listFlowsPage(
	client: GraphClient,
	wabaId: string,
	options: { limit?: number; after?: string; fields?: readonly string[] } = {},
): Promise<FlowPage> {
	const page = await client.request<{ data?: FlowNode[]; paging?: { next?: string; cursors?: { after?: string } } }>({
		method: 'GET',
		path: `${wabaId}/flows`,
		query: { fields: (options.fields ?? FLOW_LIST_FIELDS).join(','), limit: options.limit, after: options.after || undefined },
	});
	const flows = Array.isArray(page?.data) ? page.data : [];
	const after = page?.paging?.next ? page.paging.cursors?.after : undefined;
	return { flows, ...(after ? { nextCursor: after } : {}) };
}

/** Every Flow of a WABA (up to `limit`), following the cursors. */
export async function listAllFlows(
	client: GraphClient,
	wabaId: string,
	options: { limit?: number; fields?: readonly string[] } = {},
): Promise<FlowNode[]> {
	return await client.listAll<FlowNode>(
		`${wabaId}/flows`,
		{ fields: (options.fields ?? FLOW_LIST_FIELDS).join(',') },
		{ pageSize: 100, ...(options.limit !== undefined ? { limit: options.limit } : {}) },
	);
}

/** The Flow with exactly this name (names are unique within a WABA: flowsapi "Flow name is not unique"). */
export async function findFlowByName(client: GraphClient, wabaId: string, name: string): Promise<FlowNode | undefined> {
	for await (const flow of client.paginate<FlowNode>(`${wabaId}/flows`, { fields: FLOW_LIST_FIELDS.join(',') }, { pageSize: 100 })) {
		if (flow.name === name) return flow;
	}
	return undefined;
}

/** The download link of the Flow's current flow.json, or undefined when none was uploaded (flowsapi "List Assets"). */
export async function flowJsonDownloadUrl(client: GraphClient, flowId: string): Promise<string | undefined> {
	const assets = await client.listAll<{ name?: string; asset_type?: string; download_url?: string }>(`${flowId}/assets`);
	const asset = assets.find((item) => item.asset_type === 'FLOW_JSON') ?? assets[0];
	return typeof asset?.download_url === 'string' && asset.download_url !== '' ? asset.download_url : undefined;
}
