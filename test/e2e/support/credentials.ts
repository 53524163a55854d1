import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiKey, DATA_TABLE_SCOPES } from '../../harness/n8n-owner';
import {
	SANDBOX_ACCESS_TOKEN,
	SANDBOX_APP_ID,
	SANDBOX_APP_SECRET,
	SANDBOX_PHONE_NUMBER_ID,
	SANDBOX_WABA_ID,
} from '../../sandbox/seed';
import type { E2eInstance } from '../harness/e2e-env';

export type CredentialRef = { id: string; name: string };

export async function createCredential(n8n: E2eInstance, name: string, type: string, data: Record<string, unknown>): Promise<CredentialRef> {
	// n8n 1.x's public API schema requires the domain-restriction fields it adds to every credential type
	const compatible = n8n.major === 1 ? { allowedHttpRequestDomains: 'all', ...data } : data;
	const id = await n8n.api.createCredential(`${name} ${Date.now()}`, type, compatible);
	return { id, name: `${name}` };
}

/** The sandbox's seeded WABA and first phone number, as a user would fill the credential. */
export async function sandboxCloudApiCredential(n8n: E2eInstance, sandboxUrl: string, overrides: Record<string, unknown> = {}): Promise<CredentialRef> {
	return await createCredential(n8n, 'Sandbox Cloud API', 'whatsAppFlowsCloudApi', {
		accessToken: SANDBOX_ACCESS_TOKEN,
		wabaId: SANDBOX_WABA_ID,
		phoneNumberId: SANDBOX_PHONE_NUMBER_ID,
		graphApiVersion: 'v25.0',
		baseUrl: sandboxUrl,
		...overrides,
	});
}

export async function sandboxAppCredential(n8n: E2eInstance, sandboxUrl: string, overrides: Record<string, unknown> = {}): Promise<CredentialRef> {
	return await createCredential(n8n, 'Sandbox Meta App', 'whatsAppFlowsAppApi', {
		appId: SANDBOX_APP_ID,
		appSecret: SANDBOX_APP_SECRET,
		verifyToken: 'sandbox-verify-token',
		flowTokenSecret: 'sandbox-flow-token-secret-0123456789',
		graphApiVersion: 'v25.0',
		baseUrl: sandboxUrl,
		...overrides,
	});
}

interface VectorSet {
	keyFormat: string;
	privateKeyPem: string;
	passphrase: string;
}

export function vectorKeySets(): VectorSet[] {
	const file = join(__dirname, '..', '..', 'fixtures', 'meta', 'flow-crypto-vectors.json');
	return (JSON.parse(readFileSync(file, 'utf8')) as { sets: VectorSet[] }).sets;
}

/** A data-table-only API key of this n8n, as the README tells users to make. */
export async function stateStoreCredential(n8n: E2eInstance, scopes = DATA_TABLE_SCOPES, tableName = 'whatsapp_flows_state'): Promise<CredentialRef> {
	const apiKey = await createApiKey(n8n.baseUrl, n8n.cookie, `state-store-${Date.now()}`, scopes);
	return await createCredential(n8n, 'State Store', 'whatsAppFlowsStateApi', {
		baseUrl: `${n8n.baseUrl}/api/v1`,
		apiKey,
		tableName,
	});
}
