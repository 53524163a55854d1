// Flows the sandbox holds (flows/reference/flowsapi): metadata, the current Flow JSON asset with its validation
// result, status, preview token, endpoint requests (for the metrics) and publishing health checks.
import { randomBytes } from 'node:crypto';
import { analyseFlowJson, type FlowJsonAnalysis } from './flow-json-validator';

/** flows/reference/flowsapi "status"; flows/guides/lifecycle. */
export type FlowStatus = 'DRAFT' | 'PUBLISHED' | 'DEPRECATED' | 'BLOCKED' | 'THROTTLED';

/** flows/reference/flowsapi "categories" (also the Postman request "Create Flow"). */
export const FLOW_CATEGORIES = [
	'SIGN_UP', 'SIGN_IN', 'APPOINTMENT_BOOKING', 'LEAD_GENERATION', 'CONTACT_US', 'CUSTOMER_SUPPORT', 'SURVEY', 'OTHER',
] as const;

/** One request to the Flow's endpoint (a publishing ping, or one the simulated client made), for the Metrics API. */
export interface EndpointRequestRecord {
	at: string;
	ok: boolean;
	latencyMs: number;
	/** For ENDPOINT_REQUEST_ERROR keys, e.g. "timeout_error", "unexpected_http_status_code" (Postman example). */
	errorKind?: string;
}

/** One `ping` the sandbox sent while publishing, with what it found. */
export interface HealthCheckRecord {
	at: string;
	flowId: string;
	endpointUri: string;
	phoneNumberId: string;
	/** The request as sent (body and headers), so tests can check it. */
	request: { headers: Record<string, string>; body: string };
	status: number | null;
	/** The endpoint's answer text (base64), if any. */
	responseText?: string;
	/** The decrypted answer, when it could be decrypted. */
	decrypted?: unknown;
	ok: boolean;
	/** Why it failed, in words. */
	problem?: string;
}

export interface FlowRecord {
	id: string;
	wabaId: string;
	name: string;
	categories: string[];
	status: FlowStatus;
	endpointUri?: string;
	/** The Meta app connected to the Flow (it signs endpoint requests); null = none. */
	applicationId: string | null;
	/** The uploaded flow.json text, exactly as received. */
	jsonText?: string;
	/**
	 * The Flow JSON as last published. Messages sent before an edit keep showing it (flows/reference/lifecycle:
	 * editing returns the Flow to DRAFT; "Old messages will have previous content, but the new messages will reflect
	 * the changes").
	 */
	publishedJsonText?: string;
	analysis?: FlowJsonAnalysis;
	/** Random part of the asset download URL; changes with every upload. */
	assetToken: string;
	previewToken: string;
	previewExpiresAt: Date;
	createdAt: string;
	updatedAt: string;
	endpointRequests: EndpointRequestRecord[];
	/** When messages opening this Flow were accepted (ms), for the THROTTLED limit of 10 an hour. */
	sends: number[];
}

/** Meta's preview links expire after 30 days (flows/reference/flowsapi "preview": expires_at). */
const PREVIEW_LIFETIME_MS = 30 * 24 * 3600 * 1000;

function token(): string {
	return randomBytes(12).toString('base64url');
}

export class FlowStore {
	private readonly flows = new Map<string, FlowRecord>();
	private seq = 0;
	readonly healthChecks: HealthCheckRecord[] = [];

	/** Flow ids are numeric strings like Meta's; 16 digits starting with 5 so they never collide with seeded ids. */
	private nextId(): string {
		this.seq += 1;
		return `5${String(this.seq).padStart(15, '0')}`;
	}

	create(input: { wabaId: string; name: string; categories: string[]; endpointUri?: string; applicationId: string | null }): FlowRecord {
		const now = new Date().toISOString();
		const flow: FlowRecord = {
			id: this.nextId(),
			wabaId: input.wabaId,
			name: input.name,
			categories: [...input.categories],
			status: 'DRAFT',
			applicationId: input.applicationId,
			assetToken: token(),
			previewToken: token(),
			previewExpiresAt: new Date(Date.now() + PREVIEW_LIFETIME_MS),
			createdAt: now,
			updatedAt: now,
			endpointRequests: [],
			sends: [],
		};
		if (input.endpointUri !== undefined) flow.endpointUri = input.endpointUri;
		this.flows.set(flow.id, flow);
		return flow;
	}

	get(id: string): FlowRecord | undefined {
		return this.flows.get(id);
	}

	/** Flows of a WABA in creation order (the Postman example "List Flows" lists flow-1, flow-2, flow-3). */
	list(wabaId: string): FlowRecord[] {
		return [...this.flows.values()].filter((f) => f.wabaId === wabaId);
	}

	findByName(wabaId: string, name: string): FlowRecord | undefined {
		return [...this.flows.values()].find((f) => f.wabaId === wabaId && f.name === name);
	}

	delete(id: string): boolean {
		return this.flows.delete(id);
	}

	setJson(flow: FlowRecord, text: string): FlowJsonAnalysis {
		flow.jsonText = text;
		flow.analysis = analyseFlowJson(text);
		flow.assetToken = token();
		flow.updatedAt = new Date().toISOString();
		return flow.analysis;
	}

	/** PUBLISHED, remembering the JSON published (what messages in published mode open from now on). */
	markPublished(flow: FlowRecord): void {
		flow.status = 'PUBLISHED';
		flow.publishedJsonText = flow.jsonText;
	}

	invalidatePreview(flow: FlowRecord): void {
		flow.previewToken = token();
		flow.previewExpiresAt = new Date(Date.now() + PREVIEW_LIFETIME_MS);
	}

	/** Adds endpoint requests for the Metrics API (the simulated client calls this for each request it makes). */
	recordEndpointRequest(flowId: string, record: Omit<EndpointRequestRecord, 'at'> & { at?: string }): boolean {
		const flow = this.flows.get(flowId);
		if (!flow) return false;
		flow.endpointRequests.push({ ...record, at: record.at ?? new Date().toISOString() });
		return true;
	}

	all(): FlowRecord[] {
		return [...this.flows.values()];
	}

	clear(): void {
		this.flows.clear();
		this.healthChecks.length = 0;
		this.seq = 0;
	}
}

/** Whether a Flow talks to an endpoint: it declares data_api_version or uses data_exchange (flows/guides/flowsapi). */
export function isEndpointFlow(flow: FlowRecord): boolean {
	return flow.analysis !== undefined && (flow.analysis.dataApiVersion !== undefined || flow.analysis.usesDataExchange);
}
