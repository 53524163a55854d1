import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { formatFlowJsonIssues, PUBLISHABLE_FLOW_JSON_VERSIONS, RECOMMENDED_FLOW_JSON_VERSION } from '../../../shared/flow-json';
import { convertFormToFlow, type FormSource } from '../../../shared/forms';
import { showFor, type OperationModule } from '../types';
import { jsonParameter } from './json-parameter';

/** Form definition (as Typeform / Google Forms / HubSpot return it, or a generic list) → Flow JSON + field map. */
export const convertFormOperation: OperationModule = {
	name: 'Convert Form to Flow',
	action: 'Convert a form definition to flow JSON',
	description: showFor('form', 'convert', [
		{
			displayName: 'Form Definition',
			name: 'formDefinition',
			type: 'json',
			default: '={{ $json }}',
			required: true,
			description:
				'The form as its API returns it: Typeform GET /forms/{ID}, Google Forms forms.get, HubSpot /marketing/v3/forms/{ID} or v2 forms, or {"title", "fields": [{"name", "label", "type", "required", "options"}]}',
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Detect', value: 'auto', description: 'From the keys only one API uses' },
				{ name: 'Generic Field List', value: 'generic' },
				{ name: 'Google Forms', value: 'googleForms' },
				{ name: 'HubSpot (Forms API V2)', value: 'hubspotV2' },
				{ name: 'HubSpot (Forms API V3)', value: 'hubspotV3' },
				{ name: 'Typeform', value: 'typeform' },
			],
			default: 'auto',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Flow JSON Version',
					name: 'version',
					type: 'options',
					options: PUBLISHABLE_FLOW_JSON_VERSIONS.map((version) => ({ name: version, value: version })),
					default: RECOMMENDED_FLOW_JSON_VERSION,
				},
				{ displayName: 'Questions per Screen', name: 'questionsPerScreen', type: 'number', typeOptions: { minValue: 1, maxValue: 49 }, default: 8 },
				{ displayName: 'Continue Button Label', name: 'continueLabel', type: 'string', default: 'Continue' },
				{ displayName: 'Submit Button Label', name: 'submitLabel', type: 'string', default: '', description: "Default: the form's own submit text, else Submit" },
			],
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const definition = jsonParameter(this, 'formDefinition', itemIndex, 'Form Definition');
		const options = this.getNodeParameter('options', itemIndex, {}) as { version?: string; questionsPerScreen?: number; continueLabel?: string; submitLabel?: string };
		const converted = convertFormToFlow(definition, {
			source: this.getNodeParameter('source', itemIndex, 'auto') as FormSource | 'auto',
			version: options.version,
			questionsPerScreen: options.questionsPerScreen,
			continueLabel: options.continueLabel || undefined,
			submitLabel: options.submitLabel || undefined,
		});
		if (!converted.validation.valid) {
			throw new Error(`The converted Flow JSON does not pass the local validator:\n${formatFlowJsonIssues(converted.validation)}`);
		}
		return {
			form: converted.form as unknown as IDataObject,
			flowJson: converted.flowJson as IDataObject,
			fieldMap: converted.fieldMap as unknown as IDataObject,
			warnings: converted.warnings,
			validation: { valid: converted.validation.valid, publishable: converted.validation.publishable, warnings: converted.validation.warnings as unknown as IDataObject[] },
		};
	},
};
