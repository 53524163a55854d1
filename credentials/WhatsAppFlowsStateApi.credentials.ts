import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * An n8n API key scoped to data tables only: lets the nodes keep exact shared state (OTP attempts, dedupe keys,
 * single-use tokens) in n8n's own database, shared by every process in queue mode. Needs n8n 2.x.
 */
export class WhatsAppFlowsStateApi implements ICredentialType {
	name = 'whatsAppFlowsStateApi';

	displayName = 'WhatsApp Flows State Store API';

	icon: Icon = { light: 'file:../icons/whatsapp-flows.svg', dark: 'file:../icons/whatsapp-flows.dark.svg' };

	documentationUrl = 'https://docs.n8n.io/api/authentication/';

	properties: INodeProperties[] = [
		{
			displayName: 'n8n API URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:5678/api/v1',
			description: 'This n8n\'s public API, as the n8n processes themselves reach it',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Settings → n8n API → Create an API key with ONLY the data table scopes (dataTable:create/read/list, dataTableRow:create/read/update/delete)',
		},
		{
			displayName: 'Table Name',
			name: 'tableName',
			type: 'string',
			default: 'whatsapp_flows_state',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-N8N-API-KEY': '={{$credentials.apiKey}}' },
		},
	};
}
