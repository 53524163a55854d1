import type { ICredentialDataDecryptedObject, Icon, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

/** Access to one WhatsApp Business Account and phone number through Meta's Graph API (or the local sandbox). */
export class WhatsAppFlowsCloudApi implements ICredentialType {
	name = 'whatsAppFlowsCloudApi';

	displayName = 'WhatsApp Cloud API';

	icon: Icon = { light: 'file:../icons/whatsapp-flows.svg', dark: 'file:../icons/whatsapp-flows.dark.svg' };

	documentationUrl = 'https://developers.facebook.com/docs/whatsapp/cloud-api/get-started';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A System User access token with whatsapp_business_messaging and whatsapp_business_management permissions',
		},
		{
			displayName: 'WhatsApp Business Account ID',
			name: 'wabaId',
			type: 'string',
			default: '',
			required: true,
			description: 'The WABA ID from WhatsApp Manager → Account tools → Phone numbers',
		},
		{
			displayName: 'Phone Number ID',
			name: 'phoneNumberId',
			type: 'string',
			default: '',
			required: true,
			description: 'The ID of the business phone number messages are sent from (not the phone number itself)',
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: 'v25.0',
			description: 'Meta Graph API version, e.g. v25.0',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
			description: 'Change only to use a local Cloud API sandbox',
		},
	];

	/**
	 * A function, not a `{{$credentials…}}` expression: n8n evaluates such an expression with a full workflow data
	 * proxy on every request, which bounded a broadcast at about 300 messages per second on two cores.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.accessToken ?? '')}` } };
	}
}
