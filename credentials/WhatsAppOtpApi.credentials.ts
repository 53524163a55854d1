import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret of the WhatsApp OTP node: codes are stored only as HMAC-SHA256 under it, so the stored state alone
 * (a data table row, a backup) reveals no code. Use the same credential on every node of one verification.
 */
export class WhatsAppOtpApi implements ICredentialType {
	name = 'whatsAppOtpApi';

	displayName = 'WhatsApp OTP Secret API';

	icon: Icon = { light: 'file:../icons/whatsapp-flows.svg', dark: 'file:../icons/whatsapp-flows.dark.svg' };

	documentationUrl = 'https://developers.facebook.com/docs/whatsapp/business-management-api/authentication-templates';

	properties: INodeProperties[] = [
		{
			displayName: 'HMAC Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'At least 16 random characters (e.g. `openssl rand -hex 32`). Changing it invalidates every pending code.',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- a two-step PIN is a secret
		{
			displayName: 'Business Number PIN',
			name: 'pin',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional: the 6-digit two-step verification PIN of the business number, for the Business Number operations (register, set PIN)',
		},
	];
}
