import { NodeOperationError, type ICredentialDataDecryptedObject, type IExecuteFunctions, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';

export const APP_CREDENTIAL = 'whatsAppFlowsAppApi';

export interface AppCredential {
	appId: string;
	appSecret: string;
	verifyToken: string;
	/** The secret that signs our flow tokens: the dedicated one, else the app secret. */
	flowTokenSecret: string;
}

export async function readAppCredential(context: IExecuteFunctions | IHookFunctions | IWebhookFunctions): Promise<AppCredential> {
	let missing = false;
	const data: ICredentialDataDecryptedObject = await context.getCredentials(APP_CREDENTIAL).catch((error: unknown) => {
		// n8n's words when an optional credential was left empty.
		missing = error instanceof Error && /does not require credentials|does not have any credentials set/.test(error.message);
		if (!missing) throw error;
		return {};
	});
	if (missing) {
		throw new NodeOperationError(context.getNode(), 'Select a "WhatsApp Meta App" credential in the node: its flow token secret signs the flow token');
	}
	const appSecret = String(data.appSecret ?? '');
	const dedicated = String(data.flowTokenSecret ?? '');
	return {
		appId: String(data.appId ?? '').trim(),
		appSecret,
		verifyToken: String(data.verifyToken ?? ''),
		flowTokenSecret: dedicated || appSecret,
	};
}
