import type { HttpRequest, HttpResponse, HttpSend } from '../http/types';
import { HttpNetworkError } from '../http/types';
import { StoreRejectedError, StoreUnavailableError } from './errors';
import { isRefusedBeforeHandling, requestGateFor } from './request-gate';
import { allOf, anyOf, eq, gt, parseRow, STATE_COLUMNS } from './data-table-rows';
import type { Row, RowData, RowFilter } from './data-table-rows';

/**
 * The few calls of n8n's public REST API (`/api/v1`, header X-N8N-API-KEY) the state store needs.
 * Shapes read from n8n 2.40.7 (public-api/v1/openapi.yml, @n8n/api-types data-table DTOs):
 * - GET    /data-tables?filter={"name":…}&limit≤250&cursor  → {data: [{id, name, columns}], nextCursor}
 *          (the name filter is a case-insensitive substring match: exact names are checked here)
 * - POST   /data-tables {name, columns: [{name, type: string|number|boolean|date}], projectId?} → 201 table
 * - GET    /data-tables/{id}/rows?filter=…&sortBy=id:asc&limit=…      → {data: rows, nextCursor}
 * - POST   /data-tables/{id}/rows {data: rows, returnType: 'count'}   (one transaction)
 * - PATCH  /data-tables/{id}/rows/update {filter, data, returnData, dryRun}
 * - DELETE /data-tables/{id}/rows/delete?filter=…&returnData=…
 * Unknown query parameters are rejected by n8n's OpenAPI validator, so only those are sent.
 */
export interface DataTableApiOptions {
	send: HttpSend;
	/** n8n's public API root, e.g. http://localhost:5678/api/v1 */
	baseUrl: string;
	/** Only when `send` does not add the X-N8N-API-KEY header itself. */
	apiKey?: string;
	tableName: string;
	/** See DataTableStoreOptions.projectId. */
	projectId?: string;
	timeoutMs?: number;
	sleep: (ms: number) => Promise<void>;
	random: () => number;
	/**
	 * Most keys (or claim tokens) in one 'or' filter. n8n turns it into `c1 OR c2 OR …`, and SQLite refuses
	 * expressions deeper than 1,000 (SQLITE_MAX_EXPR_DEPTH), so stay well below.
	 */
	keysPerRequest: number;
	/** See DataTableStoreOptions.tablesFound. */
	tablesFound?: Map<string, Promise<string>>;
}

export interface DataTableApi {
	insertRows(rows: RowData[]): Promise<void>;
	/** The oldest `limit` rows of one key still live at `liveAt`, claims included unless `wonOnly`. */
	oldestLive(lookupKey: string, liveAt: number, wonOnly: boolean, limit: number): Promise<Row[]>;
	/**
	 * Every row whose `k` is in `lookupKeys` (all of namespace `namespace`), claims and dead rows
	 * included: n8n's filter is one flat group, so an 'or' over keys cannot also require `exp > now`.
	 */
	selectByKeys(namespace: string, lookupKeys: readonly string[]): Promise<Row[]>;
	/** Updates the rows matching `filter`; returns the rows n8n reports (see compare-and-set for why that is not proof). */
	update(filter: RowFilter, data: Partial<RowData>): Promise<Row[]>;
	/** Deletes the rows matching `filter`; returns how many when `count` is set, else 0. */
	delete(filter: RowFilter, count: boolean): Promise<number>;
}

const REQUIRED_SCOPES =
	'dataTable:list, dataTable:create, dataTableRow:read, dataTableRow:create, dataTableRow:update, dataTableRow:delete';
const PAGE_LIMIT = 250; // n8n's maximum page size
/** Repeats of a request n8n refused before handling it (503 busy, 429): about 6 s of backoff in all. */
const REFUSED_RETRIES = 6;

export function chunk<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

const messageOf = (body: unknown): string =>
	typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
		? (body as { message: string }).message
		: typeof body === 'string'
			? body.slice(0, 200)
			: '';

/** Maps a failed n8n answer to the store's errors. */
function failure(response: HttpResponse, action: string): Error {
	const { status } = response;
	const detail = messageOf(response.body);
	const suffix = detail ? `: ${detail}` : '';
	if (status === 401) {
		return new StoreRejectedError(`n8n refused the API key while trying to ${action} (401)${suffix}`, status);
	}
	if (status === 403) {
		return new StoreRejectedError(
			`The n8n API key may not ${action} (403): it needs the scopes ${REQUIRED_SCOPES}, and its user needs access to the table's project`,
			status,
		);
	}
	if (status === 429 || status >= 500) {
		return new StoreUnavailableError(`n8n answered ${status} while trying to ${action}${suffix}`);
	}
	if (status === 404) {
		return new StoreRejectedError(
			`n8n answered 404 while trying to ${action}: is the public API enabled, and is the base URL n8n's /api/v1?`,
			status,
		);
	}
	return new StoreRejectedError(`n8n rejected the request to ${action} (${status})${suffix}`, status);
}

const ok = (response: HttpResponse): boolean => response.status >= 200 && response.status < 300;

interface TableInfo {
	id: string;
	name: string;
	columns: Array<{ name: string; type: string }>;
}

function parseTable(raw: unknown): TableInfo | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const t = raw as Record<string, unknown>;
	if ((typeof t.id !== 'string' && typeof t.id !== 'number') || typeof t.name !== 'string') return undefined;
	const columns = Array.isArray(t.columns)
		? t.columns.flatMap((c: unknown) => {
				const col = c as Record<string, unknown> | null;
				return col && typeof col.name === 'string' && typeof col.type === 'string'
					? [{ name: col.name, type: col.type }]
					: [];
			})
		: [];
	return { id: String(t.id), name: t.name, columns };
}

function rowsOf(body: unknown, action: string): Row[] {
	if (!Array.isArray(body)) {
		throw new StoreUnavailableError(`n8n answered an unexpected body while trying to ${action}`);
	}
	// A dry run answers a 'before' and an 'after' image of each row: the 'before' ones are the table.
	const isDryRun = body.some((r: unknown) => typeof r === 'object' && r !== null && 'dryRunState' in r);
	const images = isDryRun
		? body.filter((r: unknown) => (r as { dryRunState?: unknown }).dryRunState === 'before')
		: body;
	return images.flatMap((r: unknown) => {
		const row = parseRow(r);
		return row ? [row] : [];
	});
}

export function createDataTableApi(options: DataTableApiOptions): DataTableApi {
	const baseUrl = options.baseUrl.replace(/\/+$/, '');
	const headers: Record<string, string> = { accept: 'application/json' };
	if (options.apiKey) headers['X-N8N-API-KEY'] = options.apiKey;

	const gate = requestGateFor(baseUrl);
	const sendOnce = (request: Omit<HttpRequest, 'headers' | 'timeoutMs'>): Promise<HttpResponse> =>
		options.send({ ...request, headers, timeoutMs: options.timeoutMs }).catch((error: unknown) => {
			throw error instanceof HttpNetworkError
				? new StoreUnavailableError(`n8n could not be reached at ${baseUrl}: ${error.message}`, { cause: error })
				: error;
		});
	const send = (request: Omit<HttpRequest, 'headers' | 'timeoutMs'>): Promise<HttpResponse> =>
		gate.run(async () => {
			let response = await sendOnce(request);
			for (let attempt = 1; attempt <= REFUSED_RETRIES && isRefusedBeforeHandling(response.status); attempt++) {
				await options.sleep(Math.round(50 * 2 ** attempt * (0.5 + options.random() / 2)));
				response = await sendOnce(request);
			}
			return response;
		});

	const checkColumns = (table: TableInfo): string => {
		const missing = STATE_COLUMNS.filter(
			(wanted) => !table.columns.some((c) => c.name === wanted.name && c.type === wanted.type),
		);
		if (missing.length > 0) {
			throw new StoreRejectedError(
				`The data table "${table.name}" exists but lacks the columns ${missing.map((c) => `${c.name} (${c.type})`).join(', ')}: choose another table name or delete that table`,
			);
		}
		return table.id;
	};

	const findTable = async (): Promise<TableInfo | undefined> => {
		const filter: Record<string, string> = { name: options.tableName };
		if (options.projectId) filter.projectId = options.projectId;
		let cursor: string | undefined;
		do {
			const response = await send({
				method: 'GET',
				url: `${baseUrl}/data-tables`,
				query: { filter: JSON.stringify(filter), limit: PAGE_LIMIT, sortBy: 'createdAt:asc', cursor },
			});
			if (!ok(response)) throw failure(response, 'list data tables');
			const body = response.body as { data?: unknown; nextCursor?: unknown } | null;
			const tables = Array.isArray(body?.data) ? body.data.map(parseTable) : [];
			// Oldest first, so every process settles on the same table.
			const exact = tables.find((t) => t?.name === options.tableName);
			if (exact) return exact;
			cursor = typeof body?.nextCursor === 'string' && body.nextCursor ? body.nextCursor : undefined;
		} while (cursor);
		return undefined;
	};

	const findOrCreateTable = async (): Promise<string> => {
		const existing = await findTable();
		if (existing) return checkColumns(existing);
		const body: Record<string, unknown> = { name: options.tableName, columns: STATE_COLUMNS };
		if (options.projectId) body.projectId = options.projectId;
		const response = await send({ method: 'POST', url: `${baseUrl}/data-tables`, body });
		const created = ok(response) ? parseTable(response.body) : undefined;
		if (created) return checkColumns(created);
		// Another process created it first: 409 from n8n's name check, or 5xx from the unique index.
		if (response.status === 409 || response.status >= 500) {
			const raced = await findTable();
			if (raced) return checkColumns(raced);
		}
		throw failure(response, `create the data table "${options.tableName}"`);
	};

	const tableKey = JSON.stringify([baseUrl, options.tableName, options.projectId ?? '']);
	const tablesFound = options.tablesFound ?? new Map<string, Promise<string>>();
	let table: Promise<string> | undefined = tablesFound.get(tableKey);
	const tableId = (): Promise<string> => {
		if (!table) {
			const pending = findOrCreateTable();
			table = pending;
			tablesFound.set(tableKey, pending);
			pending.catch(() => {
				if (table === pending) table = undefined;
				if (tablesFound.get(tableKey) === pending) tablesFound.delete(tableKey);
			});
		}
		return table;
	};

	/** One call on the table's rows; a 404 (the table was deleted) re-finds or re-creates it once. */
	const rowsCall = async (
		action: string,
		build: (rowsUrl: string) => Omit<HttpRequest, 'headers' | 'timeoutMs'>,
	): Promise<unknown> => {
		const pending = tableId();
		let response = await send(build(`${baseUrl}/data-tables/${encodeURIComponent(await pending)}/rows`));
		if (response.status === 404) {
			if (table === pending) table = undefined;
			if (tablesFound.get(tableKey) === pending) tablesFound.delete(tableKey);
			response = await send(build(`${baseUrl}/data-tables/${encodeURIComponent(await tableId())}/rows`));
		}
		if (!ok(response)) throw failure(response, action);
		return response.body;
	};

	return {
		async insertRows(rows) {
			if (rows.length === 0) return;
			await rowsCall('insert rows', (url) => ({ method: 'POST', url, body: { data: rows, returnType: 'count' } }));
		},

		async oldestLive(lookupKey, liveAt, wonOnly, limit) {
			const filter = allOf(eq('k', lookupKey), gt('exp', liveAt), ...(wonOnly ? [eq('state', 'won')] : []));
			const body = await rowsCall('read rows', (url) => ({
				method: 'GET',
				url,
				query: { filter: JSON.stringify(filter), sortBy: 'id:asc', limit },
			}));
			return rowsOf((body as { data?: unknown } | null)?.data, 'read rows');
		},

		async selectByKeys(namespace, lookupKeys) {
			const rows: Row[] = [];
			for (const keys of chunk(lookupKeys, options.keysPerRequest)) {
				// A dry-run update is a read whose filter travels in the body (no URL length limit, no page
				// size). Its `data` sets `ns` to the value every matched row already has, so even a server
				// that ignored `dryRun` would change nothing.
				const body = await rowsCall('read rows', (url) => ({
					method: 'PATCH',
					url: `${url}/update`,
					body: {
						filter: anyOf(keys.map((k) => eq('k', k))),
						data: { ns: namespace },
						returnData: true,
						dryRun: true,
					},
				}));
				rows.push(...rowsOf(body, 'read rows'));
			}
			return rows;
		},

		async update(filter, data) {
			const body = await rowsCall('update rows', (url) => ({
				method: 'PATCH',
				url: `${url}/update`,
				body: { filter, data, returnData: true },
			}));
			return rowsOf(body, 'update rows');
		},

		async delete(filter, count) {
			const body = await rowsCall('delete rows', (url) => ({
				method: 'DELETE',
				url: `${url}/delete`,
				query: { filter: JSON.stringify(filter), returnData: count },
			}));
			return count && Array.isArray(body) ? body.length : 0;
		},
	};
}
