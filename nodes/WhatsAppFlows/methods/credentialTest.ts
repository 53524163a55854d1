import {
	sleep,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type INodeCredentialTestResult,
} from 'n8n-workflow';
import { describeFlowPrivateKey } from '../../shared/crypto/private-key';
import { createGraphClient } from '../../shared/graph/graph-client';
import { MetaApiError } from '../../shared/graph/meta-error';
import { httpSendForCredentialTest } from '../../shared/n8n/http-send';

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function failure(error: unknown): INodeCredentialTestResult {
	if (error instanceof MetaApiError) {
		const code = error.code === undefined ? `HTTP ${error.httpStatus}` : `Meta error ${error.code}`;
		return { status: 'Error', message: `${code}: ${error.metaMessage} — ${error.fix}` };
	}
	return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/** Reads the credential's phone number: proves the token, the base URL, the version and the phone number id. */
export async function testCloudApi(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const client = createGraphClient({
		send: httpSendForCredentialTest(this, { Authorization: `Bearer ${text(data.accessToken)}` }),
		baseUrl: text(data.baseUrl),
		version: text(data.graphApiVersion),
		sleep: async (ms) => await sleep(ms),
		maxAttempts: 1,
	});
	try {
		const phone = await client.request<{ display_phone_number?: string; verified_name?: string }>({
			method: 'GET',
			path: text(data.phoneNumberId).trim(),
			query: { fields: 'id,display_phone_number,verified_name' },
		});
		return {
			status: 'OK',
			message: `Connected: ${phone.verified_name ?? 'phone number'} (${phone.display_phone_number ?? text(data.phoneNumberId)})`,
		};
	} catch (error) {
		return failure(error);
	}
}

/** Checks locally that the key parses with its passphrase and is RSA-2048 (Meta's requirement); nothing is sent. */
export async function testPrivateKey(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const described = describeFlowPrivateKey(text(data.privateKey), text(data.passphrase) || undefined);
	if (!described.ok) return { status: 'Error', message: described.message };
	return { status: 'OK', message: `RSA-${described.modulusBits} key, public key fingerprint ${described.fingerprint.slice(0, 16)}…` };
}

/**
 * The state store's key must reach data tables and NOTHING else: a leaked key then cannot read workflows or
 * credentials. So reading data tables must succeed and reading workflows must be refused.
 */
export async function testStateStore(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = text(data.baseUrl).replace(/\/+$/, '');
	const send = httpSendForCredentialTest(this, { 'X-N8N-API-KEY': text(data.apiKey) });
	try {
		const tables = await send({ method: 'GET', url: `${baseUrl}/data-tables`, query: { limit: 1 } });
		if (tables.status === 401) return { status: 'Error', message: 'n8n refused the API key (401): check the key' };
		if (tables.status === 403) return { status: 'Error', message: 'The API key has no data table scopes (403): add dataTable and dataTableRow scopes' };
		if (tables.status === 404) return { status: 'Error', message: 'No data-table API at this URL (404): it must be an n8n 2.x public API URL ending in /api/v1' };
		if (tables.status !== 200) return { status: 'Error', message: `Reading data tables answered HTTP ${tables.status}` };
		const workflows = await send({ method: 'GET', url: `${baseUrl}/workflows`, query: { limit: 1 } });
		if (workflows.status === 200) {
			return {
				status: 'Error',
				message: 'This API key can do more than data tables (it can read workflows). Create a key with only the data table scopes.',
			};
		}
		return { status: 'OK', message: 'The key reaches data tables and nothing else' };
	} catch (error) {
		return failure(error);
	}
}
