import type { IExecuteFunctions, IDataObject } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';

const DEFAULT_FIELDS = 'id,display_phone_number,verified_name,quality_rating,code_verification_status,platform_type,throughput';

export const getPhoneNumber: OperationModule = {
	name: 'Get',
	action: 'Get a phone number',
	description: showFor('phoneNumber', 'get', [
		{
			displayName: 'Phone Number ID',
			name: 'phoneNumberId',
			type: 'string',
			default: '',
			placeholder: 'Leave empty for the credential\'s number',
			description: 'The business phone number to read; empty reads the one in the credential',
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: DEFAULT_FIELDS,
			description: 'Comma-separated Graph fields',
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { client, credential } = await graphClientFor(this);
		const id = (this.getNodeParameter('phoneNumberId', itemIndex, '') as string).trim() || credential.phoneNumberId;
		const fields = (this.getNodeParameter('fields', itemIndex, DEFAULT_FIELDS) as string).trim();
		return await client.request<IDataObject>({ method: 'GET', path: id, query: { fields: fields || undefined } });
	},
};
