/** Readers for Meta's webhook JSON, which arrives as `unknown`: nothing here throws on an unexpected shape. */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or a number written as one (Meta sends ids and timestamps as either); else undefined. */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

export function numberOf(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return undefined;
}

export function recordsOf(value: unknown): JsonRecord[] {
	return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** Unix seconds (Meta's `timestamp` strings, `entry.time` numbers) as ISO 8601; undefined when not a time. */
export function isoFromUnixSeconds(value: unknown): string | undefined {
	const seconds = numberOf(value);
	if (seconds === undefined || seconds < 0 || seconds > 32_503_680_000) return undefined;
	return new Date(seconds * 1000).toISOString();
}

/** Copies `value` with only the keys whose values are defined (items stay free of `undefined`). */
export function compact<T extends object>(value: T): T {
	const out: JsonRecord = {};
	for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry;
	return out as T;
}
