/**
 * Graph cursor paging: `{ data: [...], paging: { cursors: { before, after }, next? } }`.
 * `next` is present only while more pages exist; the next page is the same call with `after`.
 * Meta: graph-api/results (cursor-based pagination)
 */
export function pageItems<T>(page: unknown, path: string): T[] {
	const data = isRecord(page) ? page.data : undefined;
	if (!Array.isArray(data)) throw new Error(`Meta's answer for ${path} is not a list (no "data" array).`);
	return data as T[];
}

/** The `after` cursor when Meta says another page exists, otherwise undefined. */
export function nextCursor(page: unknown): string | undefined {
	const paging = isRecord(page) && isRecord(page.paging) ? page.paging : undefined;
	if (!paging || typeof paging.next !== 'string' || paging.next === '') return undefined;
	const cursors = isRecord(paging.cursors) ? paging.cursors : undefined;
	const after = cursors?.after;
	return typeof after === 'string' && after !== '' ? after : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
