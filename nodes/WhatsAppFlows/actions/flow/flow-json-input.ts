import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { formatFlowJsonIssues, validateFlowJson, type FlowJsonReport } from '../../../shared/flow-json';
import { flowJsonText } from '../../../shared/flows/flow-json-text';

/** The item's Flow JSON text from the chosen source, or undefined for "None". */
export async function readFlowJson(context: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const source = context.getNodeParameter('flowJsonSource', itemIndex, 'json') as string;
	if (source === 'none') return undefined;
	if (source === 'binary') {
		const field = (context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string).trim();
		context.helpers.assertBinaryData(itemIndex, field);
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, field);
		return flowJsonText(buffer, `The file in binary field "${field}"`);
	}
	return flowJsonText(context.getNodeParameter('flowJson', itemIndex, ''), 'Flow JSON');
}

/**
 * The local validator's verdict, enforced: errors stop the item before anything reaches Meta, with each issue's
 * line, column, JSON pointer and rule in the error's description. `forPublish` also stops a Flow JSON whose version
 * Meta no longer publishes.
 */
export function checkFlowJsonLocally(
	context: IExecuteFunctions,
	itemIndex: number,
	text: string,
	forPublish: boolean,
): FlowJsonReport {
	const report = validateFlowJson(text);
	if (!report.valid) {
		throw new NodeOperationError(
			context.getNode(),
			`The Flow JSON has ${report.errors.length} error${report.errors.length === 1 ? '' : 's'} (local check; nothing was sent to Meta)`,
			{ itemIndex, description: formatFlowJsonIssues(report) },
		);
	}
	if (forPublish && !report.publishable) {
		throw new NodeOperationError(
			context.getNode(),
			`This Flow JSON cannot be published${report.version ? ` (version ${report.version})` : ''} (local check; nothing was sent to Meta)`,
			{ itemIndex, description: formatFlowJsonIssues(report) || 'Use a Flow JSON version Meta still publishes.' },
		);
	}
	return report;
}

/** Local warnings for the output item, or {} when there are none. */
export function localWarnings(report: FlowJsonReport | undefined): { localWarnings?: string } {
	if (!report || report.warnings.length === 0) return {};
	return { localWarnings: formatFlowJsonIssues({ ...report, errors: [] }) };
}
