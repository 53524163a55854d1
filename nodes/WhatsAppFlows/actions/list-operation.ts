import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { toNodeError } from '../../shared/n8n/node-errors';

/** "Return All" and "Limit", as n8n's Get Many operations show them. */
export function returnAllFields(returnAllByDefault: boolean): INodeProperties[] {
	return [
		returnAllByDefault
			? { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: true, description: 'Whether to return all results or only up to a given limit' }
			: { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit' },
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/**
 * A Get Many operation: one list per input item, each result an output item paired with it; honours
 * continueOnFail per input item. `list` receives the item and its limit (undefined: all).
 */
export async function listForEachItem(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	list: (itemIndex: number, limit: number | undefined) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const limit = (context.getNodeParameter('returnAll', itemIndex) as boolean) ? undefined : (context.getNodeParameter('limit', itemIndex) as number);
			for (const json of await list(itemIndex, limit)) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(context.getNode(), error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message, description: nodeError.description ?? null }, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
