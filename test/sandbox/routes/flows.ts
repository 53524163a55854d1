// The Flows API (flows/reference/flowsapi; Meta's Postman collection "WhatsApp Flows API"):
//   POST /{waba-id}/flows            create (name, categories, flow_json?, publish?, clone_flow_id?, endpoint_uri?)
//   GET  /{waba-id}/flows            list, paged with Graph cursors
//   GET  /{flow-id}?fields=…         details, preview, metrics
//   POST /{flow-id}                  metadata update (name, categories, endpoint_uri, application_id)
//   DELETE /{flow-id}                only a DRAFT (else 139004)
// Assets, publish and deprecate are in flow-assets.ts and flow-lifecycle.ts.
import type { Principal } from '../auth';
import { flowError, invalidParameterWithTitle, parameterNotOneOf, parameterWrongType, permissionDenied, requiredParameter } from '../errors';
import { parseFieldsParam, selectFields } from '../fields';
import { flowStatusChanged } from '../flow-events';
import { isKnownFlowJsonVersion, DATA_API_VERSIONS } from '../flow-json-validator';
import { flowMetric, parseMetricField } from '../flow-metrics';
import { publishFlow } from '../flow-publish';
import { FLOW_DEFAULT_FIELDS, flowFields } from '../flow-views';
import { FLOW_CATEGORIES, type FlowRecord } from '../flows';
import { isRecord } from '../http-io';
import type { SandboxState } from '../state';
import type { GraphContext, GraphRoute } from './types';

/** flows/reference/flowsapi: "The Flow JSON file size must not exceed 10 MB". */
export const FLOW_JSON_MAX_BYTES = 10 * 1024 * 1024;

/** Managing a WABA's Flows needs a system-user or user token (whatsapp_business_management), not an app token. */
export function requireBusinessToken(principal: Principal): void {
	if (principal.kind !== 'user') throw permissionDenied();
}

export function readBooleanParam(value: unknown, name: string): boolean {
	if (value === undefined) return false;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw parameterWrongType(name, 'boolean');
}

function readName(value: unknown): string {
	if (value === undefined || value === '') throw requiredParameter('name');
	if (typeof value !== 'string') throw parameterWrongType('name', 'string');
	return value;
}

/** categories: a JSON array of FLOW_CATEGORIES, at least one (Postman "Create Flow"). */
export function readCategories(value: unknown): string[] {
	if (value === undefined || value === '') throw requiredParameter('categories');
	if (!Array.isArray(value) || value.length === 0) {
		throw invalidParameterWithTitle('Invalid categories', 'categories must be a non-empty JSON array, e.g. ["OTHER"].');
	}
	value.forEach((c, i) => {
		if (typeof c !== 'string' || !(FLOW_CATEGORIES as readonly string[]).includes(c)) {
			throw parameterNotOneOf(`categories[${i}]`, FLOW_CATEGORIES, String(c));
		}
	});
	return [...new Set(value as string[])];
}

/**
 * endpoint_uri: Meta requires an https URL; the sandbox also takes http so tests can point it at a local endpoint.
 */
export function readEndpointUri(value: unknown): string {
	if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/.test(value)) {
		throw invalidParameterWithTitle('Invalid endpoint_uri', 'endpoint_uri must be an absolute https URL.');
	}
	return value;
}

/** The Flow JSON text as sent: a string parameter (raw for form bodies), or an object a JSON body carried. */
export function readFlowJsonText(ctx: GraphContext, name: string): string | undefined {
	const raw = ctx.rawParams[name];
	if (raw !== undefined) return raw;
	const value = ctx.params[name];
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (isRecord(value)) return JSON.stringify(value, null, 2);
	throw parameterWrongType(name, 'string');
}

/**
 * Stores Flow JSON text after the checks the Flows API makes before validating: size (10 MB), and a version or
 * data_api_version Meta does not know (flows/reference/error-codes: 100 "Invalid Flow JSON version",
 * "Invalid Flow JSON data_api_version"). Returns the validation errors.
 */
export function storeFlowJson(state: SandboxState, flow: FlowRecord, text: string): unknown[] {
	if (Buffer.byteLength(text, 'utf8') > FLOW_JSON_MAX_BYTES) {
		throw invalidParameterWithTitle('Flow JSON is too large', `The Flow JSON file must not exceed ${FLOW_JSON_MAX_BYTES} bytes.`);
	}
	const previous = { text: flow.jsonText, analysis: flow.analysis, token: flow.assetToken };
	const analysis = state.flows.setJson(flow, text);
	const json = analysis.json;
	const restore = (): void => {
		flow.jsonText = previous.text;
		flow.analysis = previous.analysis;
		flow.assetToken = previous.token;
	};
	if (isRecord(json)) {
		if (typeof json.version === 'string' && !isKnownFlowJsonVersion(json.version)) {
			restore();
			throw invalidParameterWithTitle('Invalid Flow JSON version', `The Flow JSON version "${json.version}" isn't valid or has expired.`);
		}
		if (json.data_api_version !== undefined && !(DATA_API_VERSIONS as readonly unknown[]).includes(json.data_api_version)) {
			restore();
			throw invalidParameterWithTitle('Invalid Flow JSON data_api_version', `The data_api_version "${String(json.data_api_version)}" isn't valid.`);
		}
	}
	return analysis.errors;
}

/**
 * An edit of a PUBLISHED (or THROTTLED / BLOCKED) Flow: back to DRAFT, or 139001, per config.flows.publishedEdit
 * (see config.ts for Meta's two documents). A DEPRECATED Flow cannot be edited.
 */
export function beforeEdit(state: SandboxState, flow: FlowRecord): () => void {
	if (flow.status === 'DEPRECATED') {
		throw flowError(139001, "Flow can't be updated", 'A deprecated Flow cannot be updated; clone it with clone_flow_id.');
	}
	if (flow.status === 'DRAFT') return () => undefined;
	if (state.config.flows.publishedEdit === 'reject') {
		throw flowError(139001, "Flow can't be updated", 'You attempted to update a Flow that has already been published.');
	}
	const old = flow.status;
	return () => {
		flow.status = 'DRAFT';
		flowStatusChanged(state, flow, old);
	};
}

export const createFlow: GraphRoute<'whatsAppBusinessAccount'> = {
	method: 'POST',
	node: 'whatsAppBusinessAccount',
	edge: 'flows',
	source: 'flows/reference/flowsapi "Create a Flow"; Postman "Create Flow"',
	async handle(ctx) {
		requireBusinessToken(ctx.principal);
		const p = ctx.params;
		const name = readName(p.name);
		const categories = readCategories(p.categories);
		const endpointUri = p.endpoint_uri === undefined || p.endpoint_uri === '' ? undefined : readEndpointUri(p.endpoint_uri);
		const publish = readBooleanParam(p.publish, 'publish');
		let flowJson = readFlowJsonText(ctx, 'flow_json');
		let source: FlowRecord | undefined;
		if (p.clone_flow_id !== undefined && p.clone_flow_id !== '') {
			source = ctx.state.flows.get(String(p.clone_flow_id));
			if (!source || source.wabaId !== ctx.node.id) {
				throw invalidParameterWithTitle('Flow with specified ID does not exist', `No Flow ${String(p.clone_flow_id)} in this WhatsApp Business Account.`);
			}
			flowJson ??= source.jsonText;
		}
		if (publish && flowJson === undefined) throw requiredParameter('flow_json');
		if (ctx.state.flows.findByName(ctx.node.id, name)) {
			throw invalidParameterWithTitle('Flow name is not unique', 'Flow name should be unique within one WhatsApp Business Account.');
		}
		// The calling app is connected to the new Flow (guess: Meta connects the app of the token; application_id can change it).
		const flow = ctx.state.flows.create({
			wabaId: ctx.node.id,
			name,
			categories,
			endpointUri: endpointUri ?? source?.endpointUri,
			applicationId: ctx.state.seed.app.id,
		});
		let validationErrors: unknown[] | undefined;
		if (flowJson !== undefined) {
			try {
				validationErrors = storeFlowJson(ctx.state, flow, flowJson);
			} catch (error) {
				ctx.state.flows.delete(flow.id);
				throw error;
			}
		}
		// publish=true with validation errors leaves a DRAFT and reports the errors (guess: Meta's doc only says
		// publish "requires flow_json"); any other failed publishing check answers 139002, the DRAFT stays.
		if (publish && validationErrors !== undefined && validationErrors.length === 0) {
			await publishFlow(ctx.state, flow);
			flowStatusChanged(ctx.state, flow, 'DRAFT');
		}
		const body: Record<string, unknown> = { id: flow.id, success: true };
		if (validationErrors !== undefined) body.validation_errors = validationErrors;
		return { status: 200, body };
	},
};

function encodeCursor(index: number): string {
	return Buffer.from(`cursor:${index}`).toString('base64url');
}

function decodeCursor(value: unknown, name: string): number {
	const match = typeof value === 'string' ? /^cursor:(\d+)$/.exec(Buffer.from(value, 'base64url').toString()) : null;
	if (!match) throw invalidParameterWithTitle('Invalid cursor', `${name} is not a cursor this list returned.`);
	return Number(match[1]);
}

/**
 * Graph's cursor paging (graph-api/results): {data, paging: {cursors: {before, after}, previous?, next?}};
 * `limit` (default 25), `after`, `before`. Used by every list route.
 */
export function pageOf<T>(ctx: GraphContext, items: T[], path: string): { data: T[]; paging?: Record<string, unknown> } {
	const limitParam = ctx.params.limit;
	const limit = limitParam === undefined ? 25 : Number(limitParam);
	if (!Number.isInteger(limit) || limit < 1) throw invalidParameterWithTitle('Invalid limit', 'limit must be a positive integer.');
	let start = 0;
	if (ctx.params.after !== undefined) start = decodeCursor(ctx.params.after, 'after') + 1;
	else if (ctx.params.before !== undefined) start = Math.max(0, decodeCursor(ctx.params.before, 'before') - limit);
	const data = items.slice(start, start + limit);
	if (data.length === 0) return { data };
	const before = encodeCursor(start);
	const after = encodeCursor(start + data.length - 1);
	const paging: Record<string, unknown> = { cursors: { before, after } };
	const base = `${ctx.state.baseUrl}/${ctx.version}/${path}?limit=${limit}`;
	if (start > 0) paging.previous = `${base}&before=${before}`;
	if (start + data.length < items.length) paging.next = `${base}&after=${after}`;
	return { data, paging };
}

export const listFlows: GraphRoute<'whatsAppBusinessAccount'> = {
	method: 'GET',
	node: 'whatsAppBusinessAccount',
	edge: 'flows',
	source: 'flows/reference/flowsapi "List Flows"; Postman "List Flows"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const requested = parseFieldsParam(ctx.params.fields);
		const items = ctx.state.flows.list(ctx.node.id).map((flow) => {
			const all = flowFields(ctx.state, flow);
			if (requested === null) return selectFields(all, FLOW_DEFAULT_FIELDS, null, 'WhatsAppBusinessFlow');
			return selectFields(all, [], requested, 'WhatsAppBusinessFlow');
		});
		return { status: 200, body: pageOf(ctx, items, `${ctx.node.id}/flows`) };
	},
};

export const getFlow: GraphRoute<'flow'> = {
	method: 'GET',
	node: 'flow',
	edge: null,
	source: 'flows/reference/flowsapi "Retrieve Flow details"; Postman "Get Flow", "Get Preview URL", "Get Endpoint … Metric"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const flow = ctx.node.flow;
		const fieldsParam = typeof ctx.params.fields === 'string' ? ctx.params.fields : undefined;
		// preview.invalidate(true) makes a new preview link (Postman "Get Preview URL").
		if (fieldsParam !== undefined && /preview\.invalidate\(\s*true\s*\)/.test(fieldsParam)) ctx.state.flows.invalidatePreview(flow);
		const metric = parseMetricField(fieldsParam);
		const all = flowFields(ctx.state, flow);
		if (metric !== null) all.metric = flowMetric(flow, metric);
		const requested = parseFieldsParam(fieldsParam);
		const body = selectFields(all, FLOW_DEFAULT_FIELDS, requested, ctx.node.typeName);
		return { status: 200, body };
	},
};

export const updateFlowMetadata: GraphRoute<'flow'> = {
	method: 'POST',
	node: 'flow',
	edge: null,
	source: 'flows/reference/flowsapi "Update Flow Metadata"; Postman "Update Flow Metadata"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const flow = ctx.node.flow;
		const p = ctx.params;
		const name = p.name === undefined ? undefined : readName(p.name);
		const categories = p.categories === undefined ? undefined : readCategories(p.categories);
		const endpointUri = p.endpoint_uri === undefined ? undefined : readEndpointUri(p.endpoint_uri);
		let applicationId: string | undefined;
		if (p.application_id !== undefined) {
			applicationId = String(p.application_id);
			if (applicationId !== ctx.state.seed.app.id) {
				throw invalidParameterWithTitle('Invalid application_id', `Application ${applicationId} does not exist or cannot be connected.`);
			}
		}
		if (name !== undefined && name !== flow.name && ctx.state.flows.findByName(flow.wabaId, name)) {
			throw invalidParameterWithTitle('Flow name is not unique', 'Flow name should be unique within one WhatsApp Business Account.');
		}
		const afterEdit = beforeEdit(ctx.state, flow);
		if (name !== undefined) flow.name = name;
		if (categories !== undefined) flow.categories = categories;
		if (endpointUri !== undefined) flow.endpointUri = endpointUri;
		if (applicationId !== undefined) flow.applicationId = applicationId;
		flow.updatedAt = new Date().toISOString();
		afterEdit();
		return { status: 200, body: { success: true } };
	},
};

export const deleteFlow: GraphRoute<'flow'> = {
	method: 'DELETE',
	node: 'flow',
	edge: null,
	source: 'flows/reference/flowsapi "Delete Flow" (DRAFT only); flows/reference/error-codes 139004; Postman "Delete Flow"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const flow = ctx.node.flow;
		if (flow.status !== 'DRAFT') {
			throw flowError(139004, 'Flow failed to delete', `Can't delete a ${flow.status} Flow: only a DRAFT Flow can be deleted.`);
		}
		ctx.state.flows.delete(flow.id);
		return { status: 200, body: { success: true } };
	},
};
