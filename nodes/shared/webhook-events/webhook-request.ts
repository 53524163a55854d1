import { equalsConstantTime } from '../crypto/constant-time';
import { verifyHubSignature } from '../crypto/hub-signature';
import { keywordMatcher, type ConsentKeywords } from './consent';
import { passesFilter, type EventFilter } from './filters';
import { normaliseWebhook } from './normalise';
import type { WebhookEvent } from './types';

// The trigger's front door, free of n8n: what to answer to one request, and which events to pass on.
// Meta: graph-api/webhooks/getting-started ("Verification Requests": hub.mode=subscribe, hub.verify_token,
// hub.challenge echoed back; "Validating Payloads": X-Hub-Signature-256 = sha256 HMAC of the raw body with the
// app secret) and whatsapp/cloud-api/guides/set-up-webhooks.

export interface TextReply {
	status: number;
	body: string;
}

/** Meta's challenge is a number; anything longer than this is not echoed. */
const MAX_CHALLENGE_LENGTH = 128;

export type VerificationOutcome = 'verified' | 'no_verify_token_configured' | 'not_subscribe' | 'wrong_verify_token' | 'no_challenge';

/** GET: 200 with hub.challenge as text/plain when the mode is subscribe and the token matches, else 403. */
export function answerVerification(query: Record<string, unknown>, verifyToken: string): { reply: TextReply; outcome: VerificationOutcome } {
	const refuse = (outcome: VerificationOutcome) => ({ reply: { status: 403, body: 'Verification failed' }, outcome });
	const challenge = query['hub.challenge'];
	if (verifyToken === '') return refuse('no_verify_token_configured');
	if (query['hub.mode'] !== 'subscribe') return refuse('not_subscribe');
	const token = query['hub.verify_token'];
	if (typeof token !== 'string' || !equalsConstantTime(token, verifyToken)) return refuse('wrong_verify_token');
	if (typeof challenge !== 'string' || challenge === '' || challenge.length > MAX_CHALLENGE_LENGTH) return refuse('no_challenge');
	return { reply: { status: 200, body: challenge }, outcome: 'verified' };
}

export interface WebhookPostConfig {
	appSecret: string;
	flowTokenSecret?: string;
	filter: EventFilter;
	/** Undefined: no consent detection. */
	consentKeywords?: ConsentKeywords;
	now?: () => number;
}

export interface WebhookPostRequest {
	rawBody: Buffer | undefined;
	signatureHeader: string | string[] | undefined;
}

export type RefusalOutcome = 'missing_signature' | 'malformed_signature' | 'bad_signature' | 'no_body' | 'not_json';

export type WebhookPostDecision =
	| { kind: 'refuse'; reply: TextReply; outcome: RefusalOutcome }
	/** 200: `events` passed the filters (before dedupe); `received` counts every event of the POST. */
	| { kind: 'accept'; object: string | null; events: WebhookEvent[]; received: number };

const SIGNATURE_REPLIES: Record<'missing' | 'malformed' | 'mismatch', { body: string; outcome: RefusalOutcome }> = {
	missing: { body: 'Missing X-Hub-Signature-256 header', outcome: 'missing_signature' },
	malformed: { body: 'Malformed X-Hub-Signature-256 header', outcome: 'malformed_signature' },
	mismatch: { body: 'X-Hub-Signature-256 does not match the body', outcome: 'bad_signature' },
};

export type SignedPostCheck = { kind: 'refuse'; reply: TextReply; outcome: RefusalOutcome } | { kind: 'accept'; payload: unknown };

/** POST, first step: the signature (nothing of an unsigned body is parsed), then the JSON. Enough to answer Meta. */
export function checkWebhookPost(request: WebhookPostRequest, appSecret: string): SignedPostCheck {
	if (request.rawBody === undefined) {
		return { kind: 'refuse', reply: { status: 400, body: 'Empty body' }, outcome: 'no_body' };
	}
	const signature = verifyHubSignature(request.rawBody, request.signatureHeader, appSecret);
	if (!signature.valid) {
		const { body, outcome } = SIGNATURE_REPLIES[signature.reason];
		return { kind: 'refuse', reply: { status: 401, body }, outcome };
	}
	try {
		return { kind: 'accept', payload: JSON.parse(request.rawBody.toString('utf8')) as unknown };
	} catch {
		return { kind: 'refuse', reply: { status: 400, body: 'Body is not JSON' }, outcome: 'not_json' };
	}
}

/** POST, second step (after Meta has its answer): the events of a signed payload that pass the filters. */
export function webhookEvents(payload: unknown, config: Omit<WebhookPostConfig, 'appSecret'>): { object: string | null; events: WebhookEvent[]; received: number } {
	const { object, events } = normaliseWebhook(payload, {
		flowTokenSecret: config.flowTokenSecret,
		now: config.now,
		consent: config.consentKeywords ? keywordMatcher(config.consentKeywords) : undefined,
	});
	return { object, events: events.filter((event) => passesFilter(event, config.filter)), received: events.length };
}

/** Both steps at once. */
export function decideWebhookPost(request: WebhookPostRequest, config: WebhookPostConfig): WebhookPostDecision {
	const check = checkWebhookPost(request, config.appSecret);
	return check.kind === 'refuse' ? check : { kind: 'accept', ...webhookEvents(check.payload, config) };
}
