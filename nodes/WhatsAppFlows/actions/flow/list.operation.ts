import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { listAllFlows, listFlowsPage } from '../../../shared/flows/flows-api';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { toNodeError } from '../../../shared/n8n/node-errors';
import { showFor, type OperationModule } from '../types';
import { flowItem } from './flow-output';

const LIST_FIELDS = ['id', 'name', 'status', 'categories', 'validation_errors', 'json_version', 'data_api_version', 'endpoint_uri'];

/** One output item per Flow (so it runs over all input items itself, pairing each Flow with the item that listed it). */
export const listFlowsOperation: OperationModule = {
	name: 'Get Many',
	action: 'Get many flows',
	description: showFor('flow', 'list', [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
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
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: [
				{ name: 'Blocked', value: 'BLOCKED' },
				{ name: 'Deprecated', value: 'DEPRECATED' },
				{ name: 'Draft', value: 'DRAFT' },
				{ name: 'Published', value: 'PUBLISHED' },
				{ name: 'Throttled', value: 'THROTTLED' },
			],
			default: [],
			description: 'Only Flows with these statuses; none chosen: all',
		},
	]),
	async executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
				const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
				const statuses = this.getNodeParameter('status', itemIndex, []) as string[];
				const { client, credential } = await graphClientFor(this);
				// Meta's list cannot filter by status, so with a filter every page is read and the limit applies after it.
				let flows =
					statuses.length === 0 && limit !== undefined && limit <= 100
						? (await listFlowsPage(client, credential.wabaId, { limit, fields: LIST_FIELDS })).flows
						: await listAllFlows(client, credential.wabaId, { fields: LIST_FIELDS, ...(statuses.length === 0 && limit !== undefined ? { limit } : {}) });
				if (statuses.length > 0) flows = flows.filter((flow) => flow.status !== undefined && statuses.includes(flow.status));
				if (limit !== undefined) flows = flows.slice(0, limit);
				for (const flow of flows) output.push({ json: flowItem(flow), pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				const json: IDataObject = { error: nodeError.message, description: nodeError.description ?? null };
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		}
		return output;
	},
};
