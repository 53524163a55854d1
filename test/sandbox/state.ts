// Everything the sandbox remembers: the seed (its world), received Graph calls, fault rules, accepted messages and
// the seeded random generator. One object, so later simulations (flows, templates, media, webhooks) add fields here.
import type { CallbackVerification } from './callback-verification';
import type { PhoneRegistration } from './routes/registration';
import { defaultConfig, type SandboxConfig } from './config';
import { EncryptionKeyStore, type StoredPublicKey } from './encryption-keys';
import { createFaultRule, type FaultInput, type FaultRule } from './fault-rules';
import { FlowStore, type FlowRecord } from './flows';
import { MediaStore, type MediaRecord } from './media';
import { QrCodeStore } from './qr-codes';
import { SendLimiter } from './messaging-limits';
import { TemplateStore, type TemplateRecord } from './templates';
import { UserStore } from './users';
import { SimulatedUsers } from './simulated-user/registry';
import { DEFAULT_RANDOM_SEED, SeededRandom } from './prng';
import { WebhookSender } from './webhooks';
import type { SandboxSeed, SeedAccessToken, SeedApp, SeedPhoneNumber } from './seed';

/** A Graph call as received (secrets redacted), with the status it got; null = no answer (timeout or reset). */
export interface RecordedCall {
	seq: number;
	at: string;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	status: number | null;
	faultId?: string;
}

export interface CallFilter {
	/** Substring of the path. */
	path?: string;
	method?: string;
}

/** A message the Cloud API accepted (POST /{phone-number-id}/messages answered 200). */
export interface RecordedMessage {
	id: string;
	at: string;
	phoneNumberId: string;
	/** `to` as sent. */
	to: string;
	/** `to` reduced to digits, as Meta returns it in contacts[].wa_id. */
	waId: string;
	type: string;
	text?: { body: string; preview_url: boolean };
	/** The type's object as accepted (text, interactive, template, image, …). */
	content?: Record<string, unknown>;
	context?: { message_id: string };
	/** The request parameters as received. */
	request: Record<string, unknown>;
	/** Delivery state, as the status webhooks report it; "accepted" until the first one. */
	status?: 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';
	/** Why it failed (status "failed"), e.g. 131047 outside the 24-hour window. */
	errors?: { code: number; title: string; message: string; details: string }[];
	/** Pricing category: service, marketing, utility or authentication. */
	category: 'service' | 'marketing' | 'utility' | 'authentication';
}

/** Graph objects the sandbox can address by id. `typeName` is Graph's node type name used in its error messages. */
export type GraphNode =
	| { kind: 'phoneNumber'; id: string; typeName: 'WhatsAppBusinessPhoneNumber'; phoneNumber: SeedPhoneNumber }
	| { kind: 'application'; id: string; typeName: 'Application'; app: SeedApp }
	| { kind: 'whatsAppBusinessAccount'; id: string; typeName: 'WhatsAppBusinessAccount' }
	| { kind: 'flow'; id: string; typeName: 'WhatsAppBusinessFlow'; flow: FlowRecord }
	| { kind: 'media'; id: string; typeName: 'WhatsAppBusinessMedia'; media: MediaRecord }
	| { kind: 'template'; id: string; typeName: 'WhatsAppBusinessHSM'; template: TemplateRecord };

/** An app subscribed to the WABA's webhooks (POST /{waba-id}/subscribed_apps), with its optional override. */
export interface WabaSubscription {
	appId: string;
	/** webhooks/override: this WABA's webhooks of overridable fields go here instead of the app's callback URL. */
	overrideCallbackUri?: string;
	verifyToken?: string;
}

/** An alternate callback URL of a business phone number (POST /{phone-number-id} webhook_configuration). */
export interface PhoneNumberOverride {
	overrideCallbackUri: string;
	verifyToken: string;
}

/** `+1 (555) 010-9999` → `15550109999` (cloud-api/reference/messages: wa_id is the user's number in digits). */
export function toWaId(input: string): string {
	return input.replace(/\D/g, '');
}

export class SandboxState {
	readonly random = new SeededRandom(DEFAULT_RANDOM_SEED);
	private readonly callLog: RecordedCall[] = [];
	private readonly messageLog: RecordedMessage[] = [];
	private rules: FaultRule[] = [];
	private callSeq = 0;
	private faultSeq = 0;

	/** Runtime settings (`GET/POST /__sandbox/config`); `reset` restores the ones given at start. */
	config: SandboxConfig;
	/** The sandbox's own base URL (set once listening): download and preview links point here. */
	baseUrl = 'http://sandbox.invalid';
	/** Business public keys per phone number (cloud-api/reference/whatsapp-business-encryption). */
	readonly keys = new EncryptionKeyStore();
	readonly flows = new FlowStore();
	readonly media = new MediaStore();
	/** QR codes and short links per phone number (business-management-api/qr-codes). */
	readonly qrCodes = new QrCodeStore();
	/** Users' inbound messages and their 24-hour windows. */
	readonly users = new UserStore();
	readonly limiter = new SendLimiter();
	/** Message templates (seeded: hello_world, order_update, verification_code, flow_signup, …). */
	readonly templates = new TemplateStore();
	/** Apps subscribed to the WABA; the seed's app is subscribed from the start (as after Embedded Signup). */
	subscriptions: WabaSubscription[];
	/** Alternate callback URLs per business phone number (whatsapp/webhooks/override). */
	readonly phoneOverrides = new Map<string, PhoneNumberOverride>();
	/** Registration state per phone number (routes/registration.ts). */
	readonly registrations = new Map<string, PhoneRegistration>();
	/** Verification requests sent to callback URLs (callback-verification.ts). */
	readonly callbackVerifications: CallbackVerification[] = [];
	/** Aborted when the sandbox closes: pending timers and outgoing requests stop. */
	readonly lifetime = new AbortController();
	/** Signed webhooks to the app (statuses, inbound messages, flow events, raw payloads). */
	readonly webhooks = new WebhookSender(this);
	/** Simulated WhatsApp users going through the flows they were sent (simulated-user/). */
	readonly simulatedUsers = new SimulatedUsers(this);

	constructor(
		readonly seed: SandboxSeed,
		private readonly initialConfig: SandboxConfig = defaultConfig(),
	) {
		this.config = structuredClone(initialConfig);
		this.subscriptions = [{ appId: seed.app.id }];
		this.templates.reseed(this);
	}

	// --- the seeded world ---

	phoneNumber(id: string): SeedPhoneNumber | undefined {
		return this.seed.phoneNumbers.find((p) => p.id === id);
	}

	accessToken(token: string): SeedAccessToken | undefined {
		return this.seed.accessTokens.find((t) => t.token === token);
	}

	resolveNode(id: string): GraphNode | undefined {
		const phoneNumber = this.phoneNumber(id);
		if (phoneNumber) return { kind: 'phoneNumber', id, typeName: 'WhatsAppBusinessPhoneNumber', phoneNumber };
		if (id === this.seed.app.id) return { kind: 'application', id, typeName: 'Application', app: this.seed.app };
		if (id === this.seed.wabaId) return { kind: 'whatsAppBusinessAccount', id, typeName: 'WhatsAppBusinessAccount' };
		const flow = this.flows.get(id);
		if (flow) return { kind: 'flow', id, typeName: 'WhatsAppBusinessFlow', flow };
		const media = this.media.get(id);
		if (media) return { kind: 'media', id, typeName: 'WhatsAppBusinessMedia', media };
		const template = this.templates.byId(id);
		if (template) return { kind: 'template', id, typeName: 'WhatsAppBusinessHSM', template };
		return undefined;
	}

	/** The business public key uploaded for a phone number (with its signature status), if any. */
	publicKeyFor(phoneNumberId: string): StoredPublicKey | undefined {
		return this.keys.get(phoneNumberId);
	}

	// --- calls ---

	recordCall(call: Omit<RecordedCall, 'seq'>): RecordedCall {
		const recorded: RecordedCall = { seq: ++this.callSeq, ...call };
		this.callLog.push(recorded);
		return recorded;
	}

	calls(filter: CallFilter = {}): RecordedCall[] {
		const method = filter.method?.toUpperCase();
		return this.callLog.filter(
			(c) => (method === undefined || c.method === method) && (filter.path === undefined || c.path.includes(filter.path)),
		);
	}

	clearCalls(): void {
		this.callLog.length = 0;
	}

	// --- messages ---

	recordMessage(message: RecordedMessage): void {
		this.messageLog.push(message);
	}

	/**
	 * Messages the user got, oldest first (accepted and not failed: a message refused outside the 24-hour window is
	 * in `messages()` only); `waIdOrNumber` may be formatted (+, spaces, dashes).
	 */
	messagesTo(waIdOrNumber: string): RecordedMessage[] {
		const waId = toWaId(waIdOrNumber);
		return this.messageLog.filter((m) => m.waId === waId && m.status !== 'failed');
	}

	/** An accepted message by id. */
	message(id: string): RecordedMessage | undefined {
		return this.messageLog.find((m) => m.id === id);
	}

	messages(): RecordedMessage[] {
		return [...this.messageLog];
	}

	// --- faults ---

	addFault(input: FaultInput): FaultRule {
		const rule = createFaultRule(`fault-${++this.faultSeq}`, input);
		this.rules.push(rule);
		return rule;
	}

	faults(): readonly FaultRule[] {
		return this.rules;
	}

	removeFault(id: string): boolean {
		const before = this.rules.length;
		this.rules = this.rules.filter((r) => r.id !== id);
		return this.rules.length < before;
	}

	clearFaults(): void {
		this.rules = [];
	}

	/** Counts one application of a rule and removes it when its `times` are used up. */
	consumeFault(rule: FaultRule): void {
		if (rule.remaining === null) return;
		rule.remaining -= 1;
		if (rule.remaining <= 0) this.removeFault(rule.id);
	}

	// --- everything ---

	/** Stops timers and outgoing requests (called when the sandbox closes). */
	dispose(): void {
		this.lifetime.abort();
		this.webhooks.clear();
	}

	/**
	 * Forgets calls, faults, messages, keys, flows and simulated users' sessions, restores the start configuration, and restarts the random
	 * sequence from its last seed.
	 */
	reset(): void {
		this.clearCalls();
		this.clearFaults();
		this.messageLog.length = 0;
		this.keys.clear();
		this.flows.clear();
		this.media.clear();
		this.qrCodes.clear();
		this.users.clear();
		this.simulatedUsers.clear();
		this.limiter.clear();
		this.webhooks.clear();
		this.config = structuredClone(this.initialConfig);
		this.subscriptions = [{ appId: this.seed.app.id }];
		this.phoneOverrides.clear();
		this.registrations.clear();
		this.callbackVerifications.length = 0;
		this.templates.reseed(this);
		this.random.reseed(this.random.seed);
	}
}
