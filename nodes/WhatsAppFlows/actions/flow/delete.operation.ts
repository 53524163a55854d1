import type { IExecuteFunctions } from 'n8n-workflow';
import { deleteFlow } from '../../../shared/flows/flows-api';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { flowIdLocator, readFlowId } from '../../methods/flowLocator';
import { showFor, type OperationModule } from '../types';

/** Meta: flows/reference/flowsapi "Delete Flow" — DRAFT only; anything else answers 139004 (explained by the catalogue). */
export const deleteFlowOperation: OperationModule = {
	name: 'Delete',
	action: 'Delete a draft flow',
	description: showFor('flow', 'delete', [
		flowIdLocator({ description: 'The DRAFT Flow to delete. A published Flow cannot be deleted: deprecate it instead.' }),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const flowId = readFlowId(this, itemIndex);
		const { client } = await graphClientFor(this);
		await deleteFlow(client, flowId);
		return { id: flowId, deleted: true };
	},
};
