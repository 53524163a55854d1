import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** A JSON parameter that may hold an object (from an expression) or JSON text (typed or pasted). */
export function jsonParameter(context: IExecuteFunctions, name: string, itemIndex: number, what: string): unknown {
	const value = context.getNodeParameter(name, itemIndex) as unknown;
	if (typeof value !== 'string') return value;
	if (value.trim() === '') throw new NodeOperationError(context.getNode(), `${what}: empty; pass the JSON or an expression that returns it.`, { itemIndex });
	try {
		return JSON.parse(value) as unknown;
	} catch {
		throw new NodeOperationError(context.getNode(), `${what}: not valid JSON.`, { itemIndex });
	}
}
