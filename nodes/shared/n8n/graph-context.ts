import { sleep, type IExecuteFunctions, type IHookFunctions, type ILoadOptionsFunctions, type IWebhookFunctions } from 'n8n-workflow';
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
	const data = await context.getCredentials(CLOUD_API_CREDENTIAL);
	return {
		accessToken: String(data.accessToken ?? ''),
		wabaId: String(data.wabaId ?? '').trim(),
		phoneNumberId: String(data.phoneNumberId ?? '').trim(),
		graphApiVersion: String(data.graphApiVersion ?? ''),
		baseUrl: String(data.baseUrl ?? ''),
	};
}

/** The one Graph transport, bound to this node's Cloud API credential. */
export async function graphClientFor(context: GraphContext): Promise<{ client: GraphClient; credential: CloudApiCredential }> {
	const credential = await readCloudApiCredential(context);
	const client = createGraphClient({
		send: httpSendWithCredential(context, CLOUD_API_CREDENTIAL),
		baseUrl: credential.baseUrl,
		version: credential.graphApiVersion,
		sleep: async (ms) => await sleep(ms),
	});
	return { client, credential };
}
