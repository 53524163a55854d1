import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { formatFlowJsonIssues, validateFlowJson } from '../../../shared/flow-json';
import { showFor, type OperationModule } from '../types';
import { readFlowJson } from './flow-json-input';
import { flowJsonProperties, optionsCollection } from './parameters';

/** The local validator alone: nothing is sent to Meta. The verdict is output (valid or not); it never fails the item. */
export const validateFlowOperation: OperationModule = {
	name: 'Validate',
	action: 'Validate flow JSON locally',
	description: showFor('flow', 'validate', [
		...flowJsonProperties(false),
		optionsCollection([
			{
				displayName: 'Target Version',
				name: 'targetVersion',
				type: 'string',
				default: '',
				placeholder: '7.3',
				description: 'Check against the rules of this Flow JSON version instead of the one the JSON declares',
			},
		]),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const flowJson = await readFlowJson(this, itemIndex);
		if (flowJson === undefined) throw new Error('Flow JSON: choose where the Flow JSON comes from.');
		const targetVersion = (this.getNodeParameter('options.targetVersion', itemIndex, '') as string).trim();
		const report = validateFlowJson(flowJson, targetVersion ? { targetVersion } : undefined);
		return {
			valid: report.valid,
			publishable: report.publishable,
			version: report.version,
			errors: report.errors as unknown as IDataObject[],
			warnings: report.warnings as unknown as IDataObject[],
			report: formatFlowJsonIssues(report),
		};
	},
};
