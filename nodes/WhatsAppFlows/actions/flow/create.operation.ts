import type { IExecuteFunctions } from 'n8n-workflow';
import { flowCategories } from '../../../shared/flows/categories';
import { createFlow, getFlow } from '../../../shared/flows/flows-api';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { checkFlowJsonLocally, localWarnings, readFlowJson } from './flow-json-input';
import { enforceMetaValidation, flowItem, validationFields } from './flow-output';
import { categoriesProperty, ENDPOINT_URI_PROPERTY, FAIL_ON_META_ERRORS_OPTION, flowJsonProperties, flowNameProperty, LOCAL_VALIDATION_OPTION, optionsCollection } from './parameters';

export const createFlowOperation: OperationModule = {
	name: 'Create',
	action: 'Create a flow',
	description: showFor('flow', 'create', [
		flowNameProperty('Unique within the WhatsApp Business Account'),
		categoriesProperty({ required: true }),
		...flowJsonProperties(true),
		optionsCollection([
			{
				displayName: 'Clone From Flow ID',
				name: 'cloneFlowId',
				type: 'string',
				default: '',
				description: 'Start from a copy of this Flow (its Flow JSON, unless you give one)',
			},
			ENDPOINT_URI_PROPERTY,
			FAIL_ON_META_ERRORS_OPTION,
			{
				displayName: 'Publish',
				name: 'publish',
				type: 'boolean',
				default: false,
				description: 'Whether Meta should publish the Flow in the same call (needs valid Flow JSON). A published Flow cannot be deleted.',
			},
			LOCAL_VALIDATION_OPTION,
		]),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
		if (name === '') throw new Error('Name: give the Flow a name.');
		const categories = flowCategories(this.getNodeParameter('categories', itemIndex, []) as string[]);
		const options = this.getNodeParameter('options', itemIndex, {}) as {
			cloneFlowId?: string;
			endpointUri?: string;
			publish?: boolean;
			localValidation?: boolean;
		};
		const flowJson = await readFlowJson(this, itemIndex);
		const publish = options.publish === true;
		if (publish && flowJson === undefined) throw new Error('Publish needs Flow JSON: choose a Flow JSON source, or publish later.');
		const report = flowJson !== undefined && options.localValidation !== false ? checkFlowJsonLocally(this, itemIndex, flowJson, publish) : undefined;

		const { client, credential } = await graphClientFor(this);
		const created = await createFlow(client, credential.wabaId, {
			name,
			categories,
			...(flowJson !== undefined ? { flowJson } : {}),
			...(options.endpointUri?.trim() ? { endpointUri: options.endpointUri.trim() } : {}),
			...(options.cloneFlowId?.trim() ? { cloneFlowId: options.cloneFlowId.trim() } : {}),
			publish,
		});
		enforceMetaValidation(this, itemIndex, created.id, created.validationErrors);
		const flow = await getFlow(client, created.id, { fields: ['id', 'name', 'status', 'categories', 'preview', 'json_version'] });
		return { ...flowItem(flow), ...validationFields(created.validationErrors), ...localWarnings(report) };
	},
};
