import type { ResourceModule } from '../types';
import { createTemplate } from './create.operation';
import { deleteTemplate } from './delete.operation';
import { getTemplate } from './get.operation';
import { getAllTemplates } from './getAll.operation';

export const templateResource: ResourceModule = {
	name: 'Template',
	value: 'template',
	credentials: ['whatsAppFlowsCloudApi'],
	defaultOperation: 'create',
	operations: { create: createTemplate, get: getTemplate, getAll: getAllTemplates, delete: deleteTemplate },
};
