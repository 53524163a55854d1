// The sandbox's starting world: one Meta app, one WhatsApp Business Account (WABA), two business phone numbers
// and two access tokens. Every value is fictional; 555-01xx numbers are reserved for fiction.
// Overridable per top-level key through startSandbox({ seed }).

/** Quality rating values, cloud-api/reference/phone-numbers (quality_rating). */
export type QualityRating = 'GREEN' | 'YELLOW' | 'RED' | 'NA' | 'UNKNOWN';

export interface SeedPhoneNumber {
	id: string;
	/** As Meta formats it, e.g. "+1 631-555-5555" in the Postman example "Get Phone Number By ID". */
	displayPhoneNumber: string;
	verifiedName: string;
	qualityRating: QualityRating;
	codeVerificationStatus: 'VERIFIED' | 'NOT_VERIFIED' | 'EXPIRED';
	platformType: 'CLOUD_API' | 'ON_PREMISE' | 'NOT_APPLICABLE';
	throughputLevel: 'STANDARD' | 'HIGH' | 'NOT_APPLICABLE';
	/** Postman "Get Display Name Status (Beta)": name_status. */
	nameStatus: string;
	messagingLimitTier: string;
}

export interface SeedApp {
	id: string;
	name: string;
	/** Signs webhooks (X-Hub-Signature-256) and app access tokens (`{app-id}|{app-secret}`). */
	secret: string;
	category: string;
	link: string;
}

export interface SeedAccessToken {
	token: string;
	/** What the token stands for, for people reading the seed. */
	label: string;
	/** Phone numbers this token may read and send from (its WABA asset permissions). */
	phoneNumberIds: string[];
}

export interface SandboxSeed {
	app: SeedApp;
	wabaId: string;
	phoneNumbers: SeedPhoneNumber[];
	accessTokens: SeedAccessToken[];
}

export const SANDBOX_APP_ID = '900000000000001';
export const SANDBOX_APP_SECRET = 'sandbox-app-secret-0123456789';
export const SANDBOX_WABA_ID = '200000000000001';
export const SANDBOX_PHONE_NUMBER_ID = '300000000000001';
export const SANDBOX_SECOND_PHONE_NUMBER_ID = '300000000000002';
/** A system-user token with access to both business phone numbers. */
export const SANDBOX_ACCESS_TOKEN = 'EAAsandboxFullAccessToken0123456789';
/** A valid token whose system user was granted only the first phone number: the second answers with permission errors. */
export const SANDBOX_LIMITED_TOKEN = 'EAAsandboxLimitedToken0123456789';
/** The app access token Graph accepts for app-level calls: `{app-id}|{app-secret}` (graph-api/guides/access-tokens#apptokens). */
export const SANDBOX_APP_ACCESS_TOKEN = `${SANDBOX_APP_ID}|${SANDBOX_APP_SECRET}`;

const defaultSeed: SandboxSeed = {
	app: {
		id: SANDBOX_APP_ID,
		name: 'WhatsApp Flows Sandbox',
		secret: SANDBOX_APP_SECRET,
		category: 'Business',
		link: 'https://sandbox.invalid/app',
	},
	wabaId: SANDBOX_WABA_ID,
	phoneNumbers: [
		{
			id: SANDBOX_PHONE_NUMBER_ID,
			displayPhoneNumber: '+1 555-010-0001',
			verifiedName: 'Sandbox Shop',
			qualityRating: 'GREEN',
			codeVerificationStatus: 'VERIFIED',
			platformType: 'CLOUD_API',
			throughputLevel: 'STANDARD',
			nameStatus: 'APPROVED',
			messagingLimitTier: 'TIER_250',
		},
		{
			id: SANDBOX_SECOND_PHONE_NUMBER_ID,
			displayPhoneNumber: '+1 555-010-0002',
			verifiedName: 'Sandbox Support',
			qualityRating: 'NA',
			codeVerificationStatus: 'VERIFIED',
			platformType: 'CLOUD_API',
			throughputLevel: 'STANDARD',
			nameStatus: 'APPROVED',
			messagingLimitTier: 'TIER_250',
		},
	],
	accessTokens: [
		{
			token: SANDBOX_ACCESS_TOKEN,
			label: 'system user with both phone numbers',
			phoneNumberIds: [SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID],
		},
		{
			token: SANDBOX_LIMITED_TOKEN,
			label: 'system user with the first phone number only',
			phoneNumberIds: [SANDBOX_PHONE_NUMBER_ID],
		},
	],
};

type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

function deepFreeze<T>(value: T): DeepReadonly<T> {
	if (typeof value === 'object' && value !== null) {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value as DeepReadonly<T>;
}

/** The default world, frozen; `buildSeed` gives a mutable copy. */
export const DEFAULT_SEED: DeepReadonly<SandboxSeed> = deepFreeze(defaultSeed);

/** The default seed with the given top-level keys replaced; always a fresh copy, so a sandbox never shares state. */
export function buildSeed(overrides: Partial<SandboxSeed> = {}): SandboxSeed {
	return structuredClone({ ...defaultSeed, ...overrides });
}
