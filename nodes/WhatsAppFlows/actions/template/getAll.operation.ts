import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { listForEachItem, returnAllFields } from '../list-operation';
import { showFor, type OperationModule } from '../types';

/** Review and quality states a template can be in (business-management-api/message-templates "Template status"). */
const STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'ARCHIVED', 'LIMIT_EXCEEDED'];

export const getAllTemplates: OperationModule = {
	name: 'Get Many',
	action: 'Get many message templates',
	description: showFor('template', 'getAll', [
		...returnAllFields(false),
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
	// The output items are the templates, each paired with the input item whose list it belongs to.
	async executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await listForEachItem(this, items, async (itemIndex, limit) => {
			const filters = this.getNodeParameter('filters', itemIndex, {}) as Record<string, string>;
			const { client, credential } = await graphClientFor(this);
			const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '' && v !== undefined));
			return await client.listAll<IDataObject>(`${credential.wabaId}/message_templates`, query, { limit, pageSize: Math.min(limit ?? 100, 100) });
		});
	},
};
