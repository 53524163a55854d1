// type "interactive": reply buttons, lists and Flows (cloud-api/reference/messages "Interactive object";
// cloud-api/guides/send-message-types interactive list / reply buttons; flows/guides/sendingaflow; Postman
// "Send Reply Button", "Send List Message", "Send Draft Flow by Name/ID", "Send Published Flow by Name/ID").
import {
	GraphError,
	invalidParameterWithDetails,
	notSimulated,
	parameterNotOneOf,
	parameterTooLong,
	parameterWrongType,
	requiredParameter,
} from '../errors';
import type { FlowRecord } from '../flows';
import { isRecord } from '../http-io';
import type { GraphContext } from '../routes/types';
import { chars, present, type MessageValidator } from './types';

/** Limits from cloud-api/reference/messages (interactive object, section / row objects). */
export const INTERACTIVE_LIMITS = {
	headerText: 60,
	bodyText: 1024,
	/** messages/interactive-list-messages (updated Nov 2025): a list's body text holds "Maximum 4096 characters". */
	listBodyText: 4096,
	footerText: 60,
	buttonsMin: 1,
	buttonsMax: 3,
	replyId: 256,
	replyTitle: 20,
	listButton: 20,
	sectionsMax: 10,
	sectionTitle: 24,
	rowsMax: 10,
	rowId: 200,
	rowTitle: 24,
	rowDescription: 72,
	/** flows/guides/sendingaflow: flow_cta "Character limit - 30 characters" (not confirmed against the live page). */
	flowCta: 30,
} as const;

/** Meta's window for throttled Flows: 10 messages per hour (flows/guides/healthmonitoring). */
export const THROTTLED_FLOW_SENDS_PER_HOUR = 10;

function text(value: unknown, name: string, max: number, required: boolean): string | undefined {
	if (!present(value)) {
		if (required) throw requiredParameter(name);
		return undefined;
	}
	if (typeof value !== 'string') throw parameterWrongType(name, 'string');
	if (chars(value) > max) throw parameterTooLong(name, max);
	return value;
}

function sendingError(code: number, message: string, details: string): GraphError {
	return new GraphError(400, { message: `(#${code}) ${message}`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details } });
}

/** Whether the Flow can be sent now (flows/guides/healthmonitoring; cloud-api/support/error-codes 132068, 132069). */
export function checkFlowSendable(flow: FlowRecord, mode: 'draft' | 'published'): void {
	if (flow.status === 'BLOCKED') throw sendingError(132068, 'Flow is in blocked state', `Flow ${flow.id} is blocked.`);
	if (flow.status === 'DEPRECATED') throw invalidParameterWithDetails(`Flow ${flow.id} is deprecated and cannot be sent.`);
	if (mode === 'published' && flow.status === 'DRAFT') {
		throw invalidParameterWithDetails(`Flow ${flow.id} is a DRAFT: send it with "mode": "draft", or publish it.`);
	}
	if (mode === 'published' && flow.status === 'THROTTLED') {
		const hourAgo = Date.now() - 3600_000;
		if (flow.sends.filter((t) => t > hourAgo).length >= THROTTLED_FLOW_SENDS_PER_HOUR) {
			throw sendingError(132069, 'Flow is in throttled state', `Flow ${flow.id} is throttled and ${THROTTLED_FLOW_SENDS_PER_HOUR} messages using it were already sent in the last hour.`);
		}
	}
}

function validateHeader(header: unknown): void {
	if (header === undefined) return;
	if (!isRecord(header)) throw parameterWrongType("interactive['header']", 'object');
	const type = String(header.type);
	if (!['text', 'image', 'video', 'document'].includes(type)) throw parameterNotOneOf("interactive['header']['type']", ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT'], type);
	if (type === 'text') text(header.text, "interactive['header']['text']", INTERACTIVE_LIMITS.headerText, true);
}

function validateButtons(action: Record<string, unknown>): void {
	const buttons = action.buttons;
	if (!Array.isArray(buttons) || buttons.length < INTERACTIVE_LIMITS.buttonsMin) throw requiredParameter("interactive['action']['buttons']");
	if (buttons.length > INTERACTIVE_LIMITS.buttonsMax) {
		throw invalidParameterWithDetails(`interactive['action']['buttons'] may hold at most ${INTERACTIVE_LIMITS.buttonsMax} buttons`);
	}
	const ids = new Set<string>();
	const titles = new Set<string>();
	buttons.forEach((b, i) => {
		const at = `interactive['action']['buttons'][${i}]`;
		if (!isRecord(b) || b.type !== 'reply' || !isRecord(b.reply)) throw invalidParameterWithDetails(`${at} must be {"type": "reply", "reply": {"id", "title"}}`);
		const id = text(b.reply.id, `${at}['reply']['id']`, INTERACTIVE_LIMITS.replyId, true) as string;
		const title = text(b.reply.title, `${at}['reply']['title']`, INTERACTIVE_LIMITS.replyTitle, true) as string;
		if (ids.has(id)) throw invalidParameterWithDetails(`Button ids must be unique; "${id}" is repeated`);
		if (titles.has(title)) throw invalidParameterWithDetails(`Button titles must be unique; "${title}" is repeated`);
		ids.add(id);
		titles.add(title);
	});
}

function validateList(action: Record<string, unknown>): void {
	text(action.button, "interactive['action']['button']", INTERACTIVE_LIMITS.listButton, true);
	const sections = action.sections;
	if (!Array.isArray(sections) || sections.length === 0) throw requiredParameter("interactive['action']['sections']");
	if (sections.length > INTERACTIVE_LIMITS.sectionsMax) throw invalidParameterWithDetails(`A list may have at most ${INTERACTIVE_LIMITS.sectionsMax} sections`);
	let rows = 0;
	const ids = new Set<string>();
	sections.forEach((section, s) => {
		const at = `interactive['action']['sections'][${s}]`;
		if (!isRecord(section)) throw parameterWrongType(at, 'object');
		text(section.title, `${at}['title']`, INTERACTIVE_LIMITS.sectionTitle, sections.length > 1);
		if (!Array.isArray(section.rows) || section.rows.length === 0) throw requiredParameter(`${at}['rows']`);
		section.rows.forEach((row, r) => {
			const rowAt = `${at}['rows'][${r}]`;
			if (!isRecord(row)) throw parameterWrongType(rowAt, 'object');
			const id = text(row.id, `${rowAt}['id']`, INTERACTIVE_LIMITS.rowId, true) as string;
			text(row.title, `${rowAt}['title']`, INTERACTIVE_LIMITS.rowTitle, true);
			text(row.description, `${rowAt}['description']`, INTERACTIVE_LIMITS.rowDescription, false);
			if (ids.has(id)) throw invalidParameterWithDetails(`Row ids must be unique; "${id}" is repeated`);
			ids.add(id);
			rows += 1;
		});
	});
	if (rows > INTERACTIVE_LIMITS.rowsMax) throw invalidParameterWithDetails(`A list may have at most ${INTERACTIVE_LIMITS.rowsMax} rows in all; got ${rows}`);
}

/** Screen ids of a Flow's JSON (for flow_action_payload.screen). */
function screenIds(flow: FlowRecord): string[] {
	const json = flow.analysis?.json;
	const screens = isRecord(json) && Array.isArray(json.screens) ? json.screens : [];
	return screens.filter(isRecord).map((s) => String(s.id));
}

function validateFlow(action: Record<string, unknown>, ctx: GraphContext): void {
	const at = "interactive['action']";
	if (action.name !== 'flow') throw parameterNotOneOf(`${at}['name']`, ['FLOW'], String(action.name));
	const p = action.parameters;
	if (!isRecord(p)) throw requiredParameter(`${at}['parameters']`);
	const pAt = `${at}['parameters']`;
	if (!present(p.flow_message_version)) throw requiredParameter(`${pAt}['flow_message_version']`);
	if (String(p.flow_message_version) !== '3') throw parameterNotOneOf(`${pAt}['flow_message_version']`, ['3'], String(p.flow_message_version));
	text(p.flow_cta, `${pAt}['flow_cta']`, INTERACTIVE_LIMITS.flowCta, true);
	if (p.flow_token !== undefined && typeof p.flow_token !== 'string') throw parameterWrongType(`${pAt}['flow_token']`, 'string');
	const hasId = present(p.flow_id);
	const hasName = present(p.flow_name);
	if (hasId === hasName) throw invalidParameterWithDetails('Exactly one of flow_id or flow_name is required');
	const mode = p.mode === undefined ? 'published' : String(p.mode);
	if (mode !== 'draft' && mode !== 'published') throw parameterNotOneOf(`${pAt}['mode']`, ['DRAFT', 'PUBLISHED'], mode);
	const flowAction = p.flow_action === undefined ? 'navigate' : String(p.flow_action);
	if (flowAction !== 'navigate' && flowAction !== 'data_exchange') throw parameterNotOneOf(`${pAt}['flow_action']`, ['NAVIGATE', 'DATA_EXCHANGE'], flowAction);

	const flow = hasId
		? ctx.state.flows.get(String(p.flow_id))
		: ctx.state.flows.findByName(ctx.state.seed.wabaId, String(p.flow_name));
	if (!flow || flow.wabaId !== ctx.state.seed.wabaId) {
		throw invalidParameterWithDetails(hasId ? `Flow with id ${String(p.flow_id)} does not exist` : `Flow with name "${String(p.flow_name)}" does not exist`);
	}
	checkFlowSendable(flow, mode);

	// flow_action_payload: for navigate {screen, data?}; omitted for data_exchange (flows/guides/sendingaflow).
	const payload = p.flow_action_payload;
	if (flowAction === 'data_exchange') {
		if (payload !== undefined) throw invalidParameterWithDetails('flow_action_payload must be omitted when flow_action is data_exchange');
		return;
	}
	if (payload === undefined) return;
	if (!isRecord(payload)) throw parameterWrongType(`${pAt}['flow_action_payload']`, 'object');
	if (!present(payload.screen)) throw requiredParameter(`${pAt}['flow_action_payload']['screen']`);
	if (!screenIds(flow).includes(String(payload.screen))) {
		throw invalidParameterWithDetails(`Screen "${String(payload.screen)}" does not exist in Flow ${flow.id}`);
	}
	if (payload.data !== undefined && (!isRecord(payload.data) || Object.keys(payload.data).length === 0)) {
		throw invalidParameterWithDetails('flow_action_payload.data must be a non-empty object when given');
	}
}

/** The Flow an accepted interactive flow message opens (after validation), for recording sends. */
export function flowOf(interactive: Record<string, unknown>, ctx: GraphContext): FlowRecord | undefined {
	const action = isRecord(interactive.action) ? interactive.action : {};
	const p = isRecord(action.parameters) ? action.parameters : {};
	return present(p.flow_id) ? ctx.state.flows.get(String(p.flow_id)) : ctx.state.flows.findByName(ctx.state.seed.wabaId, String(p.flow_name));
}

export const validateInteractive: MessageValidator = (interactive, ctx) => {
	if (!isRecord(interactive)) throw requiredParameter('interactive');
	const type = String(interactive.type);
	const simulated = ['button', 'list', 'flow'];
	if (!present(interactive.type)) throw requiredParameter("interactive['type']");
	if (!simulated.includes(type)) {
		const known = ['button', 'list', 'flow', 'cta_url', 'product', 'product_list', 'catalog_message', 'location_request_message', 'address_message'];
		if (known.includes(type)) throw notSimulated(`interactive type "${type}"`);
		throw parameterNotOneOf("interactive['type']", known.map((k) => k.toUpperCase()), type);
	}
	validateHeader(interactive.header);
	if (!isRecord(interactive.body)) throw requiredParameter("interactive['body']");
	text(interactive.body.text, "interactive['body']['text']", type === 'list' ? INTERACTIVE_LIMITS.listBodyText : INTERACTIVE_LIMITS.bodyText, true);
	if (interactive.footer !== undefined) {
		if (!isRecord(interactive.footer)) throw parameterWrongType("interactive['footer']", 'object');
		text(interactive.footer.text, "interactive['footer']['text']", INTERACTIVE_LIMITS.footerText, true);
	}
	if (!isRecord(interactive.action)) throw requiredParameter("interactive['action']");
	if (type === 'button') validateButtons(interactive.action);
	else if (type === 'list') validateList(interactive.action);
	else validateFlow(interactive.action, ctx);
	return { object: interactive, freeForm: true, category: 'service' };
};
