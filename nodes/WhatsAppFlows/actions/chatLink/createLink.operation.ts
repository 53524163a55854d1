import type { IExecuteFunctions } from 'n8n-workflow';
import { showFor, type OperationModule } from '../types';
import { chatLinkFrom, linkFields } from './link-fields';

export const createLink: OperationModule = {
	name: 'Create Link',
	action: 'Create a wa.me chat link',
	description: showFor('chatLink', 'createLink', linkFields()),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await chatLinkFrom(this, itemIndex);
	},
};
