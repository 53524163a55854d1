import { StoreRejectedError } from './errors';
import type { StoredRecord } from './types';

/**
 * How records live in an n8n data table. One row per record, plus short-lived 'claim' rows of
 * `insertIfAbsent` (see data-table-claims.ts). Data tables have no unique columns, so several rows may
 * share a `k`; the record is the live 'won' row with the lowest id.
 */
export const STATE_COLUMNS = [
	{ name: 'ns', type: 'string' }, // the namespace: makes the table readable, and a harmless dry-run payload
	{ name: 'k', type: 'string' }, // lookup key "<ns>:<key>": one column, so a flat 'or' filter can select many records
	{ name: 'v', type: 'string' }, // the value, JSON
	{ name: 'ver', type: 'number' },
	{ name: 'tok', type: 'string' }, // random per write: proves which writer changed a row
	{ name: 'state', type: 'string' }, // 'claim' | 'won'
	{ name: 'exp', type: 'number' }, // epoch ms from which the row is dead; NEVER for no expiry
] as const;

export type RowState = 'claim' | 'won';

export interface RowData {
	ns: string;
	k: string;
	v: string;
	ver: number;
	tok: string;
	state: RowState;
	exp: number;
}

export interface Row extends RowData {
	id: number;
}

/**
 * "Never expires" is stored as the last millisecond of year 9999 instead of 0, so that "live" is the
 * single condition `exp > now`, which fits inside an 'and' filter (compare-and-set) next to others.
 */
export const NEVER = 253_402_300_799_999;

export function lookupKey(namespace: string, key: string): string {
	// Unambiguous because namespaces cannot contain ':'.
	return `${namespace}:${key}`;
}

export const toExp = (expiresAt: number | null): number => (expiresAt === null ? NEVER : expiresAt);
export const fromExp = (exp: number): number | null => (exp >= NEVER ? null : exp);
export const isLiveRow = (row: Row, now: number): boolean => row.exp > now;

/** The record a key currently holds: its live 'won' row with the lowest id. */
export function currentRow(rows: readonly Row[], now: number): Row | undefined {
	let best: Row | undefined;
	for (const row of rows) {
		if (row.state === 'won' && isLiveRow(row, now) && (!best || row.id < best.id)) best = row;
	}
	return best;
}

export function toRecord<T>(row: Row, key: string): StoredRecord<T> {
	const parsed = parseJson(row.v);
	if (!parsed.ok) throw new StoreRejectedError(`Row ${row.id} (k = "${row.k}") of the state table does not hold JSON`);
	return { key, value: parsed.value as T, version: row.ver, expiresAt: fromExp(row.exp) };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

const asNumber = (value: unknown): number | undefined => {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** Reads one row of an n8n answer; undefined if it is not a row of this schema. */
export function parseRow(raw: unknown): Row | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const r = raw as Record<string, unknown>;
	const id = asNumber(r.id);
	const ver = asNumber(r.ver);
	const exp = asNumber(r.exp);
	if (id === undefined || ver === undefined || exp === undefined) return undefined;
	if (typeof r.k !== 'string' || typeof r.v !== 'string') return undefined;
	if (r.state !== 'claim' && r.state !== 'won') return undefined;
	return {
		id,
		ns: typeof r.ns === 'string' ? r.ns : '',
		k: r.k,
		v: r.v,
		ver,
		tok: typeof r.tok === 'string' ? r.tok : '',
		state: r.state,
		exp,
	};
}

// n8n's row filter: one flat group, all 'and' or all 'or' (no nesting).
export type FilterValue = string | number;
export interface FilterCondition {
	columnName: string;
	condition: 'eq' | 'like' | 'gt' | 'lte';
	value: FilterValue;
}
export interface RowFilter {
	type: 'and' | 'or';
	filters: FilterCondition[];
}

export const eq = (columnName: string, value: FilterValue): FilterCondition => ({ columnName, condition: 'eq', value });
export const gt = (columnName: string, value: number): FilterCondition => ({ columnName, condition: 'gt', value });
export const lte = (columnName: string, value: number): FilterCondition => ({ columnName, condition: 'lte', value });
/** `prefix%`: n8n keeps a pattern that already contains '%' (LIKE on PostgreSQL, GLOB on SQLite). */
export const startsWith = (columnName: string, prefix: string): FilterCondition => ({
	columnName,
	condition: 'like',
	value: `${prefix}%`,
});
export const allOf = (...filters: FilterCondition[]): RowFilter => ({ type: 'and', filters });
export const anyOf = (filters: FilterCondition[]): RowFilter => ({ type: 'or', filters });
