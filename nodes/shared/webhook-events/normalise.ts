import { accountFieldEvent } from './account-events';
import { asConsentEvent, type KeywordMatcher } from './consent';
import type { FlowCompletionOptions } from './flow-completion';
import { isRecord, numberOf, recordsOf, textOf } from './json';
import { messagesFieldEvents } from './message-events';
import type { WebhookEvent } from './types';

// One webhook POST → one event per message, status and notification, in the order Meta sent them. Meta batches
// several entries (one per WABA) with several changes each, up to 1,000 updates in one POST
// (whatsapp/cloud-api/guides/set-up-webhooks; graph-api/webhooks/getting-started "Event Notifications").

export const WHATSAPP_OBJECT = 'whatsapp_business_account';

export interface NormaliseOptions extends FlowCompletionOptions {
	/** Turns keyword texts and 131050 failures into consent events; undefined: no consent detection. */
	consent?: KeywordMatcher;
}

export interface NormalisedPayload {
	/** Meta's `object`; events are read only from whatsapp_business_account notifications. */
	object: string | null;
	events: WebhookEvent[];
}

export function normaliseWebhook(payload: unknown, options: NormaliseOptions = {}): NormalisedPayload {
	const object = isRecord(payload) ? (textOf(payload.object) ?? null) : null;
	if (!isRecord(payload) || object !== WHATSAPP_OBJECT) return { object, events: [] };
	const events: WebhookEvent[] = [];
	for (const entry of recordsOf(payload.entry)) {
		const wabaId = textOf(entry.id) ?? null;
		const entryTime = numberOf(entry.time);
		for (const change of recordsOf(entry.changes)) {
			const field = textOf(change.field) ?? 'unknown';
			const value = isRecord(change.value) ? change.value : {};
			const context = { wabaId, entryTime, field };
			if (field === 'messages') events.push(...messagesFieldEvents(value, context, options));
			else events.push(accountFieldEvent(value, context));
		}
	}
	const matcher = options.consent;
	return { object, events: matcher ? events.map((event) => asConsentEvent(event, matcher)) : events };
}
