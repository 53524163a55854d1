import { generateKeyPairSync } from 'node:crypto';
import {
	SANDBOX_ACCESS_TOKEN,
	SANDBOX_APP_ID,
	SANDBOX_APP_SECRET,
	SANDBOX_PHONE_NUMBER_ID,
	SANDBOX_WABA_ID,
} from '../sandbox/seed';
import type { CredentialIds } from './examples';
import type { N8nApi } from './n8n-api';
import { createApiKey, DATA_TABLE_SCOPES } from './n8n-owner';
import type { N8nMajor } from './paths';

/** What an n8n instance the harness started offers to credential helpers. */
export interface CredentialTarget {
	api: N8nApi;
	major: N8nMajor;
	baseUrl: string;
	cookie: string;
}

/**
 * Creates a credential. n8n 1.x's public API schema wants the domain-restriction field it adds to the types that
 * authenticate HTTP requests, and refuses it for the others.
 */
export async function createCredentialIn(target: CredentialTarget, name: string, type: string, data: Record<string, unknown>): Promise<string> {
	if (target.major !== 1) return await target.api.createCredential(name, type, data);
	try {
		return await target.api.createCredential(name, type, { allowedHttpRequestDomains: 'all', ...data });
	} catch (error) {
		if (!(error as Error).message.includes('allowedHttpRequestDomains')) throw error;
		return await target.api.createCredential(name, type, data);
	}
}

export const SANDBOX_VERIFY_TOKEN = 'sandbox-verify-token';
export const SANDBOX_FLOW_TOKEN_SECRET = 'sandbox-flow-token-secret-0123456789';

export function sandboxCloudApiData(sandboxUrl: string): Record<string, unknown> {
	return {
		accessToken: SANDBOX_ACCESS_TOKEN,
		wabaId: SANDBOX_WABA_ID,
		phoneNumberId: SANDBOX_PHONE_NUMBER_ID,
		graphApiVersion: 'v25.0',
		baseUrl: sandboxUrl,
	};
}

export function sandboxAppData(sandboxUrl: string): Record<string, unknown> {
	return {
		appId: SANDBOX_APP_ID,
		appSecret: SANDBOX_APP_SECRET,
		verifyToken: SANDBOX_VERIFY_TOKEN,
		flowTokenSecret: SANDBOX_FLOW_TOKEN_SECRET,
		graphApiVersion: 'v25.0',
		baseUrl: sandboxUrl,
	};
}

/** A fresh RSA-2048 pair for the Flow endpoint (PKCS#8, unencrypted) — demo and tests only. */
export function demoFlowKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return {
		privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
	};
}

/** Every credential type of the package, filled for the sandbox; the state store only on n8n 2.x. */
export async function createSandboxCredentials(
	target: CredentialTarget,
	sandboxUrl: string,
	flowPrivateKeyPem: string,
): Promise<CredentialIds> {
	const ids: CredentialIds = {
		whatsAppFlowsCloudApi: await createCredentialIn(target, 'WhatsApp Cloud API (sandbox)', 'whatsAppFlowsCloudApi', sandboxCloudApiData(sandboxUrl)),
		whatsAppFlowsAppApi: await createCredentialIn(target, 'WhatsApp Meta App (sandbox)', 'whatsAppFlowsAppApi', sandboxAppData(sandboxUrl)),
		whatsAppFlowsPrivateKeyApi: await createCredentialIn(target, 'WhatsApp Flow endpoint key (demo)', 'whatsAppFlowsPrivateKeyApi', {
			privateKey: flowPrivateKeyPem,
			passphrase: '',
		}),
	};
	ids.whatsAppOtpApi = await createCredentialIn(target, 'WhatsApp OTP secret', 'whatsAppOtpApi', { secret: 'demo-otp-hmac-secret-replace-me-0123456789' });
	// Placeholders for the third-party nodes of the examples (Google Sheets, HubSpot): n8n activates a workflow only
	// when each node has its credential. Users replace them with their own; nothing calls those services in tests.
	ids.googleApi = await createCredentialIn(target, 'Google service account (replace)', 'googleApi', {
		email: 'replace-me@your-project.iam.gserviceaccount.com',
		privateKey: '-----BEGIN PRIVATE KEY-----\nreplace with your service account key\n-----END PRIVATE KEY-----',
	});
	ids.hubspotAppToken = await createCredentialIn(target, 'HubSpot app token (replace)', 'hubspotAppToken', { appToken: 'replace-with-your-private-app-token' });
	// Forms to Flows examples: Typeform's API token; a Google access token as an Authorization header.
	ids.typeformApi = await createCredentialIn(target, 'Typeform (replace)', 'typeformApi', { accessToken: 'replace-with-your-typeform-token' });
	ids.httpHeaderAuth = await createCredentialIn(target, 'Google access token (replace)', 'httpHeaderAuth', { name: 'Authorization', value: 'Bearer replace-with-a-token' });
	if (target.major === 2) {
		const apiKey = await createApiKey(target.baseUrl, target.cookie, 'whatsapp-flows-state-store', DATA_TABLE_SCOPES);
		ids.whatsAppFlowsStateApi = await createCredentialIn(target, 'WhatsApp Flows state store (this n8n)', 'whatsAppFlowsStateApi', {
			baseUrl: `${target.baseUrl}/api/v1`,
			apiKey,
			tableName: 'whatsapp_flows_state',
		});
	}
	return ids;
}
