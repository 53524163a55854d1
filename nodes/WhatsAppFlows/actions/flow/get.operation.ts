import type { IExecuteFunctions } from 'n8n-workflow';
import { getFlow } from '../../../shared/flows/flows-api';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { flowIdLocator, readFlowId } from '../../methods/flowLocator';
import { showFor, type OperationModule } from '../types';
import { flowItem } from './flow-output';
import { optionsCollection } from './parameters';

export const getFlowOperation: OperationModule = {
	name: 'Get',
	action: 'Get a flow',
	description: showFor('flow', 'get', [
		flowIdLocator(),
		optionsCollection([
			{
				displayName: 'New Preview URL',
				name: 'newPreviewUrl',
				type: 'boolean',
				default: false,
				description: 'Whether to make Meta issue a new preview link (the old one stops working)',
			},
		]),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const flowId = readFlowId(this, itemIndex);
		const newPreviewUrl = this.getNodeParameter('options.newPreviewUrl', itemIndex, false) as boolean;
		const { client } = await graphClientFor(this);
		// Meta leaves out fields that have no value (no JSON uploaded, no endpoint): they come out as null.
		return { jsonVersion: null, dataApiVersion: null, endpointUri: null, ...flowItem(await getFlow(client, flowId, { newPreviewUrl })) };
	},
};
