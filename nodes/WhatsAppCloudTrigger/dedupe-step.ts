import type { IWebhookFunctions } from 'n8n-workflow';
import { dataTableStoreFor, processStoreFor } from '../shared/n8n/state-store';
import type { SharedStore } from '../shared/store/types';
import { dropRedeliveries } from '../shared/webhook-events/dedupe';
import type { WebhookEvent } from '../shared/webhook-events/types';
import type { DedupeMode } from './properties';

/**
 * About 200 bytes each: at most ~100 MB of keys for 7 days of events. When full, events pass without dedupe (the
 * store refuses new keys rather than forget live ones).
 */
const MAX_DEDUPE_KEYS_IN_PROCESS = 500_000;

/** Data tables never expire rows by themselves: each process prunes the dedupe keys older than 7 days hourly. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
let lastPrunedAt = 0;

/** Awaited: n8n's request helpers may not be used once webhook() has returned. Costs one request an hour. */
async function pruneHourly(store: SharedStore, onError: (message: string) => void): Promise<void> {
	const now = Date.now();
	if (now - lastPrunedAt < PRUNE_EVERY_MS) return;
	lastPrunedAt = now;
	await store.prune().catch((error: unknown) => onError(`pruning expired keys failed: ${(error as Error).message}`));
}

export interface PassOnceOptions {
	mode: DedupeMode;
	/** The trigger (workflow, node, credential): keys of different triggers never collide. */
	scope: string;
	onStoreError: (message: string) => void;
}

/** The events that were not seen before within Meta's 7-day redelivery window. */
export async function passOnce(context: IWebhookFunctions, events: WebhookEvent[], options: PassOnceOptions): Promise<WebhookEvent[]> {
	if (options.mode === 'off') return events;
	let store: SharedStore;
	try {
		store = options.mode === 'dataTable' ? await dataTableStoreFor(context) : processStoreFor('webhook-dedupe', MAX_DEDUPE_KEYS_IN_PROCESS);
	} catch (error) {
		options.onStoreError((error as Error).message);
		return events;
	}
	// A test listener's events are its own: they neither consume nor are hidden by the active workflow's keys.
	const scope = context.getMode() === 'manual' ? `${options.scope}|test` : options.scope;
	const result = await dropRedeliveries(events, { store, scope });
	if (result.storeError !== undefined) options.onStoreError(result.storeError);
	if (options.mode === 'dataTable') await pruneHourly(store, options.onStoreError);
	return result.fresh;
}
