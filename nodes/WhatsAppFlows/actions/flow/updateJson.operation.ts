import type { IExecuteFunctions } from 'n8n-workflow';
import { getFlow, uploadFlowJson } from '../../../shared/flows/flows-api';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { flowIdLocator, readFlowId } from '../../methods/flowLocator';
import { showFor, type OperationModule } from '../types';
import { checkFlowJsonLocally, localWarnings, readFlowJson } from './flow-json-input';
import { enforceMetaValidation, flowItem, validationFields } from './flow-output';
import { FAIL_ON_META_ERRORS_OPTION, flowJsonProperties, LOCAL_VALIDATION_OPTION, optionsCollection } from './parameters';

export const updateFlowJsonOperation: OperationModule = {
	name: 'Update JSON',
	action: 'Upload the JSON of a flow',
	description: showFor('flow', 'updateJson', [
		flowIdLocator(),
		...flowJsonProperties(false),
		optionsCollection([FAIL_ON_META_ERRORS_OPTION, LOCAL_VALIDATION_OPTION]),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const flowId = readFlowId(this, itemIndex);
		const flowJson = await readFlowJson(this, itemIndex);
		if (flowJson === undefined) throw new Error('Flow JSON: choose where the Flow JSON comes from.');
		const localValidation = this.getNodeParameter('options.localValidation', itemIndex, true) as boolean;
		const report = localValidation ? checkFlowJsonLocally(this, itemIndex, flowJson, false) : undefined;
		const { client } = await graphClientFor(this);
		const uploaded = await uploadFlowJson(client, flowId, flowJson);
		enforceMetaValidation(this, itemIndex, flowId, uploaded.validationErrors);
		// Editing a published Flow returns it to DRAFT (flows/guides/lifecycle): report the status it has now.
		const flow = await getFlow(client, flowId, { fields: ['id', 'name', 'status', 'json_version'] });
		return { ...flowItem(flow), ...validationFields(uploaded.validationErrors), ...localWarnings(report) };
	},
};
