import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiKey, DATA_TABLE_SCOPES } from '../../harness/n8n-owner';
import { createCredentialIn, sandboxAppData, sandboxCloudApiData } from '../../harness/sandbox-credentials';
import type { E2eInstance } from '../harness/e2e-env';

export type CredentialRef = { id: string; name: string };

export async function createCredential(n8n: E2eInstance, name: string, type: string, data: Record<string, unknown>): Promise<CredentialRef> {
	const id = await createCredentialIn(n8n, `${name} ${Date.now()}`, type, data);
	return { id, name };
}

/** The sandbox's seeded WABA and first phone number, as a user would fill the credential. */
export async function sandboxCloudApiCredential(n8n: E2eInstance, sandboxUrl: string, overrides: Record<string, unknown> = {}): Promise<CredentialRef> {
	return await createCredential(n8n, 'Sandbox Cloud API', 'whatsAppFlowsCloudApi', { ...sandboxCloudApiData(sandboxUrl), ...overrides });
}

export async function sandboxAppCredential(n8n: E2eInstance, sandboxUrl: string, overrides: Record<string, unknown> = {}): Promise<CredentialRef> {
	return await createCredential(n8n, 'Sandbox Meta App', 'whatsAppFlowsAppApi', { ...sandboxAppData(sandboxUrl), ...overrides });
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
	return await createCredential(n8n, 'State Store', 'whatsAppFlowsStateApi', { baseUrl: `${n8n.baseUrl}/api/v1`, apiKey, tableName });
}
