import { sleep, type ICredentialDataDecryptedObject, type IExecuteFunctions, type IHookFunctions, type ILoadOptionsFunctions, type IWebhookFunctions } from 'n8n-workflow';
import { createGraphClient, type GraphClient } from '../graph/graph-client';
import { httpSendWithCredential } from './http-send';

export const CLOUD_API_CREDENTIAL = 'whatsAppFlowsCloudApi';

export interface CloudApiCredential {
	accessToken: string;
	wabaId: string;
	phoneNumberId: string;
	graphApiVersion: string;
	baseUrl: string;
}

type GraphContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export async function readCloudApiCredential(context: GraphContext): Promise<CloudApiCredential> {
	return cloudApiCredentialFrom(await context.getCredentials(CLOUD_API_CREDENTIAL));
}

function cloudApiCredentialFrom(data: ICredentialDataDecryptedObject): CloudApiCredential {
	return {
		accessToken: String(data.accessToken ?? ''),
		wabaId: String(data.wabaId ?? '').trim(),
		phoneNumberId: String(data.phoneNumberId ?? '').trim(),
		graphApiVersion: String(data.graphApiVersion ?? ''),
		baseUrl: String(data.baseUrl ?? ''),
	};
}

export interface GraphClientChoices {
	/** Attempts per call (default: the transport's 4). A broadcast passes 1 and schedules its own retries. */
	maxAttempts?: number;
	/** Decrypt the credential once for every call of this client instead of once per call (many calls). */
	credentialOnce?: boolean;
}

/** The one Graph transport, bound to this node's Cloud API credential. */
export async function graphClientFor(
	context: GraphContext,
	choices: GraphClientChoices = {},
): Promise<{ client: GraphClient; credential: CloudApiCredential }> {
	const data = await context.getCredentials(CLOUD_API_CREDENTIAL);
	const credential = cloudApiCredentialFrom(data);
	const reference = context.getNode().credentials?.[CLOUD_API_CREDENTIAL];
	const credentialOptions =
		choices.credentialOnce && reference?.id
			? { credentialsDecrypted: { id: reference.id, name: reference.name, type: CLOUD_API_CREDENTIAL, data } }
			: undefined;
	const client = createGraphClient({
		send: httpSendWithCredential(context, CLOUD_API_CREDENTIAL, credentialOptions),
		baseUrl: credential.baseUrl,
		version: credential.graphApiVersion,
		sleep: async (ms) => await sleep(ms),
		...(choices.maxAttempts !== undefined ? { maxAttempts: choices.maxAttempts } : {}),
	});
	return { client, credential };
}
