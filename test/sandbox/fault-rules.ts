// Fault rules: what `POST /__sandbox/faults` accepts, checked strictly so a typo never silently does nothing.

export interface FaultInput {
	/** Start from a preset (FAULT_PRESETS); the other fields override it. */
	preset?: FaultPresetName;
	/** HTTP method to match (any when absent). */
	method?: string;
	/**
	 * Regular expression tested against the request path with its version and without the query,
	 * e.g. "/messages$" matches "/v21.0/300000000000001/messages" (any path when absent).
	 */
	pathPattern?: string;
	/** Delay before the fault (or before normal handling when the rule has no other effect). */
	latencyMs?: number;
	/** HTTP status of the error answer. */
	status?: number;
	/** Meta error code of the error answer (e.g. 130429). */
	errorCode?: number;
	errorSubcode?: number;
	message?: string;
	/** error_data.details of the error answer. */
	details?: string;
	/** Probability that a matching request is faulted, drawn from the seeded generator. Default 1. */
	rate?: number;
	/** Apply this many times, then remove the rule. */
	times?: number;
	/** Never answer: destroy the socket after latencyMs, or hold it open when latencyMs is absent. */
	timeout?: boolean;
	/** Reset the TCP connection (after latencyMs, if given). */
	resetConnection?: boolean;
}

export interface FaultRule {
	id: string;
	input: FaultInput;
	pathRegex: RegExp | null;
	/** Applications left before the rule removes itself; null = unlimited. */
	remaining: number | null;
}

/** The public view of a rule (GET /__sandbox/faults). */
export interface FaultRuleView extends FaultInput {
	id: string;
	remaining: number | null;
}

export type FaultPresetName =
	| 'server-error'
	| 'service-unavailable'
	| 'something-went-wrong'
	| 'throughput'
	| 'pair-rate'
	| 'app-rate-limit'
	| 'timeout'
	| 'reset';

/**
 * Ready-made faults. Codes and HTTP statuses follow cloud-api/support/error-codes and graph-api/guides/error-handling:
 * - server-error: HTTP 500, code 1 "API Unknown" (temporary; retry).
 * - service-unavailable: HTTP 503, code 2 "API Service" (temporary downtime or overload).
 * - something-went-wrong: HTTP 500, code 131000.
 * - throughput: code 130429 "Rate limit hit" (Cloud API throughput reached) — HTTP 400, as the doc lists every
 *   throttling error (4, 80007, 130429, 131048, 131056) under 400 Bad Request, not 429.
 * - pair-rate: code 131056, HTTP 400 (one business number → one user, see cloud-api/overview throughput).
 * - app-rate-limit: code 4, HTTP 400.
 * - timeout: hold the request open without an answer. - reset: reset the TCP connection.
 */
export const FAULT_PRESETS: Readonly<Record<FaultPresetName, FaultInput>> = {
	'server-error': { status: 500, errorCode: 1 },
	'service-unavailable': { status: 503, errorCode: 2 },
	'something-went-wrong': { status: 500, errorCode: 131000 },
	throughput: { status: 400, errorCode: 130429 },
	'pair-rate': { status: 400, errorCode: 131056 },
	'app-rate-limit': { status: 400, errorCode: 4 },
	timeout: { timeout: true },
	reset: { resetConnection: true },
};

export class FaultInputError extends Error {}

const KEYS: ReadonlySet<string> = new Set([
	'preset', 'method', 'pathPattern', 'latencyMs', 'status', 'errorCode', 'errorSubcode', 'message', 'details',
	'rate', 'times', 'timeout', 'resetConnection',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integer(value: unknown, name: string, min: number, max: number): number | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw new FaultInputError(`${name} must be an integer from ${min} to ${max}`);
	}
	return value;
}

function text(value: unknown, name: string): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || value === '') throw new FaultInputError(`${name} must be a non-empty string`);
	return value;
}

function flag(value: unknown, name: string): boolean | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw new FaultInputError(`${name} must be a boolean`);
	return value;
}

function isPresetName(value: string): value is FaultPresetName {
	return Object.prototype.hasOwnProperty.call(FAULT_PRESETS, value);
}

/** Validates a request body into a FaultInput (preset merged in); throws FaultInputError with a readable reason. */
export function parseFaultInput(body: unknown): FaultInput {
	if (!isRecord(body)) throw new FaultInputError('a fault is a JSON object');
	for (const key of Object.keys(body)) {
		if (!KEYS.has(key)) throw new FaultInputError(`unknown fault field "${key}"`);
	}
	let base: FaultInput = {};
	const presetName = text(body.preset, 'preset');
	if (presetName !== undefined) {
		if (!isPresetName(presetName)) {
			throw new FaultInputError(`unknown preset "${presetName}"; one of ${Object.keys(FAULT_PRESETS).join(', ')}`);
		}
		base = { preset: presetName, ...FAULT_PRESETS[presetName] };
	}
	const own: FaultInput = {
		method: text(body.method, 'method')?.toUpperCase(),
		pathPattern: text(body.pathPattern, 'pathPattern'),
		latencyMs: integer(body.latencyMs, 'latencyMs', 0, 600_000),
		status: integer(body.status, 'status', 200, 599),
		errorCode: integer(body.errorCode, 'errorCode', 0, Number.MAX_SAFE_INTEGER),
		errorSubcode: integer(body.errorSubcode, 'errorSubcode', 0, Number.MAX_SAFE_INTEGER),
		message: text(body.message, 'message'),
		details: text(body.details, 'details'),
		times: integer(body.times, 'times', 1, Number.MAX_SAFE_INTEGER),
		timeout: flag(body.timeout, 'timeout'),
		resetConnection: flag(body.resetConnection, 'resetConnection'),
	};
	if (body.rate !== undefined) {
		if (typeof body.rate !== 'number' || !(body.rate >= 0 && body.rate <= 1)) {
			throw new FaultInputError('rate must be a number from 0 to 1');
		}
		own.rate = body.rate;
	}
	const given = Object.fromEntries(Object.entries(own).filter(([, value]) => value !== undefined));
	const input: FaultInput = { ...base, ...given };

	if (input.pathPattern !== undefined) {
		try {
			new RegExp(input.pathPattern);
		} catch {
			throw new FaultInputError(`pathPattern is not a valid regular expression: ${input.pathPattern}`);
		}
	}
	const answers = input.status !== undefined || input.errorCode !== undefined;
	if (input.timeout === true && input.resetConnection === true) {
		throw new FaultInputError('timeout and resetConnection exclude each other');
	}
	if ((input.timeout === true || input.resetConnection === true) && answers) {
		throw new FaultInputError('a timeout or a connection reset sends no status or error code');
	}
	if (!answers && input.timeout !== true && input.resetConnection !== true && input.latencyMs === undefined) {
		throw new FaultInputError('a fault needs an effect: latencyMs, status, errorCode, timeout or resetConnection');
	}
	return input;
}

export function createFaultRule(id: string, input: FaultInput): FaultRule {
	return {
		id,
		input,
		pathRegex: input.pathPattern === undefined ? null : new RegExp(input.pathPattern),
		remaining: input.times ?? null,
	};
}

export function viewFaultRule(rule: FaultRule): FaultRuleView {
	return { id: rule.id, ...rule.input, remaining: rule.remaining };
}

/** Whether the rule's method and path match (the rate is drawn separately). */
export function faultMatches(rule: FaultRule, method: string, path: string): boolean {
	if (rule.input.method !== undefined && rule.input.method !== method.toUpperCase()) return false;
	return rule.pathRegex === null || rule.pathRegex.test(path);
}

/** Whether the rule answers (or drops) the request itself, rather than only delaying it. */
export function faultIsTerminal(input: FaultInput): boolean {
	return (
		input.timeout === true ||
		input.resetConnection === true ||
		input.status !== undefined ||
		input.errorCode !== undefined
	);
}
