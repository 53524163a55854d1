import { randomBytes, randomInt } from 'node:crypto';
import type { HttpSend } from '../http/types';
import { createDataTableApi } from './data-table-api';
import { claimKeys } from './data-table-claims';
import type { ClaimDeps, ClaimOutcome } from './data-table-claims';
import { allOf, currentRow, eq, gt, lookupKey, lte, toExp, toRecord } from './data-table-rows';
import type { Row, RowData } from './data-table-rows';
import type { InsertResult, KeyedValue, SharedStore, StoredRecord } from './types';
import { assertKey, assertNamespace, expiryFrom, toJson } from './validate';

export interface DataTableStoreOptions {
	send: HttpSend;
	/** n8n's public API root, e.g. http://localhost:5678/api/v1 */
	baseUrl: string;
	/** Only when `send` does not add the X-N8N-API-KEY header itself. */
	apiKey?: string;
	/** Default `whatsapp_flows_state`; found or created on first use. */
	tableName?: string;
	/**
	 * Look up and create the table in this project. Default: the oldest table of that name the key can
	 * see, else a new one in the key owner's personal project.
	 */
	projectId?: string;
	now: () => number;
	sleep: (ms: number) => Promise<void>;
	/** In [0, 1): jitter of the back-off between contended rounds. Default: node:crypto. */
	random?: () => number;
	/**
	 * Table ids already found, by API URL, table name and project, shared by the stores a process makes (a node
	 * makes one per execution or request; finding the table each time would double the API calls). A deleted table
	 * (404) is found again.
	 */
	tablesFound?: Map<string, Promise<string>>;
	/** Passed to `send` as each request's timeout. */
	requestTimeoutMs?: number;
	/** Keys per 'or' filter (see DataTableApiOptions). Default 500. */
	keysPerRequest?: number;
	/** Age after which an unfinished claim (its writer crashed) is ignored. Default 30 s. */
	claimTtlMs?: number;
	/** How long insertIfAbsent / insertManyIfAbsent wait out concurrent claims before StoreContentionError. Default 10 s. */
	claimTimeoutMs?: number;
	/** …and at most this many rounds (read, decide, back off 5-240 ms). Default 100. */
	maxClaimRounds?: number;
}

export const DEFAULT_STATE_TABLE = 'whatsapp_flows_state';

/**
 * A store in n8n's own database, through the public API's data-table endpoints: shared by every n8n
 * process (queue mode) and kept across restarts. Records are rows (see data-table-rows.ts).
 *
 * Compare-and-set is one `UPDATE … WHERE k = … AND ver = expected AND state = 'won' AND exp > now`
 * that also writes a fresh random `tok`; it won only if a returned row carries that `tok`. n8n returns
 * exactly the changed rows on PostgreSQL (RETURNING), but on SQLite the ids it selected BEFORE the
 * update, re-read after it; the `tok` makes both exact.
 *
 * Rows never expire by themselves and all data tables share one size cap (N8N_DATA_TABLES_MAX_SIZE_BYTES,
 * 200 MB by default; when reached n8n refuses inserts and updates): call `prune()` periodically.
 * Expiry compares the writers' clocks: keep them in sync.
 * `insertManyIfAbsent` failing with StoreContentionError removes what it inserted; failing with
 * StoreUnavailableError (n8n unreachable midway) it may leave some of its keys inserted.
 *
 * The API key needs the scopes dataTable:list, dataTable:create, dataTableRow:read, dataTableRow:create,
 * dataTableRow:update and dataTableRow:delete.
 */
export function createDataTableStore(options: DataTableStoreOptions): SharedStore {
	const keysPerRequest = Math.min(options.keysPerRequest ?? 500, 900);
	const random = options.random ?? (() => randomInt(0, 1_000_000) / 1_000_000);
	const api = createDataTableApi({
		send: options.send,
		sleep: options.sleep,
		random,
		baseUrl: options.baseUrl,
		apiKey: options.apiKey,
		tableName: options.tableName ?? DEFAULT_STATE_TABLE,
		projectId: options.projectId,
		timeoutMs: options.requestTimeoutMs,
		keysPerRequest,
		tablesFound: options.tablesFound,
	});
	const { now } = options;
	const token = (): string => randomBytes(12).toString('hex');
	const claimDeps: ClaimDeps = {
		api,
		now,
		sleep: options.sleep,
		random,
		token,
		claimTtlMs: options.claimTtlMs ?? 30_000,
		timeoutMs: options.claimTimeoutMs ?? 10_000,
		maxRounds: options.maxClaimRounds ?? 100,
		backoffMs: 10,
		keysPerRequest,
	};

	const lookup = (namespace: string, key: string): string => {
		assertNamespace(namespace);
		assertKey(key);
		return lookupKey(namespace, key);
	};

	const readCurrent = async (namespace: string, lookups: readonly string[]): Promise<Map<string, Row>> => {
		const rows =
			lookups.length === 1
				? await api.oldestLive(lookups[0], now(), true, 1)
				: await api.selectByKeys(namespace, lookups);
		const at = now();
		const byKey = new Map<string, Row[]>();
		for (const row of rows) byKey.set(row.k, [...(byKey.get(row.k) ?? []), row]);
		const current = new Map<string, Row>();
		for (const [k, list] of byKey) {
			const row = currentRow(list, at);
			if (row) current.set(k, row);
		}
		return current;
	};

	const insertMany = async <T>(
		namespace: string,
		entries: ReadonlyArray<KeyedValue<T>>,
		ttlMs: number | null,
	): Promise<{ outcomes: Map<string, ClaimOutcome>; lookups: string[] }> => {
		expiryFrom(now(), ttlMs); // validates before any request
		const lookups = entries.map((e) => lookup(namespace, e.key));
		const candidates = new Map<string, { lookup: string; json: string }>();
		entries.forEach((e, i) => {
			if (!candidates.has(lookups[i])) candidates.set(lookups[i], { lookup: lookups[i], json: toJson(e.value) });
		});
		const outcomes = candidates.size > 0 ? await claimKeys(claimDeps, namespace, [...candidates.values()], ttlMs) : new Map();
		return { outcomes, lookups };
	};

	return {
		async get<T>(namespace: string, key: string) {
			const k = lookup(namespace, key);
			const row = (await readCurrent(namespace, [k])).get(k);
			return row ? toRecord<T>(row, key) : null;
		},

		async getMany<T>(namespace: string, keys: readonly string[]) {
			const lookups = new Map(keys.map((key) => [lookup(namespace, key), key]));
			const found = new Map<string, StoredRecord<T>>();
			if (lookups.size === 0) return found;
			for (const [k, row] of await readCurrent(namespace, [...lookups.keys()])) {
				const key = lookups.get(k);
				if (key !== undefined) found.set(key, toRecord<T>(row, key));
			}
			return found;
		},

		async create<T>(namespace: string, key: string, value: T, ttlMs: number | null) {
			const row: RowData = {
				ns: namespace,
				k: lookup(namespace, key),
				v: toJson(value),
				ver: 1,
				tok: token(),
				state: 'won',
				exp: toExp(expiryFrom(now(), ttlMs)),
			};
			await api.insertRows([row]);
			return toRecord<T>({ ...row, id: 0 }, key);
		},

		async insertIfAbsent<T>(namespace: string, key: string, value: T, ttlMs: number | null): Promise<InsertResult<T>> {
			const { outcomes, lookups } = await insertMany(namespace, [{ key, value }], ttlMs);
			const outcome = outcomes.get(lookups[0]);
			if (!outcome) throw new Error('Claim protocol ended without an outcome'); // unreachable: it resolves every key or throws
			return { inserted: outcome.inserted, record: toRecord<T>(outcome.row, key) };
		},

		async insertManyIfAbsent<T>(namespace: string, entries: ReadonlyArray<KeyedValue<T>>, ttlMs: number | null) {
			const { outcomes, lookups } = await insertMany(namespace, entries, ttlMs);
			const seen = new Set<string>();
			return lookups.map((k) => {
				const first = !seen.has(k);
				seen.add(k);
				return first && outcomes.get(k)?.inserted === true;
			});
		},

		async compareAndSet<T>(namespace: string, key: string, expectedVersion: number, value: T, ttlMs?: number | null) {
			const k = lookup(namespace, key);
			const at = now();
			const data: Partial<RowData> = { v: toJson(value), ver: expectedVersion + 1, tok: token() };
			if (ttlMs !== undefined) data.exp = toExp(expiryFrom(at, ttlMs));
			const rows = await api.update(
				allOf(eq('k', k), eq('ver', expectedVersion), eq('state', 'won'), gt('exp', at)),
				data,
			);
			const mine = rows.find((row) => row.tok === data.tok && row.ver === data.ver);
			return mine ? toRecord<T>(mine, key) : null;
		},

		async delete(namespace: string, key: string) {
			await api.delete(allOf(eq('k', lookup(namespace, key))), false);
		},

		async prune() {
			// Also removes retired (exp = 1) and abandoned claims.
			return api.delete(allOf(lte('exp', now())), true);
		},
	};
}
