import { createHash } from 'node:crypto';
import { SUCCESS_SCREEN } from './flow-response';

// The opt-in response cache of the Flow endpoint: answers that are the same for everyone (an INIT screen listing
// departments, a data_exchange keyed by the chosen department) are answered from the shared store without starting
// an execution. A cache key is made only of the action, the screen and the data fields the user names; the flow
// token and the user's number are never part of it, and answers that could be personal are never stored:
// completions (they carry the flow token) and any answer that contains the request's flow token.

export const RESPONSE_CACHE_NAMESPACE = 'flow-response';
export const RESPONSE_CACHE_MAX_TTL_SECONDS = 24 * 60 * 60;
const KEY_FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** Shorter strings could match by chance inside an answer; a real flow token is longer. */
const MIN_TOKEN_LENGTH_TO_SEARCH = 8;

export type CacheableAction = 'INIT' | 'BACK' | 'data_exchange';

export interface ResponseCacheRule {
	action: CacheableAction;
	/** The request's screen; empty matches any (INIT requests carry none). */
	screen: string;
	/** Paths inside the request's `data` whose values the answer depends on, e.g. `department`. */
	keyFields: string[];
	ttlSeconds: number;
}

/** Which cache entry a request reads, and the respond node fills on a miss. */
export interface ResponseCacheRef {
	key: string;
	ttlMs: number;
	/** Which store holds it (the trigger's choice; the respond node must write to the same). */
	store: string;
}

export class ResponseCacheRuleError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ResponseCacheRuleError';
	}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rules from the trigger's "Cache Rules" parameter ({rules: [{action, screen, keyFields, ttlSeconds}]}). */
export function parseResponseCacheRules(raw: unknown): ResponseCacheRule[] {
	const entries = isPlainObject(raw) && Array.isArray(raw.rules) ? raw.rules : [];
	return entries.filter(isPlainObject).map((entry, index) => {
		const where = `Cache rule ${index + 1}`;
		const action = String(entry.action ?? '');
		if (action !== 'INIT' && action !== 'BACK' && action !== 'data_exchange') {
			throw new ResponseCacheRuleError(`${where}: the action must be INIT, BACK or data_exchange`);
		}
		const keyFields = String(entry.keyFields ?? '')
			.split(',')
			.map((field) => field.trim())
			.filter((field) => field.length > 0);
		for (const field of keyFields) {
			if (!KEY_FIELD_PATTERN.test(field)) throw new ResponseCacheRuleError(`${where}: "${field}" is not a data field path such as department or slot.date`);
		}
		const ttlSeconds = Number(entry.ttlSeconds ?? 300);
		if (!Number.isFinite(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > RESPONSE_CACHE_MAX_TTL_SECONDS) {
			throw new ResponseCacheRuleError(`${where}: keep answers 1 to ${RESPONSE_CACHE_MAX_TTL_SECONDS} seconds`);
		}
		return { action, screen: String(entry.screen ?? '').trim(), keyFields, ttlSeconds };
	});
}

function valueAt(data: Record<string, unknown>, path: string): unknown {
	let current: unknown = data;
	for (const part of path.split('.')) {
		if (!isPlainObject(current)) return null;
		current = current[part];
	}
	return current ?? null;
}

export interface CacheableRequest {
	action: string;
	screen: string | null;
	data: Record<string, unknown>;
}

/**
 * The cache entry of a request under the first rule that matches it, or undefined. `scope` separates endpoints
 * (workflow and node), so two flows never share answers.
 */
export function responseCacheRefFor(
	rules: readonly ResponseCacheRule[],
	scope: string,
	request: CacheableRequest,
	store: string,
): ResponseCacheRef | undefined {
	const rule = rules.find((candidate) => candidate.action === request.action && (candidate.screen === '' || candidate.screen === request.screen));
	if (rule === undefined) return undefined;
	const fields = rule.keyFields.map((field) => [field, valueAt(request.data, field)]);
	const key = createHash('sha256')
		.update(JSON.stringify([scope, request.action, request.screen ?? '', fields]))
		.digest('base64url');
	return { key, ttlMs: rule.ttlSeconds * 1000, store };
}

/** Whether an answer may be given to other users: never a completion, never one that contains the flow token. */
export function isShareableResponse(response: Record<string, unknown>, flowToken: unknown): boolean {
	if (response.screen === SUCCESS_SCREEN) return false;
	const data = response.data;
	if (isPlainObject(data) && data.extension_message_response !== undefined) return false;
	if (typeof flowToken === 'string' && flowToken.length >= MIN_TOKEN_LENGTH_TO_SEARCH && JSON.stringify(response).includes(flowToken)) return false;
	return true;
}

/** A cache ref as the trigger put it in its output, or undefined. */
export function readResponseCacheRef(value: unknown): ResponseCacheRef | undefined {
	if (!isPlainObject(value)) return undefined;
	const { key, ttlMs, store } = value;
	if (typeof key !== 'string' || key.length === 0 || typeof ttlMs !== 'number' || ttlMs <= 0 || typeof store !== 'string') return undefined;
	return { key, ttlMs, store };
}
