// Runtime settings a test can change without restarting the sandbox: `GET/POST /__sandbox/config` (POST merges a
// partial object, checked strictly), `startSandbox({ config })`, or `state.config` directly. `reset` restores them.

export interface WebhookConfig {
	/** The app's callback URL (App Dashboard > WhatsApp > Configuration); null = webhooks are recorded, not sent. */
	callbackUrl: string | null;
	/** Send sent / delivered / read statuses for every accepted outgoing message. */
	statuses: boolean;
	/** Delay of each status after the message was accepted (in real milliseconds, before `timeScale`). */
	statusDelaysMs: { sent: number; delivered: number; read: number };
	/** Whether the simulated users read what they get (a `read` status follows `delivered`). */
	readReceipts: boolean;
	/**
	 * Retry schedule: attempt n (n ≥ 1) waits `retryBaseMs · 2^(n-1)` after the previous failure. Meta retries "with
	 * decreasing frequency" for up to 7 days (graph-api/webhooks/getting-started#event-notifications;
	 * whatsapp/cloud-api/guides/set-up-webhooks). Multiplied by `timeScale`.
	 */
	retryBaseMs: number;
	/** Attempts per delivery, the first included, before it is given up (Meta: until 7 days have passed). */
	maxAttempts: number;
	/** An answer slower than this counts as a failure (Meta does not publish its timeout; guess). */
	timeoutMs: number;
	/** Multiplies every webhook delay (statuses and retries): 0.001 turns Meta's minutes into milliseconds. */
	timeScale: number;
	/**
	 * The next this-many attempts are sent, but their answers are lost on the way back (as when the connection drops
	 * after the request left): Meta sees no answer and redelivers the same body. Counts down with each attempt.
	 */
	loseAnswers: number;
}

export interface MessagingConfig {
	/**
	 * Free-form messages (text, interactive, media...) need a user message within 24 h, else 131047
	 * (cloud-api/guides/send-messages#customer-service-windows). On by default, as on Meta.
	 */
	enforceWindow: boolean;
	/**
	 * How a free-form message outside the window fails. "webhook" (default, as the Cloud API does): the send answers
	 * 200 with a message id, then a `failed` status webhook carries error 131047 "Re-engagement message".
	 * "sync": the send itself answers HTTP 400 with code 131047.
	 */
	windowError: 'webhook' | 'sync';
	/** Messages per second per business phone number before 130429 (cloud-api/overview#throughput: 80 by default). */
	throughputMps: number;
	/**
	 * Pair rate: at most `pairRateMax` messages to one user in `pairRateWindowMs`, else 131056
	 * (cloud-api/overview "Pair rate limits": 1 message every 6 s, bursts allowed). Default: bursts of 45 in 6 s.
	 */
	pairRateMax: number;
	pairRateWindowMs: number;
}

export interface FlowsConfig {
	/**
	 * What a JSON or metadata update does to a PUBLISHED flow. "draft" (default): it goes back to DRAFT, as
	 * flows/guides/lifecycle says since 2025 ("After a flow has been published, it is possible to make some changes
	 * and make the flow Draft"). "reject": error 139001 "Flow can't be updated", the older rule still listed in
	 * flows/reference/error-codes and flows/reference/flowsapi ("the Flow and its assets become immutable").
	 */
	publishedEdit: 'draft' | 'reject';
	/** How long publishing waits for the endpoint's answer to the `ping` health check (Meta's endpoint timeout: 10 s). */
	healthCheckTimeoutMs: number;
	/**
	 * How long the simulated WhatsApp client waits for the endpoint's answer before it shows the generic error
	 * (flows/guides/implementingyourflowendpoint: the endpoint must answer within 10 s). Tests shorten it.
	 */
	clientTimeoutMs: number;
}

export interface TemplatesConfig {
	/**
	 * Whether created templates pass review by themselves: PENDING in the create answer (Postman "Create Flow
	 * Template Message by …" answers "status": "PENDING"), APPROVED `reviewDelayMs` later with a
	 * message_template_status_update webhook. AUTHENTICATION templates answer APPROVED at once (Postman "Create
	 * authentication template w/ OTP copy code button"). false: they stay PENDING until
	 * POST /__sandbox/templates/{id}/status.
	 */
	autoApprove: boolean;
	/** Review delay in ms (multiplied by webhooks.timeScale). */
	reviewDelayMs: number;
}

export interface SandboxConfig {
	webhooks: WebhookConfig;
	messaging: MessagingConfig;
	flows: FlowsConfig;
	templates: TemplatesConfig;
}

export function defaultConfig(): SandboxConfig {
	return {
		webhooks: {
			callbackUrl: null,
			statuses: true,
			statusDelaysMs: { sent: 0, delivered: 0, read: 0 },
			readReceipts: true,
			retryBaseMs: 60_000,
			maxAttempts: 8,
			timeoutMs: 10_000,
			timeScale: 1,
			loseAnswers: 0,
		},
		messaging: { enforceWindow: true, windowError: 'webhook', throughputMps: 80, pairRateMax: 45, pairRateWindowMs: 6_000 },
		flows: { publishedEdit: 'draft', healthCheckTimeoutMs: 10_000, clientTimeoutMs: 10_000 },
		templates: { autoApprove: true, reviewDelayMs: 0 },
	};
}

export class ConfigInputError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges `patch` into `target` key by key; every key must exist and keep its type (numbers ≥ 0, strings of a
 * closed set stay in it), so a typo never silently does nothing.
 */
export function mergeConfig(target: SandboxConfig, patch: unknown): SandboxConfig {
	const next = structuredClone(target);
	merge(next as unknown as Record<string, unknown>, patch, 'config', defaultConfig() as unknown as Record<string, unknown>);
	return next;
}

const CLOSED_SETS: Readonly<Record<string, readonly string[]>> = {
	'config.flows.publishedEdit': ['draft', 'reject'],
	'config.messaging.windowError': ['webhook', 'sync'],
};

function merge(target: Record<string, unknown>, patch: unknown, path: string, shape: Record<string, unknown>): void {
	if (!isRecord(patch)) throw new ConfigInputError(`${path} must be an object`);
	for (const [key, value] of Object.entries(patch)) {
		const here = `${path}.${key}`;
		if (!Object.prototype.hasOwnProperty.call(shape, key)) throw new ConfigInputError(`unknown setting ${here}`);
		const model = shape[key];
		if (isRecord(model)) {
			merge(target[key] as Record<string, unknown>, value, here, model);
		} else if (here === 'config.webhooks.callbackUrl') {
			if (value !== null && (typeof value !== 'string' || !/^https?:\/\//.test(value))) {
				throw new ConfigInputError(`${here} must be an http(s) URL or null`);
			}
			target[key] = value;
		} else if (typeof model === 'number') {
			if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ConfigInputError(`${here} must be a number ≥ 0`);
			target[key] = value;
		} else if (typeof model === 'boolean') {
			if (typeof value !== 'boolean') throw new ConfigInputError(`${here} must be a boolean`);
			target[key] = value;
		} else if (typeof model === 'string') {
			const allowed = CLOSED_SETS[here];
			if (typeof value !== 'string' || (allowed !== undefined && !allowed.includes(value))) {
				throw new ConfigInputError(`${here} must be one of ${(allowed ?? []).join(', ')}`);
			}
			target[key] = value;
		}
	}
}
