import type { IExecuteFunctions } from 'n8n-workflow';
import { getFlow, publishFlow } from '../../../shared/flows/flows-api';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { flowIdLocator, readFlowId } from '../../methods/flowLocator';
import { showFor, type OperationModule } from '../types';
import { flowItem } from './flow-output';

/** Meta: flows/reference/flowsapi "Publish" — a DRAFT with valid JSON; an endpoint Flow also passes a health check. */
export const publishFlowOperation: OperationModule = {
	name: 'Publish',
	action: 'Publish a flow',
	description: showFor('flow', 'publish', [
		flowIdLocator({ description: 'The DRAFT Flow to publish. Once published it can no longer be deleted, only deprecated.' }),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const flowId = readFlowId(this, itemIndex);
		const { client } = await graphClientFor(this);
		await publishFlow(client, flowId);
		return flowItem(await getFlow(client, flowId, { fields: ['id', 'name', 'status', 'json_version'] }));
	},
};
