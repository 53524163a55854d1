import type { KeyObject } from 'node:crypto';
import { decryptFlowRequest, encryptFlowResponse, type DecryptedFlowRequest } from '../crypto/flow-crypto';
import { FLOW_TOKEN_MIN_SECRET_LENGTH, verifyFlowToken, type FlowTokenFailure } from '../crypto/flow-token';
import { verifyHubSignature } from '../crypto/hub-signature';
import { verifyFlowTokenSignature } from '../crypto/jwt-hs256';
import type { CacheableRequest, ResponseCacheRef } from './response-cache';

// The Flow data-exchange endpoint's front door, free of n8n: what to answer to one HTTP request, and whether to
// start the workflow. Meta: flows/guides/implementingyourflowendpoint (crypto, ping, error notifications,
// flow_token_signature) and flows/reference/error-codes (421 / 427 / 432).

/** Meta's real requests are a few kilobytes (media pickers send only CDN metadata); anything bigger is refused. */
export const FLOW_ENDPOINT_MAX_BODY_BYTES = 1024 * 1024;

/** 421: the payload cannot be decrypted; the client re-fetches the public key and retries once. */
export const STATUS_UNDECRYPTABLE = 421;
/** 427: the flow token is no longer valid; the client shows `error_msg` and disables the flow's CTA. */
export const STATUS_FLOW_TOKEN_INVALID = 427;
/** 432: the request signature (X-Hub-Signature-256) does not verify. */
export const STATUS_BAD_SIGNATURE = 432;

/** The one body of every 421, whatever failed, so the endpoint cannot be used as a decryption oracle. */
export const UNDECRYPTABLE_BODY = 'Flow request could not be decrypted';

export const DEFAULT_INVALID_FLOW_TOKEN_MESSAGE = 'This form is no longer available. Please ask for a new one.';

/** Actions the client sends (implementingyourflowendpoint); `ping` and error notifications never start the workflow. */
export const FLOW_ACTIONS = ['INIT', 'BACK', 'data_exchange', 'ping'] as const;
export type FlowAction = (typeof FLOW_ACTIONS)[number];

export interface FlowEndpointConfig {
	/** Meta app secret: the X-Hub-Signature-256 key and the flow_token_signature (JWT HS256) key. */
	appSecret: string;
	/** The secret our own signed flow tokens are verified with (the app credential's, else the app secret). */
	flowTokenSecret: string;
	/** The parsed private key; called only once the signature has verified. May throw (or reject with) FlowPrivateKeyError. */
	privateKey: () => KeyObject | Promise<KeyObject>;
	/** Refuse (427) requests whose flow_token is not a valid, unexpired token signed with flowTokenSecret. */
	requireSignedFlowToken?: boolean;
	/** With requireSignedFlowToken: the token must have been issued for this flow id. */
	expectedFlowId?: string;
	/** Refuse (427) requests without flow_token_signature (Flow JSON >= 7.3 with data_api_version 4.0 sends it). */
	requireFlowTokenSignature?: boolean;
	/** The `error_msg` of a 427 answer, shown to the user by the WhatsApp client. */
	invalidFlowTokenMessage?: string;
	/** Start the workflow for error notifications too (they are acknowledged either way). */
	passErrorNotifications?: boolean;
	/**
	 * The opt-in response cache: the cache entry of a request that passed every check (undefined: not cached) and
	 * its stored answer, if any. A stored answer is sent without starting the workflow. Should not throw; if it
	 * does, the workflow runs (the cache fails open).
	 */
	responseCache?: (request: CacheableRequest) => Promise<{ ref: ResponseCacheRef; answer: Record<string, unknown> | null } | undefined>;
	maxBodyBytes?: number;
	/** Milliseconds since the epoch; defaults to the clock. */
	now?: () => number;
}

export interface FlowEndpointHttpRequest {
	/** The body exactly as received. */
	rawBody: Buffer | undefined;
	/** The X-Hub-Signature-256 header as received. */
	signatureHeader: string | string[] | undefined;
}

export interface FlowEndpointReply {
	status: number;
	contentType: 'text/plain' | 'application/json';
	body: string;
}

/** Why a request was answered without an execution (for logs; never sent to the client). */
export type FlowEndpointOutcome =
	| 'ping'
	| 'cached'
	| 'error_notification'
	| 'body_too_large'
	| 'bad_signature'
	| 'undecryptable'
	| 'unsupported_request'
	| 'private_key_unusable'
	| 'invalid_flow_token'
	| 'invalid_flow_token_signature'
	| 'configuration_error';

export interface FlowTokenContextOutput {
	valid: boolean;
	/** Why the token is not valid, when it is not. */
	reason: FlowTokenFailure | 'no_flow_token_secret' | null;
	recipient: string | null;
	flowId: string | null;
	recordId: string | null;
	variant: string | null;
	expiresAt: string | null;
}

/**
 * What the trigger needs to answer later, from another process if need be: the request's WRAPPED AES key and its
 * IV, exactly as received. The plaintext AES key is never stored; the respond node unwraps it again.
 */
export interface FlowRequestEncryptionContext {
	encryptedAesKey: string;
	initialVector: string;
	/** Set when the answer may be cached: the respond node stores a shareable answer under it. */
	responseCache?: ResponseCacheRef;
}

/** The workflow's one item. */
export interface FlowEndpointItem {
	version: string;
	action: FlowAction;
	screen: string | null;
	data: Record<string, unknown>;
	flow_token: string | null;
	/** Our signed flow token's claims (null when the request carries no flow_token). */
	flowTokenContext: FlowTokenContextOutput | null;
	/** Whether the request carried Meta's flow_token_signature (always verified when present). */
	flowTokenSignature: 'valid' | 'absent';
	/** An error notification (data.error): already acknowledged by the trigger. */
	isErrorNotification: boolean;
	whatsAppFlowRequest: FlowRequestEncryptionContext | { answeredByTrigger: true };
}

export type FlowEndpointDecision =
	/** Answer now; no execution. `detail` is for logs only. */
	| { kind: 'reply'; reply: FlowEndpointReply; outcome: FlowEndpointOutcome; detail?: string }
	/**
	 * Start the workflow with `item`; when `reply` is set the trigger answers it now (the workflow must not).
	 * `requestKey` (when the workflow answers): the request's AES key and the private key that unwrapped it, for
	 * handing to the respond node in memory; never part of `item`.
	 */
	| { kind: 'start'; item: FlowEndpointItem; reply?: FlowEndpointReply; requestKey?: { aesKey: KeyObject; privateKey: KeyObject } };

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function undecryptable(outcome: FlowEndpointOutcome, detail?: string): FlowEndpointDecision {
	return {
		kind: 'reply',
		reply: { status: STATUS_UNDECRYPTABLE, contentType: 'text/plain', body: UNDECRYPTABLE_BODY },
		outcome,
		...(detail === undefined ? {} : { detail }),
	};
}

function invalidToken(config: FlowEndpointConfig, outcome: FlowEndpointOutcome, detail: string): FlowEndpointDecision {
	const message = config.invalidFlowTokenMessage?.trim() || DEFAULT_INVALID_FLOW_TOKEN_MESSAGE;
	return {
		kind: 'reply',
		reply: { status: STATUS_FLOW_TOKEN_INVALID, contentType: 'application/json', body: JSON.stringify({ error_msg: message }) },
		outcome,
		detail,
	};
}

function configurationError(detail: string): FlowEndpointDecision {
	return { kind: 'reply', reply: { status: 500, contentType: 'text/plain', body: '' }, outcome: 'configuration_error', detail };
}

function encryptedReply(response: Record<string, unknown>, aesKey: KeyObject, iv: Buffer): FlowEndpointReply {
	return { status: 200, contentType: 'text/plain', body: encryptFlowResponse(response, aesKey, iv) };
}

interface CheckedPayload {
	version: string;
	action: FlowAction;
	screen: string | null;
	data: Record<string, unknown>;
	flowToken: string | null;
	flowTokenSignature: string | null;
}

/** The decrypted payload's fields with the types Meta documents, or undefined. */
function checkPayload(payload: Record<string, unknown>): CheckedPayload | undefined {
	const { version, action, screen, data, flow_token: flowToken, flow_token_signature: signature } = payload;
	if (typeof version !== 'string' || version.length === 0 || version.length > 16) return undefined;
	if (typeof action !== 'string' || !(FLOW_ACTIONS as readonly string[]).includes(action)) return undefined;
	if (screen !== undefined && screen !== null && typeof screen !== 'string') return undefined;
	if (data !== undefined && data !== null && !isPlainObject(data)) return undefined;
	if (flowToken !== undefined && flowToken !== null && typeof flowToken !== 'string') return undefined;
	if (signature !== undefined && signature !== null && typeof signature !== 'string') return undefined;
	if (action !== 'ping' && (typeof flowToken !== 'string' || flowToken.length === 0)) return undefined;
	return {
		version,
		action: action as FlowAction,
		screen: typeof screen === 'string' ? screen : null,
		data: isPlainObject(data) ? data : {},
		flowToken: typeof flowToken === 'string' ? flowToken : null,
		flowTokenSignature: typeof signature === 'string' ? signature : null,
	};
}

function flowTokenContext(
	flowToken: string | null,
	config: FlowEndpointConfig,
	now: () => number,
): FlowTokenContextOutput | null {
	if (flowToken === null) return null;
	const empty = { recipient: null, flowId: null, recordId: null, variant: null, expiresAt: null };
	if (typeof config.flowTokenSecret !== 'string' || config.flowTokenSecret.length < FLOW_TOKEN_MIN_SECRET_LENGTH) {
		return { valid: false, reason: 'no_flow_token_secret', ...empty };
	}
	const expectedFlowId = config.expectedFlowId?.trim();
	const check = verifyFlowToken(flowToken, config.flowTokenSecret, { now, ...(expectedFlowId ? { flowId: expectedFlowId } : {}) });
	if (!check.valid) return { valid: false, reason: check.reason, ...empty };
	const { claims } = check;
	return {
		valid: true,
		reason: null,
		recipient: claims.recipient,
		flowId: claims.flowId,
		recordId: claims.context.recordId ?? null,
		variant: claims.context.variant ?? null,
		expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
	};
}

function bodyOf(rawBody: Buffer | undefined): Buffer {
	return Buffer.isBuffer(rawBody) ? rawBody : Buffer.alloc(0);
}

function parseBody(rawBody: Buffer): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
		return isPlainObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Decides the answer to one request to the Flow endpoint. In order: body size, X-Hub-Signature-256 (432),
 * decryption (421, one uniform body), `ping` (answered), error notifications (acknowledged), the flow token checks
 * (427); then the workflow starts. Never throws on request input.
 */
export async function handleFlowEndpointRequest(
	request: FlowEndpointHttpRequest,
	config: FlowEndpointConfig,
): Promise<FlowEndpointDecision> {
	const now = config.now ?? Date.now;
	const rawBody = bodyOf(request.rawBody);
	if (rawBody.length > (config.maxBodyBytes ?? FLOW_ENDPOINT_MAX_BODY_BYTES)) return undecryptable('body_too_large');

	if (typeof config.appSecret !== 'string' || config.appSecret.length === 0) {
		return configurationError('The Meta app secret of the credential is empty');
	}
	const signature = verifyHubSignature(rawBody, request.signatureHeader, config.appSecret);
	if (!signature.valid) {
		return { kind: 'reply', reply: { status: STATUS_BAD_SIGNATURE, contentType: 'text/plain', body: '' }, outcome: 'bad_signature', detail: signature.reason };
	}

	let privateKey: KeyObject;
	try {
		privateKey = await config.privateKey();
	} catch (error) {
		// The client cannot tell a broken key from a wrong one: 421 makes it re-fetch the public key and retry.
		return undecryptable('private_key_unusable', error instanceof Error ? error.message : 'The private key could not be read');
	}

	const body = parseBody(rawBody);
	if (body === undefined) return undecryptable('undecryptable');
	let decrypted: DecryptedFlowRequest;
	try {
		decrypted = decryptFlowRequest(body, privateKey);
	} catch {
		// FlowDecryptionError by design; anything else is answered the same way so nothing leaks.
		return undecryptable('undecryptable');
	}
	const { payload, aesKey, iv } = decrypted;
	const flowRequest = checkPayload(payload);
	if (flowRequest === undefined) return undecryptable('unsupported_request');

	if (flowRequest.action === 'ping') {
		return { kind: 'reply', reply: encryptedReply({ data: { status: 'active' } }, aesKey, iv), outcome: 'ping' };
	}

	const isErrorNotification = flowRequest.data.error !== undefined;
	const acknowledgement = isErrorNotification ? encryptedReply({ data: { acknowledged: true } }, aesKey, iv) : undefined;
	if (acknowledgement !== undefined && config.passErrorNotifications !== true) {
		return { kind: 'reply', reply: acknowledgement, outcome: 'error_notification' };
	}

	const context = flowTokenContext(flowRequest.flowToken, config, now);
	if (!isErrorNotification) {
		if (config.requireSignedFlowToken === true) {
			if (context?.reason === 'no_flow_token_secret') {
				return configurationError(`"Require Signed Flow Token" needs a flow token secret of at least ${FLOW_TOKEN_MIN_SECRET_LENGTH} characters`);
			}
			if (context?.valid !== true) return invalidToken(config, 'invalid_flow_token', context?.reason ?? 'missing');
		}
		if (flowRequest.flowTokenSignature !== null) {
			const check = verifyFlowTokenSignature(flowRequest.flowTokenSignature, config.appSecret, flowRequest.flowToken ?? '', now);
			if (!check.valid) return invalidToken(config, 'invalid_flow_token_signature', check.reason);
		} else if (config.requireFlowTokenSignature === true) {
			return invalidToken(config, 'invalid_flow_token_signature', 'missing');
		}
	}

	let cacheRef: ResponseCacheRef | undefined;
	if (!isErrorNotification && config.responseCache !== undefined) {
		const cached = await lookUpCachedAnswer(config.responseCache, flowRequest);
		if (cached?.answer) return { kind: 'reply', reply: encryptedReply(cached.answer, aesKey, iv), outcome: 'cached' };
		cacheRef = cached?.ref;
	}

	// decryptFlowRequest accepted both fields as clean base64 strings.
	const encryptedAesKey = String(body.encrypted_aes_key);
	const initialVector = String(body.initial_vector);
	return {
		kind: 'start',
		item: {
			version: flowRequest.version,
			action: flowRequest.action,
			screen: flowRequest.screen,
			data: flowRequest.data,
			flow_token: flowRequest.flowToken,
			flowTokenContext: context,
			flowTokenSignature: flowRequest.flowTokenSignature === null ? 'absent' : 'valid',
			isErrorNotification,
			whatsAppFlowRequest: isErrorNotification
				? { answeredByTrigger: true }
				: { encryptedAesKey, initialVector, ...(cacheRef === undefined ? {} : { responseCache: cacheRef }) },
		},
		...(acknowledgement === undefined ? { requestKey: { aesKey, privateKey } } : { reply: acknowledgement }),
	};
}

async function lookUpCachedAnswer(
	lookup: NonNullable<FlowEndpointConfig['responseCache']>,
	request: CheckedPayload,
): Promise<{ ref: ResponseCacheRef; answer: Record<string, unknown> | null } | undefined> {
	try {
		return await lookup({ action: request.action, screen: request.screen, data: request.data });
	} catch {
		return undefined;
	}
}
