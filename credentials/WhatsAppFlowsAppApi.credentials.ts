import type { ICredentialTestRequest, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The Meta app behind the webhooks: its secret signs every webhook and Flow endpoint request. */
export class WhatsAppFlowsAppApi implements ICredentialType {
	name = 'whatsAppFlowsAppApi';

	displayName = 'WhatsApp Meta App API';

	icon: Icon = { light: 'file:../icons/whatsapp-flows.svg', dark: 'file:../icons/whatsapp-flows.dark.svg' };

	documentationUrl = 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started';

	properties: INodeProperties[] = [
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'App settings → Basic → App secret. Verifies X-Hub-Signature-256 on webhooks and Flow endpoint requests.',
		},
		{
			displayName: 'Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Any secret string; enter the same one in the app\'s webhook settings for the GET handshake',
		},
		{
			displayName: 'Flow Token Secret',
			name: 'flowTokenSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'At least 16 characters. Signs the flow tokens this package issues, so completed flows can be trusted. Leave empty to sign with the app secret.',
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: 'v25.0',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
			description: 'Change only to use a local Cloud API sandbox',
		},
	];

	/** Reads the app with an app access token (`{app-id}|{app-secret}`), which proves the secret belongs to the app. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/{{$credentials.graphApiVersion}}',
			url: '=/{{$credentials.appId}}',
			qs: { access_token: '={{$credentials.appId}}|{{$credentials.appSecret}}', fields: 'id,name' },
		},
	};
}
