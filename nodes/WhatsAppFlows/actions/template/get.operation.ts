import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { templateLocator } from '../../methods/templateSearch';
import { showFor, type OperationModule } from '../types';

export const getTemplate: OperationModule = {
	name: 'Get',
	action: 'Get a message template',
	description: showFor('template', 'get', [templateLocator()]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = String(this.getNodeParameter('template', itemIndex, '', { extractValue: true })).trim();
		const { client } = await graphClientFor(this);
		// graph-api/reference/whats-app-business-hsm; Postman "Get template by ID (default fields)".
		return await client.request<IDataObject>({ method: 'GET', path: id });
	},
};
