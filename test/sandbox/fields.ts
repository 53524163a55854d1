// Graph's `fields` parameter: `fields=a,b{c},d.limit(2)` selects top-level fields; `id` always comes along.
// (graph-api/overview "Fields"; Postman "Get Display Name Status (Beta)" answers {"id", "name_status"}.)
import { nonexistingField } from './errors';

/** Top-level field names of a `fields` value, or null when absent (the node's default fields apply). */
export function parseFieldsParam(value: unknown): string[] | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	const names: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of value) {
		if (ch === '{' || ch === '(') depth += 1;
		if (ch === '}' || ch === ')') depth -= 1;
		if (ch === ',' && depth === 0) {
			names.push(current);
			current = '';
		} else {
			current += ch;
		}
	}
	names.push(current);
	return names.map((n) => n.trim().split(/[{.(]/)[0].trim()).filter((n) => n !== '');
}

/**
 * The node as Graph returns it: the default fields in their order, or `id` followed by the requested fields.
 * An unknown field answers "(#100) Tried accessing nonexisting field (x) on node type (T)".
 */
export function selectFields(
	all: Readonly<Record<string, unknown>>,
	defaults: readonly string[],
	requested: string[] | null,
	nodeType: string,
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	if (requested === null) {
		for (const name of defaults) out[name] = all[name];
		return out;
	}
	for (const name of requested) {
		if (!Object.prototype.hasOwnProperty.call(all, name)) throw nonexistingField(name, nodeType);
	}
	out.id = all.id;
	for (const name of requested) out[name] = all[name];
	return out;
}
