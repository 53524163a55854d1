import type { IExecuteFunctions } from 'n8n-workflow';

/** Reads one item's parameter: `param('cta')`, `param('options', {})`. */
export type ParamReader = <T = unknown>(name: string, fallback?: unknown) => T;

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(hasExpression);
	return false;
}

/**
 * Parameter readers per item that resolve a parameter without expressions once per execution: a broadcast reads a
 * dozen parameters for each of thousands of items, and n8n resolves every read anew.
 */
export function parameterReaders(context: IExecuteFunctions): (itemIndex: number) => ParamReader {
	const raw = context.getNode().parameters;
	const constant = new Map<string, unknown>();
	return (itemIndex) =>
		<T>(name: string, fallback?: unknown): T => {
			if (constant.has(name)) return constant.get(name) as T;
			const value = context.getNodeParameter(name, itemIndex, fallback);
			if (!hasExpression(raw[name])) constant.set(name, value);
			return value as T;
		};
}
