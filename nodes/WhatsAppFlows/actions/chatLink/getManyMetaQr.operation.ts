import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { listForEachItem, returnAllFields } from '../list-operation';
import { showFor, type OperationModule } from '../types';

export const getManyMetaQr: OperationModule = {
	name: 'Get Many Meta QR Codes',
	action: 'Get many QR codes hosted by Meta',
	description: showFor('chatLink', 'getManyMetaQr', returnAllFields(true)),
	async executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await listForEachItem(this, items, async (_itemIndex, limit) => {
			const { client, credential } = await graphClientFor(this);
			return await client.listAll<IDataObject>(`${credential.phoneNumberId}/message_qrdls`, {}, { limit });
		});
	},
};
