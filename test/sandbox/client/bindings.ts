// Dynamic properties (developers.facebook.com/docs/whatsapp/flows/reference/flowjson "Dynamic Properties",
// "Global Dynamic and Form Properties", "Nested Expressions"):
// - "${data.x}"  the screen's data (from its declaration, the navigate payload or the endpoint's answer)
// - "${form.x}"  what the user entered on this screen
// - "${screen.S.form.x}" / "${screen.S.data.x}" (4.0+) another screen's form or data
// - "`…`" (6.0+) a nested expression
// A string that is exactly one binding keeps the bound value's type; any other string is literal.
import { evaluate, type Value } from './expression';
import { isJsonObject, type JsonObject, type JsonValue } from './json';

export interface ScreenState {
	data: JsonObject;
	form: JsonObject;
}

export interface BindingScope {
	data: JsonObject;
	form: JsonObject;
	/** Another screen's latest state (the current screen included). */
	screen(id: string): ScreenState | undefined;
}

const SINGLE_BINDING = /^\$\{([^}]+)\}$/;
const NESTED_EXPRESSION = /^`([\s\S]*)`$/;

function walk(root: JsonValue | undefined, segments: string[]): Value {
	let node: Value = root;
	for (const segment of segments) {
		if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
		else if (isJsonObject(node)) node = node[segment];
		else return undefined;
	}
	return node;
}

export function lookup(path: string, scope: BindingScope): Value {
	const [head, ...rest] = path.trim().split('.');
	if (head === 'data') return walk(scope.data, rest);
	if (head === 'form') return walk(scope.form, rest);
	if (head === 'screen' && rest.length >= 2) {
		const [screenId, part, ...field] = rest;
		const state = scope.screen(screenId);
		if (!state || (part !== 'data' && part !== 'form')) return undefined;
		return walk(state[part], field);
	}
	return undefined;
}

/** Resolves one property value (recursively through arrays and objects); undefined entries are dropped. */
export function resolveValue(value: JsonValue, scope: BindingScope): Value {
	if (typeof value === 'string') {
		const single = SINGLE_BINDING.exec(value);
		if (single) return lookup(single[1], scope);
		const nested = NESTED_EXPRESSION.exec(value);
		if (nested) return evaluate(nested[1], (path) => lookup(path, scope));
		return value;
	}
	if (Array.isArray(value)) {
		return value.map((item) => resolveValue(item, scope)).filter((item): item is JsonValue => item !== undefined);
	}
	if (isJsonObject(value)) return resolveObject(value, scope);
	return value;
}

export function resolveObject(value: JsonObject, scope: BindingScope): JsonObject {
	const out: JsonObject = {};
	for (const [key, item] of Object.entries(value)) {
		const resolved = resolveValue(item, scope);
		if (resolved !== undefined) out[key] = resolved;
	}
	return out;
}

/** Whether the text is a binding or expression (used to tell static from dynamic properties). */
export function isDynamic(value: JsonValue | undefined): boolean {
	return typeof value === 'string' && (SINGLE_BINDING.test(value) || NESTED_EXPRESSION.test(value));
}
