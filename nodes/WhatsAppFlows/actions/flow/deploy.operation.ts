import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { flowCategories } from '../../../shared/flows/categories';
import { deployFlow, FlowDeployError } from '../../../shared/flows/deploy';
import { FlowJsonRejectedError } from '../../../shared/flows/validation-errors';
import { downloadText } from '../../../shared/n8n/download-text';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { toNodeError } from '../../../shared/n8n/node-errors';
import { showFor, type OperationModule } from '../types';
import { checkFlowJsonLocally, localWarnings, readFlowJson } from './flow-json-input';
import { enforceMetaValidation, flowJsonRejected, validationFields } from './flow-output';
import { categoriesProperty, ENDPOINT_URI_PROPERTY, FAIL_ON_META_ERRORS_OPTION, flowJsonProperties, flowNameProperty, LOCAL_VALIDATION_OPTION, optionsCollection } from './parameters';

/**
 * Create-or-update by name: the Flow named N ends up holding this Flow JSON (uploaded only when it changed) and,
 * optionally, published. Re-running it with the same JSON changes nothing.
 */
export const deployFlowOperation: OperationModule = {
	name: 'Deploy',
	action: 'Create or update a flow by name',
	description: showFor('flow', 'deploy', [
		flowNameProperty('The Flow to create, or to update when the WhatsApp Business Account already has a Flow of this name'),
		...flowJsonProperties(false),
		categoriesProperty({ required: true, description: 'What the Flow is for; an existing Flow gets these categories too' }),
		{
			displayName: 'Publish',
			name: 'publish',
			type: 'boolean',
			default: false,
			description: 'Whether to publish the Flow after the upload (skipped when it is already published and unchanged). A published Flow cannot be deleted.',
		},
		optionsCollection([
			{ ...ENDPOINT_URI_PROPERTY, description: 'Set (or change) the Flow\'s data-exchange endpoint' },
			FAIL_ON_META_ERRORS_OPTION,
			LOCAL_VALIDATION_OPTION,
		]),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
		if (name === '') throw new Error('Name: give the Flow a name.');
		const categories = flowCategories(this.getNodeParameter('categories', itemIndex, []) as string[]);
		const publish = this.getNodeParameter('publish', itemIndex, false) as boolean;
		const options = this.getNodeParameter('options', itemIndex, {}) as { endpointUri?: string; localValidation?: boolean };
		const flowJson = await readFlowJson(this, itemIndex);
		if (flowJson === undefined) throw new Error('Flow JSON: choose where the Flow JSON comes from.');
		const report = options.localValidation !== false ? checkFlowJsonLocally(this, itemIndex, flowJson, publish) : undefined;

		const { client, credential } = await graphClientFor(this);
		let result;
		try {
			result = await deployFlow(
				{ client, wabaId: credential.wabaId, downloadText: async (url) => await downloadText(this, url) },
				{ name, flowJson, categories, publish, ...(options.endpointUri?.trim() ? { endpointUri: options.endpointUri.trim() } : {}) },
			);
		} catch (error) {
			if (error instanceof FlowJsonRejectedError) throw flowJsonRejected(this, itemIndex, error);
			if (error instanceof FlowDeployError) throw new NodeOperationError(this.getNode(), error.message, { itemIndex });
			throw toNodeError(this.getNode(), error, itemIndex);
		}
		enforceMetaValidation(this, itemIndex, result.flowId, result.validationErrors);
		const output: IDataObject = {
			id: result.flowId,
			name: result.name,
			action: result.action,
			jsonUploaded: result.jsonUploaded,
			jsonNote: result.jsonNote,
			metadataUpdated: result.metadataUpdated,
			published: result.published,
			status: result.status ?? null,
			jsonVersion: result.jsonVersion ?? null,
			previewUrl: result.previewUrl ?? null,
			...validationFields(result.validationErrors),
			...localWarnings(report),
		};
		return output;
	},
};
