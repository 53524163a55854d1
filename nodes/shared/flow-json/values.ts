// Small helpers over JSON values: dynamic bindings, lengths, and walking a dotted property path through arrays.
import { isObject, type JsonObject } from './model';
import { childPointer } from './pointer';

/** A value bound at run time ("${data.x}", "${form.y}", "${screen.S.data.z}") or a nested expression (`...`). */
export function isDynamic(value: unknown): boolean {
	return typeof value === 'string' && (value.includes('${') || /^`.*`$/s.test(value.trim()));
}

/** Characters as a person counts them (code points). */
export function charLength(text: string): number {
	let n = 0;
	for (let k = 0; k < text.length; k += 1) {
		const c = text.charCodeAt(k);
		if (c < 0xdc00 || c > 0xdfff) n += 1;
	}
	return n;
}

export interface Located<T = unknown> {
	value: T;
	pointer: string;
}

/**
 * Every value at a dotted path under a node; arrays met on the way are expanded, so "data-source.title" yields the
 * title of each option and "list-items.tags" each tag of each item.
 */
export function valuesAt(node: JsonObject, pointer: string, path: string): Located[] {
	let current: Located[] = [{ value: node, pointer }];
	for (const key of path.split('.')) {
		const next: Located[] = [];
		for (const { value, pointer: at } of current) {
			if (!isObject(value) || !(key in value)) continue;
			const child = value[key];
			const here = childPointer(at, key);
			if (Array.isArray(child)) child.forEach((item, k) => next.push({ value: item, pointer: childPointer(here, k) }));
			else next.push({ value: child, pointer: here });
		}
		current = next;
	}
	return current;
}

/** Bytes a base64 string (or data: URI) decodes to. */
export function base64Bytes(text: string): number {
	const body = text.startsWith('data:') ? text.slice(text.indexOf(',') + 1) : text;
	const clean = body.replace(/\s/g, '');
	const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
	return Math.floor((clean.length * 3) / 4) - padding;
}
