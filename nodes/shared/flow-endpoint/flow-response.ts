import type { FlowRequestEncryptionContext } from './request-handler';
import { readResponseCacheRef } from './response-cache';

// The endpoint's answers to INIT / BACK / data_exchange (Meta: flows/guides/implementingyourflowendpoint):
// - next screen:      {"screen": "<SCREEN_ID>", "data": {...}}
// - errors on screen: the current screen again with data the Flow JSON binds to its components, e.g. a Form's
//                     "error-messages": "${data.error_messages}" or a component's "error-message"; `error_message`
//                     is the general message of the data_exchange answer
// - completion:       {"screen": "SUCCESS", "data": {"extension_message_response": {"params": {"flow_token": ..., ...}}}};
//                     the params come back to the business in the nfm_reply webhook's response_json.

/** Flow JSON screen ids: letters and underscores only; "SUCCESS" is reserved for completion (flows/reference/flowjson). */
export const SCREEN_ID_PATTERN = /^[A-Za-z_]+$/;
export const SUCCESS_SCREEN = 'SUCCESS';
/** The data key our field-error answers use by default; bind it in Flow JSON as "error-messages": "${data.error_messages}". */
export const DEFAULT_FIELD_ERRORS_KEY = 'error_messages';
const DATA_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type FlowScreenResponse = { screen: string; data: Record<string, unknown> };

/** A response whose shape does not fit Meta's protocol; the message says what to fix. */
export class FlowResponseShapeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FlowResponseShapeError';
	}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireScreenId(screen: unknown, what: string): string {
	if (typeof screen !== 'string' || screen.trim().length === 0) throw new FlowResponseShapeError(`${what}: the screen id is empty`);
	const id = screen.trim();
	if (!SCREEN_ID_PATTERN.test(id)) {
		throw new FlowResponseShapeError(`${what}: "${id.slice(0, 80)}" is not a screen id (Flow JSON screen ids contain only letters and underscores)`);
	}
	return id;
}

function requireData(data: unknown, what: string): Record<string, unknown> {
	if (data === undefined || data === null) return {};
	if (!isPlainObject(data)) throw new FlowResponseShapeError(`${what}: the screen data must be a JSON object`);
	return data;
}

/** {screen, data}: the next screen (any screen of the flow but SUCCESS, which belongs to completion). */
export function nextScreenResponse(screen: unknown, data: unknown): FlowScreenResponse {
	const id = requireScreenId(screen, 'Next screen');
	if (id === SUCCESS_SCREEN) throw new FlowResponseShapeError('Next screen: use "Complete the Flow" to answer with the SUCCESS screen');
	return { screen: id, data: requireData(data, 'Next screen') };
}

export interface FieldErrorsInput {
	/** The screen to show again: normally the request's screen. */
	screen: unknown;
	/** The general message (`data.error_message`). */
	errorMessage?: string;
	/** field name → message, put under `fieldErrorsKey` for the Flow JSON to bind. */
	fieldErrors?: Record<string, string>;
	fieldErrorsKey?: string;
	/** More screen data (e.g. the values to show again). */
	data?: unknown;
}

/** The current screen again, with the errors the Flow JSON binds. */
export function fieldErrorsResponse(input: FieldErrorsInput): FlowScreenResponse {
	const what = 'Field errors';
	const screen = requireScreenId(input.screen, what);
	if (screen === SUCCESS_SCREEN) throw new FlowResponseShapeError(`${what}: errors cannot be shown on the SUCCESS screen`);
	const data = { ...requireData(input.data, what) };
	const key = (input.fieldErrorsKey ?? DEFAULT_FIELD_ERRORS_KEY).trim() || DEFAULT_FIELD_ERRORS_KEY;
	if (!DATA_KEY_PATTERN.test(key)) throw new FlowResponseShapeError(`${what}: "${key}" is not a valid data key`);
	const fieldErrors = input.fieldErrors ?? {};
	for (const [field, message] of Object.entries(fieldErrors)) {
		if (field.trim().length === 0) throw new FlowResponseShapeError(`${what}: a field error has no field name`);
		if (typeof message !== 'string' || message.length === 0) throw new FlowResponseShapeError(`${what}: the error of "${field}" is empty`);
	}
	const errorMessage = input.errorMessage?.trim() ?? '';
	if (errorMessage.length === 0 && Object.keys(fieldErrors).length === 0) {
		throw new FlowResponseShapeError(`${what}: give an error message, field errors, or both`);
	}
	if (Object.keys(fieldErrors).length > 0) data[key] = fieldErrors;
	if (errorMessage.length > 0) data.error_message = errorMessage;
	return { screen, data };
}

/** Completion: SUCCESS with extension_message_response.params, the request's flow_token always included. */
export function completeResponse(flowToken: unknown, params: unknown): FlowScreenResponse {
	if (typeof flowToken !== 'string' || flowToken.length === 0) {
		throw new FlowResponseShapeError('Complete: the request carries no flow_token to return');
	}
	const extra = requireData(params, 'Complete');
	if (extra.flow_token !== undefined && extra.flow_token !== flowToken) {
		throw new FlowResponseShapeError('Complete: params.flow_token must be the request\'s flow_token; leave it out, it is added for you');
	}
	return { screen: SUCCESS_SCREEN, data: { extension_message_response: { params: { ...extra, flow_token: flowToken } } } };
}

/** A response written by hand: a JSON object; a screen, when given, must be a screen id, and SUCCESS must carry params.flow_token. */
export function checkCustomResponse(response: unknown): Record<string, unknown> {
	const what = 'Custom response';
	if (!isPlainObject(response)) throw new FlowResponseShapeError(`${what}: the response must be a JSON object`);
	if (response.data !== undefined) requireData(response.data, what);
	if (response.screen !== undefined) {
		const screen = requireScreenId(response.screen, what);
		if (screen === SUCCESS_SCREEN) {
			const extension = isPlainObject(response.data) ? response.data.extension_message_response : undefined;
			const params = isPlainObject(extension) ? extension.params : undefined;
			if (!isPlainObject(params) || typeof params.flow_token !== 'string' || params.flow_token.length === 0) {
				throw new FlowResponseShapeError(`${what}: a SUCCESS answer needs data.extension_message_response.params.flow_token`);
			}
		}
	}
	return response;
}

/** A JSON parameter as n8n hands it over: text to parse, or an object an expression produced; empty text is {}. */
export function parseJsonParameter(value: unknown, label: string): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim().length === 0) return {};
	let parsed: { value: unknown } | undefined;
	try {
		parsed = { value: JSON.parse(value) as unknown };
	} catch {
		parsed = undefined;
	}
	if (parsed === undefined) throw new FlowResponseShapeError(`${label} is not valid JSON`);
	return parsed.value;
}

/** The encryption context the trigger stored in its output, or undefined when `value` is not one. */
export function readEncryptionContext(value: unknown): FlowRequestEncryptionContext | { answeredByTrigger: true } | undefined {
	if (!isPlainObject(value)) return undefined;
	if (value.answeredByTrigger === true) return { answeredByTrigger: true };
	const { encryptedAesKey, initialVector } = value;
	if (typeof encryptedAesKey !== 'string' || typeof initialVector !== 'string') return undefined;
	if (encryptedAesKey.length === 0 || initialVector.length === 0) return undefined;
	const responseCache = readResponseCacheRef(value.responseCache);
	return { encryptedAesKey, initialVector, ...(responseCache === undefined ? {} : { responseCache }) };
}
