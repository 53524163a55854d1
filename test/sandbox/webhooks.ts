// The webhook sender: POSTs Meta-shaped payloads to the app's callback URL, signed with X-Hub-Signature-256 over the
// exact bytes sent (graph-api/webhooks/getting-started "Validating Payloads"), and redelivers on a non-2xx answer, a
// timeout or a network error "with decreasing frequency" (graph-api/webhooks/getting-started; Meta keeps trying for
// up to 7 days on WhatsApp: whatsapp/cloud-api/guides/set-up-webhooks). Every delivery and attempt is recorded for
// `GET /__sandbox/webhook-deliveries`.
//
// Where a payload goes (whatsapp/webhooks/override; webhook-routing.ts): changes of supported fields go to the phone
// number's alternate callback URL, else the WABA's, else the app's callback URL (config.webhooks.callbackUrl); other
// fields always to the app's URL. A payload whose changes go to different URLs becomes one delivery per URL. Nothing
// is sent for a WABA the app is not subscribed to.
import { hubSignature } from './flow-endpoint-crypto';
import type { SandboxState } from './state';
import { routePayload, type RoutingState } from './webhook-routing';

export interface WebhookAttempt {
	at: string;
	/** HTTP status of the answer; null = none (timeout or network error). */
	status: number | null;
	durationMs: number;
	error?: string;
}

export type WebhookDeliveryState =
	/** Being delivered or waiting for its next attempt. */
	| 'pending'
	| 'delivered'
	/** Gave up after config.webhooks.maxAttempts. */
	| 'failed'
	/** No callback URL was configured: recorded only. */
	| 'no-callback-url'
	/** The app is not subscribed to the WABA (POST /{waba-id}/subscribed_apps). */
	| 'not-subscribed';

export interface WebhookDelivery {
	id: string;
	createdAt: string;
	/** `field` of the first change (messages, flows, …). */
	field: string;
	url: string | null;
	payload: unknown;
	/** The exact body sent. */
	body: string;
	/** X-Hub-Signature-256 header value. */
	signature: string;
	state: WebhookDeliveryState;
	attempts: WebhookAttempt[];
	/** When the next attempt is due (ISO), while pending. */
	nextAttemptAt?: string;
}

export interface WebhookChange {
	field: string;
	value: unknown;
}

/** Meta's envelope: {object: "whatsapp_business_account", entry: [{id: WABA, changes: [{value, field}]}]}. */
export function webhookEnvelope(wabaId: string, changes: WebhookChange[], time?: number): Record<string, unknown> {
	const entry: Record<string, unknown> = { id: wabaId };
	if (time !== undefined) entry.time = time;
	entry.changes = changes.map((c) => ({ value: c.value, field: c.field }));
	return { object: 'whatsapp_business_account', entry: [entry] };
}

export class WebhookSender {
	private readonly log: WebhookDelivery[] = [];
	private readonly timers = new Set<NodeJS.Timeout>();
	private inFlight = 0;
	private seq = 0;
	private generation = new AbortController();
	private readonly waiters: (() => void)[] = [];
	/**
	 * First attempts go out one after the other, in the order the events happened (sent before delivered before
	 * read), so tests read a stable order. Meta does not promise an order; retries run on their own schedule.
	 */
	private queue: Promise<void> = Promise.resolve();
	private queued = 0;

	constructor(private readonly state: SandboxState) {}

	/** Runs `fn` after `ms` (already scaled), unless the sandbox resets or closes first. */
	later(ms: number, fn: () => void): void {
		if (this.state.lifetime.signal.aborted) return;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			fn();
			this.settle();
		}, Math.max(0, ms));
		this.timers.add(timer);
	}

	/** A delay from the config, multiplied by config.webhooks.timeScale. */
	scaled(ms: number): number {
		return ms * this.state.config.webhooks.timeScale;
	}

	private routing(): RoutingState {
		const state = this.state;
		return {
			appCallbackUrl: state.config.webhooks.callbackUrl,
			phoneOverride: (phoneNumberId) => state.phoneOverrides.get(phoneNumberId)?.overrideCallbackUri,
			wabaOverride: (wabaId) =>
				wabaId === state.seed.wabaId ? state.subscriptions.find((s) => s.appId === state.seed.app.id)?.overrideCallbackUri : undefined,
		};
	}

	/** Signs and sends a payload (any shape: tests use it for event types the sandbox does not produce itself). */
	send(payload: unknown): WebhookDelivery {
		return this.sendAll(payload)[0];
	}

	/** As `send`, with every delivery when the payload's changes go to different callback URLs. */
	sendAll(payload: unknown): WebhookDelivery[] {
		return routePayload(this.routing(), payload).map((part) => this.deliver(part.url, part.field, part.payload));
	}

	private deliver(url: string | null, field: string, payload: unknown): WebhookDelivery {
		const body = JSON.stringify(payload);
		const delivery: WebhookDelivery = {
			id: `wh-${++this.seq}`,
			createdAt: new Date().toISOString(),
			field,
			url,
			payload,
			body,
			signature: hubSignature(body, this.state.seed.app.secret),
			state: 'pending',
			attempts: [],
		};
		this.log.push(delivery);
		if (!this.state.subscriptions.some((s) => s.appId === this.state.seed.app.id)) delivery.state = 'not-subscribed';
		else if (delivery.url === null) delivery.state = 'no-callback-url';
		else {
			this.queued += 1;
			this.queue = this.queue.then(async () => {
				try {
					await this.attempt(delivery);
				} finally {
					this.queued -= 1;
					this.settle();
				}
			});
		}
		return delivery;
	}

	private async attempt(delivery: WebhookDelivery): Promise<void> {
		const url = delivery.url;
		if (url === null) return;
		delete delivery.nextAttemptAt;
		const cfg = this.state.config.webhooks;
		const started = Date.now();
		const attempt: WebhookAttempt = { at: new Date().toISOString(), status: null, durationMs: 0 };
		delivery.attempts.push(attempt);
		const generation = this.generation;
		this.inFlight += 1;
		try {
			const signal = AbortSignal.any([generation.signal, this.state.lifetime.signal, AbortSignal.timeout(cfg.timeoutMs)]);
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-hub-signature-256': delivery.signature },
				body: delivery.body,
				signal,
			});
			await res.arrayBuffer().catch(() => undefined);
			if (cfg.loseAnswers > 0) {
				cfg.loseAnswers -= 1;
				attempt.error = `answer lost (config.webhooks.loseAnswers; the endpoint answered ${res.status})`;
			} else {
				attempt.status = res.status;
			}
		} catch (error: unknown) {
			// Duck-typed: fetch's errors may come from another realm than this module's Error.
			const e = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string } };
			attempt.error = e.name === 'TimeoutError' ? `no answer within ${cfg.timeoutMs} ms` : `${e.message ?? String(error)}${e.cause?.code ? ` (${e.cause.code})` : ''}`;
		} finally {
			attempt.durationMs = Date.now() - started;
			this.inFlight -= 1;
		}
		if (generation.signal.aborted || this.state.lifetime.signal.aborted) {
			this.settle();
			return;
		}
		if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300) {
			delivery.state = 'delivered';
		} else if (delivery.attempts.length >= cfg.maxAttempts) {
			delivery.state = 'failed';
		} else {
			const wait = this.scaled(cfg.retryBaseMs * 2 ** (delivery.attempts.length - 1));
			delivery.nextAttemptAt = new Date(Date.now() + wait).toISOString();
			this.later(wait, () => void this.attempt(delivery));
		}
		this.settle();
	}

	deliveries(): WebhookDelivery[] {
		return [...this.log];
	}

	/** Resolves once nothing is scheduled or in flight (status webhooks sent, retries done or given up). */
	idle(): Promise<void> {
		if (this.timers.size === 0 && this.inFlight === 0 && this.queued === 0) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	private settle(): void {
		if (this.timers.size !== 0 || this.inFlight !== 0 || this.queued !== 0) return;
		for (const resolve of this.waiters.splice(0)) resolve();
	}

	/** Cancels scheduled statuses and retries, aborts requests in flight, forgets the log. */
	clear(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.generation.abort();
		this.generation = new AbortController();
		this.log.length = 0;
		this.settle();
	}
}
