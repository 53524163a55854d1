import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** Reads one item's parameter: `param('cta')`, `param('options', {})`. */
export type ParamReader = <T = unknown>(name: string, fallback?: unknown) => T;

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(hasExpression);
	return false;
}

const JSON_PATH = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[(?:"[^"\\]*"|'[^'\\]*'|\d+)\])+)\s*\}\}$/;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[(?:"([^"\\]*)"|'([^'\\]*)'|(\d+))\]/g;

/**
 * The property path of an expression that only reads the item's JSON, e.g. `={{ $json.phone }}` → ["phone"],
 * `={{ $json["opt in"] }}` → ["opt in"]; undefined for any other expression.
 */
export function jsonPathOf(raw: unknown): string[] | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = JSON_PATH.exec(raw);
	if (!match) return undefined;
	return [...match[1].matchAll(SEGMENT)].map((segment) => segment[1] ?? segment[2] ?? segment[3] ?? segment[4]);
}

function valueAt(json: unknown, path: string[]): unknown {
	let value = json;
	for (const key of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/**
 * Parameter readers per item for operations that read a dozen parameters for each of thousands of items. n8n 2.x
 * evaluates each expression in an isolated VM (about a millisecond each on this 2-core machine), so:
 * - a parameter without an expression is resolved once per execution;
 * - a parameter that is only `{{ $json.some.field }}` is read from the item directly (what n8n would answer);
 * - anything else goes through n8n.
 */
export function parameterReaders(context: IExecuteFunctions, items: INodeExecutionData[] = context.getInputData()): (itemIndex: number) => ParamReader {
	const raw = context.getNode().parameters;
	const constant = new Map<string, unknown>();
	const paths = new Map<string, string[] | undefined>();
	return (itemIndex) =>
		<T>(name: string, fallback?: unknown): T => {
			if (constant.has(name)) return constant.get(name) as T;
			if (!paths.has(name)) paths.set(name, jsonPathOf(raw[name]));
			const path = paths.get(name);
			if (path !== undefined && items[itemIndex] !== undefined) return valueAt(items[itemIndex].json, path) as T;
			const value = context.getNodeParameter(name, itemIndex, fallback);
			if (!hasExpression(raw[name])) constant.set(name, value);
			return value as T;
		};
}

/** A resource locator's value (`{ __rl: true, mode, value }`), or the value itself: fields may become pickers. */
export function locatorValue(value: unknown): unknown {
	return typeof value === 'object' && value !== null && '__rl' in value ? (value as { value?: unknown }).value : value;
}
