// Dynamic bindings inside string values (flows/reference/flowjson "Dynamic properties", "Global dynamic and form
// properties"): ${data.field}, ${form.input}, ${screen.SCREEN.data.field}, ${screen.SCREEN.form.input}, also
// inside nested `...` expressions (6.0+).
import { isObject } from './model';
import { childPointer } from './pointer';

export type Binding =
	| { kind: 'data'; path: string[]; text: string; pointer: string }
	| { kind: 'form'; name: string; text: string; pointer: string }
	| { kind: 'screen'; screen: string; store: 'data' | 'form'; path: string[]; text: string; pointer: string }
	| { kind: 'other'; text: string; pointer: string };

const EXPRESSION = /\$\{([^}]*)\}/g;

export function parseBinding(inner: string, text: string, pointer: string): Binding {
	const parts = inner.trim().split('.');
	if (parts[0] === 'data' && parts.length >= 2) return { kind: 'data', path: parts.slice(1), text, pointer };
	if (parts[0] === 'form' && parts.length >= 2) return { kind: 'form', name: parts[1], text, pointer };
	if (parts[0] === 'screen' && parts.length >= 4 && (parts[2] === 'data' || parts[2] === 'form')) {
		return { kind: 'screen', screen: parts[1], store: parts[2], path: parts.slice(3), text, pointer };
	}
	return { kind: 'other', text, pointer };
}

export function bindingsInString(value: string, pointer: string, out: Binding[]): void {
	if (!value.includes('${')) return;
	for (const match of value.matchAll(EXPRESSION)) out.push(parseBinding(match[1], match[0], pointer));
}

/** Every binding in a JSON value, depth first. */
export function bindingsIn(value: unknown, pointer: string, out: Binding[] = []): Binding[] {
	if (typeof value === 'string') bindingsInString(value, pointer, out);
	else if (Array.isArray(value)) {
		for (let k = 0; k < value.length; k += 1) {
			const item = value[k];
			if (typeof item !== 'string' || item.includes('${')) bindingsIn(item, childPointer(pointer, k), out);
		}
	} else if (isObject(value)) {
		for (const key in value) {
			const item = value[key];
			// Pointers are built only for what can hold a binding: most strings are plain text.
			if (typeof item === 'object' ? item !== null : typeof item === 'string' && item.includes('${')) bindingsIn(item, childPointer(pointer, key), out);
		}
	}
	return out;
}

/** The binding a string consists of exactly ("${form.photo}"), if any. */
export function wholeBinding(value: unknown, pointer: string): Binding | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^\$\{([^}]*)\}$/.exec(value.trim());
	return match === null ? undefined : parseBinding(match[1], value, pointer);
}
