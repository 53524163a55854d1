import type { IExecuteFunctions } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { templateLocator } from '../../methods/templateSearch';
import { showFor, type OperationModule } from '../types';

export const deleteTemplate: OperationModule = {
	name: 'Delete',
	action: 'Delete a message template',
	description: showFor('template', 'delete', [
		{
			displayName: 'Delete By',
			name: 'deleteBy',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Name (All Languages)', value: 'name', description: 'Deletes the template in every language' },
				{ name: 'Template (One Language)', value: 'template', description: 'Deletes only the chosen template (name and its ID)' },
			],
			default: 'name',
		},
		{
			displayName: 'Template Name',
			name: 'templateName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'order_update',
			displayOptions: { show: { deleteBy: ['name'] } },
		},
		templateLocator({ displayOptions: { show: { deleteBy: ['template'] } } }),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { client, credential } = await graphClientFor(this);
		const deleteBy = this.getNodeParameter('deleteBy', itemIndex) as string;
		let name: string;
		let hsmId: string | undefined;
		if (deleteBy === 'template') {
			hsmId = String(this.getNodeParameter('template', itemIndex, '', { extractValue: true })).trim();
			name = (await client.request<{ name: string }>({ method: 'GET', path: hsmId, query: { fields: 'name' } })).name;
		} else {
			name = (this.getNodeParameter('templateName', itemIndex) as string).trim();
			if (name === '') throw new Error('Template Name is empty: name the template to delete.');
		}
		// business-management-api/message-templates "Deleting templates": by name (every language), or name + hsm_id.
		const answer = await client.request<{ success?: boolean }>({
			method: 'DELETE',
			path: `${credential.wabaId}/message_templates`,
			query: { name, hsm_id: hsmId },
		});
		return { deleted: answer.success === true, name, ...(hsmId ? { id: hsmId } : {}) };
	},
};
