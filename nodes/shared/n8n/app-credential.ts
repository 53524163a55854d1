import type { IExecuteFunctions, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

export const APP_CREDENTIAL = 'whatsAppFlowsAppApi';

export interface AppCredential {
	appId: string;
	appSecret: string;
	verifyToken: string;
	/** The secret that signs our flow tokens: the dedicated one, else the app secret. */
	flowTokenSecret: string;
}

export async function readAppCredential(context: IExecuteFunctions | IHookFunctions | IWebhookFunctions): Promise<AppCredential> {
	const data = await context.getCredentials(APP_CREDENTIAL);
	const appSecret = String(data.appSecret ?? '');
	const dedicated = String(data.flowTokenSecret ?? '');
	return {
		appId: String(data.appId ?? '').trim(),
		appSecret,
		verifyToken: String(data.verifyToken ?? ''),
		flowTokenSecret: dedicated || appSecret,
	};
}
