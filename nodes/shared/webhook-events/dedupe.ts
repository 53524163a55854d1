import type { SharedStore } from '../store/types';
import type { WebhookEvent } from './types';

// Meta retries a notification that was not answered with 200 "with decreasing frequency" for up to 7 days
// (whatsapp/cloud-api/guides/set-up-webhooks), and a redelivery repeats the notification exactly. Each event's key
// is claimed in the shared store for that long; an event whose key is already there is a redelivery and dropped.
//
// All keys of one POST are claimed with one insertManyIfAbsent (a handful of requests for 1,000 events with the
// data-table store). Two processes handling the same event at the same moment (Meta redelivering while the first
// attempt is still running, on another webhook processor) both ask to insert its key: the store lets exactly one
// insert win (memory store: one synchronous step; data-table store: the claim protocol of data-table-claims.ts),
// and only the winner passes the event on.
//
// A store that fails (unreachable, refusing, giving up under contention, or any other error) lets every event through: a duplicate
// execution is better than a lost event. The caller logs `storeError`.

export const DEDUPE_NAMESPACE = 'wa-webhook-dedupe';
export const DEDUPE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface DedupeOptions {
	store: SharedStore;
	/** Separates triggers: the same event sent to two triggers runs each once. */
	scope: string;
	ttlMs?: number;
}

export interface DedupeResult {
	fresh: WebhookEvent[];
	duplicates: number;
	/** Set when the store failed and every event was let through. */
	storeError?: string;
}

export async function dropRedeliveries(events: readonly WebhookEvent[], options: DedupeOptions): Promise<DedupeResult> {
	if (events.length === 0) return { fresh: [], duplicates: 0 };
	const entries = events.map((event) => ({ key: `${options.scope}|${event.eventKey}`, value: 1 }));
	const outcome = await options.store.insertManyIfAbsent(DEDUPE_NAMESPACE, entries, options.ttlMs ?? DEDUPE_WINDOW_MS).then(
		(inserted) => ({ inserted }),
		(error: unknown) => ({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
	);
	if ('error' in outcome) return { fresh: [...events], duplicates: 0, storeError: outcome.error };
	const fresh = events.filter((_event, index) => outcome.inserted[index]);
	return { fresh, duplicates: events.length - fresh.length };
}
