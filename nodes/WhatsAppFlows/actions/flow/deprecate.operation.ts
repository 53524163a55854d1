import type { IExecuteFunctions } from 'n8n-workflow';
import { deprecateFlow, getFlow } from '../../../shared/flows/flows-api';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { flowIdLocator, readFlowId } from '../../methods/flowLocator';
import { showFor, type OperationModule } from '../types';
import { flowItem } from './flow-output';

/** Meta: flows/reference/flowsapi "Deprecate" — only a published Flow (else 139003); it cannot be undone. */
export const deprecateFlowOperation: OperationModule = {
	name: 'Deprecate',
	action: 'Deprecate a flow',
	description: showFor('flow', 'deprecate', [
		flowIdLocator({ description: 'The published Flow to retire: it can no longer be sent. This cannot be undone.' }),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const flowId = readFlowId(this, itemIndex);
		const { client } = await graphClientFor(this);
		await deprecateFlow(client, flowId);
		return flowItem(await getFlow(client, flowId, { fields: ['id', 'name', 'status'] }));
	},
};
