import type { IExecuteFunctions } from 'n8n-workflow';
import { flowCategories } from '../../../shared/flows/categories';
import { getFlow, updateFlowMetadata, type FlowMetadata } from '../../../shared/flows/flows-api';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { flowIdLocator, readFlowId } from '../../methods/flowLocator';
import { showFor, type OperationModule } from '../types';
import { flowItem } from './flow-output';
import { categoriesProperty, ENDPOINT_URI_PROPERTY } from './parameters';

export const updateFlowMetadataOperation: OperationModule = {
	name: 'Update Metadata',
	action: 'Update the metadata of a flow',
	description: showFor('flow', 'updateMetadata', [
		flowIdLocator(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				{
					displayName: 'Application ID',
					name: 'applicationId',
					type: 'string',
					default: '',
					description: 'The Meta app connected to the Flow (it signs the endpoint\'s requests)',
				},
				categoriesProperty(),
				ENDPOINT_URI_PROPERTY,
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			],
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const flowId = readFlowId(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as {
			name?: string;
			categories?: string[];
			endpointUri?: string;
			applicationId?: string;
		};
		const metadata: FlowMetadata = {};
		if (fields.name?.trim()) metadata.name = fields.name.trim();
		if (fields.categories !== undefined) metadata.categories = flowCategories(fields.categories);
		if (fields.endpointUri?.trim()) metadata.endpointUri = fields.endpointUri.trim();
		if (fields.applicationId?.trim()) metadata.applicationId = fields.applicationId.trim();
		const { client } = await graphClientFor(this);
		await updateFlowMetadata(client, flowId, metadata);
		const flow = await getFlow(client, flowId, { fields: ['id', 'name', 'status', 'categories', 'endpoint_uri', 'application'] });
		return { ...flowItem(flow), updated: Object.keys(metadata) };
	},
};
