import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { toNodeError } from '../../../shared/n8n/node-errors';
import { showFor, type OperationModule } from '../types';

/** Review and quality states a template can be in (business-management-api/message-templates "Template status"). */
const STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'ARCHIVED', 'LIMIT_EXCEEDED'];

export const getAllTemplates: OperationModule = {
	name: 'Get Many',
	action: 'Get many message templates',
	description: showFor('template', 'getAll', [
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
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Category',
					name: 'category',
					type: 'options',
					options: ['MARKETING', 'UTILITY', 'AUTHENTICATION'].map((c) => ({ name: c.charAt(0) + c.slice(1).toLowerCase(), value: c })),
					default: 'MARKETING',
				},
				{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'en_US' },
				{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Exact template name' },
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: STATUSES.map((s) => ({ name: s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' '), value: s })),
					default: 'APPROVED',
				},
			],
		},
	]),
	// One list for the whole run: the items are the templates, not the input items (paged with Graph cursors).
	async executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
				const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
				const filters = this.getNodeParameter('filters', itemIndex, {}) as Record<string, string>;
				const { client, credential } = await graphClientFor(this);
				const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '' && v !== undefined));
				const templates = await client.listAll<IDataObject>(`${credential.wabaId}/message_templates`, query, { limit, pageSize: Math.min(limit ?? 100, 100) });
				for (const template of templates) output.push({ json: template, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push({ json: { error: nodeError.message, description: nodeError.description ?? null }, pairedItem: { item: itemIndex } });
			}
		}
		return output;
	},
};
