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

/** A value found under a component; its pointer is built only when an issue needs it. */
export class Located {
	constructor(
		readonly value: unknown,
		private readonly parent: Located | string,
		private readonly key?: string | number,
	) {}

	get pointer(): string {
		if (typeof this.parent === 'string') return this.key === undefined ? this.parent : childPointer(this.parent, this.key);
		return childPointer(this.parent.pointer, this.key!);
	}
}

/**
 * Every value at a dotted path under a node; arrays met on the way are expanded, so "data-source.title" yields the
 * title of each option and "list-items.tags" each tag of each item.
 */
export function valuesAt(node: JsonObject, pointer: string, path: string): Located[] {
	let current: Located[] = [new Located(node, pointer)];
	for (const key of path.split('.')) {
		const next: Located[] = [];
		for (const found of current) {
			const value = found.value;
			if (!isObject(value) || !(key in value)) continue;
			const child = value[key];
			const here = new Located(child, found, key);
			if (Array.isArray(child)) child.forEach((item, k) => next.push(new Located(item, here, k)));
			else next.push(here);
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
