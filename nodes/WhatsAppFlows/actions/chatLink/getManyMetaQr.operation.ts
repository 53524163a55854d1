import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { toNodeError } from '../../../shared/n8n/node-errors';
import { showFor, type OperationModule } from '../types';

export const getManyMetaQr: OperationModule = {
	name: 'Get Many Meta QR Codes',
	action: 'Get many QR codes hosted by Meta',
	description: showFor('chatLink', 'getManyMetaQr', [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: true,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	]),
	// One list per input item; the output items are the QR codes.
	async executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const limit = (this.getNodeParameter('returnAll', itemIndex) as boolean) ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
				const { client, credential } = await graphClientFor(this);
				const codes = await client.listAll<IDataObject>(`${credential.phoneNumberId}/message_qrdls`, {}, { limit });
				for (const code of codes) output.push({ json: code, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push({ json: { error: nodeError.message, description: nodeError.description ?? null }, pairedItem: { item: itemIndex } });
			}
		}
		return output;
	},
};
