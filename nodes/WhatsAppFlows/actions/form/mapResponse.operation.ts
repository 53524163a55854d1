import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { defaultTarget, mapFlowResponse, type FieldMap, type ResponseTarget } from '../../../shared/forms';
import { showFor, type OperationModule } from '../types';
import { jsonParameter } from './json-parameter';

/** A completed flow's answers + the field map of "Convert Form to Flow" → the source's own shape. */
export const mapFlowResponseOperation: OperationModule = {
	name: 'Map Flow Response',
	action: 'Map a completed flow back to the form',
	description: showFor('form', 'mapResponse', [
		{
			displayName: 'Flow Response',
			name: 'response',
			type: 'json',
			default: '={{ $json.flow.responseJson }}',
			required: true,
			description: "The completed flow's answers: the WhatsApp Cloud Trigger's flow.responseJson (response_json of the nfm_reply)",
		},
		{
			displayName: 'Field Map',
			name: 'fieldMap',
			type: 'json',
			default: '',
			required: true,
			description: 'The fieldMap output of "Convert Form to Flow" for the same form',
		},
		{
			displayName: 'Output Shape',
			name: 'target',
			type: 'options',
			options: [
				{ name: 'Default for the Source', value: 'auto', description: 'HubSpot submission for HubSpot forms, Typeform answers for Typeform, else a sheet row' },
				{ name: 'Google Forms Answers', value: 'googleForms', description: '{answers: {questionId: {textAnswers}}}' },
				{ name: 'Google Sheets Row', value: 'sheetRow', description: 'One column per question, titled as in the form' },
				{ name: 'HubSpot Form Submission', value: 'hubspot', description: '{fields: [{objectTypeId, name, value}], legalConsentOptions}' },
				{ name: 'HubSpot Node Fields', value: 'hubspotNode', description: "{name: value} for n8n's HubSpot node, Form → Submit (consent goes in its Legal Consent options)" },
				{ name: 'Typeform Answers', value: 'typeform', description: '{answers: [{field: {ID, ref, type}, type, …}]}' },
			],
			default: 'auto',
		},
		{
			displayName: 'Output Body Only',
			name: 'bodyOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to output only the mapped body (e.g. the sheet row, for Append with automatic column mapping), without answers and warnings',
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const response = jsonParameter(this, 'response', itemIndex, 'Flow Response');
		const fieldMap = jsonParameter(this, 'fieldMap', itemIndex, 'Field Map') as FieldMap;
		const chosen = this.getNodeParameter('target', itemIndex, 'auto') as ResponseTarget | 'auto';
		const mapped = mapFlowResponse(response, fieldMap, chosen === 'auto' ? defaultTarget(fieldMap) : chosen);
		if (this.getNodeParameter('bodyOnly', itemIndex, false) as boolean) return mapped.body as IDataObject;
		return mapped as unknown as IDataObject;
	},
};
