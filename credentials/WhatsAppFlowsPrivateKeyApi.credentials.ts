import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The Flow endpoint's RSA-2048 private key. Meta encrypts every data-exchange request to the matching public key
 * (uploaded per phone number). Tested locally by the nodes that use it: the key must parse and be RSA-2048.
 */
export class WhatsAppFlowsPrivateKeyApi implements ICredentialType {
	name = 'whatsAppFlowsPrivateKeyApi';

	displayName = 'WhatsApp Flow Endpoint Private Key API';

	icon: Icon = { light: 'file:../icons/whatsapp-flows.svg', dark: 'file:../icons/whatsapp-flows.dark.svg' };

	documentationUrl = 'https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint';

	properties: INodeProperties[] = [
		{
			displayName: 'Private Key (PEM)',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 8 },
			default: '',
			required: true,
			description: 'PKCS#1 (as Meta\'s key generator makes, DES3-encrypted) or PKCS#8, plain or encrypted',
		},
		{
			displayName: 'Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Leave empty for an unencrypted key',
		},
	];
}
