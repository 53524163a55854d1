import type { HttpRequest, HttpResponse, HttpSend } from '../../../nodes/shared/http/types';

/**
 * A small stand-in for n8n 2.40.7's public data-table API (/api/v1/data-tables…), faithful where the
 * store's correctness depends on it:
 * - row filters: one flat 'and' / 'or' group; 'like' wraps a value without '%' in '%…%';
 * - `PATCH rows/update` with returnData: on 'sqlite' it SELECTs the matching ids first, lets other
 *   requests run, then updates by the filter and re-reads THOSE ids (so returned rows do not prove that
 *   this update changed them); on 'postgres' it returns exactly the changed rows (RETURNING).
 *   The update and its re-read are one step, as they are inside one database transaction;
 * - `dryRun` answers 'before' / 'after' images and writes nothing;
 * - the table list filter is a case-insensitive substring match; pages of at most 250;
 * - unknown query parameters and unknown columns are 400s, a missing/wrong API key a 401.
 * Every request yields to other requests a random number of times (seeded), so concurrent callers
 * interleave differently from run to run of the seed, but reproducibly.
 */
export type Dialect = 'sqlite' | 'postgres';
type Cell = string | number | boolean | null;
type FakeRow = Record<string, Cell> & { id: number };
interface FakeTable {
	id: string;
	name: string;
	projectId: string;
	columns: Array<{ id: string; name: string; type: string; index: number }>;
	createdAt: string;
	rows: FakeRow[];
}
interface Condition {
	columnName: string;
	condition: string;
	value: Cell;
}
interface Filter {
	type: 'and' | 'or';
	filters: Condition[];
}

export interface FakeN8nOptions {
	dialect?: Dialect;
	apiKey?: string;
	seed?: number;
	/** Most yields per request step (default 3). */
	maxYields?: number;
	scopes?: string[];
}

export interface LoggedRequest {
	route: string;
	dryRun: boolean;
}

export const ALL_SCOPES = [
	'dataTable:list',
	'dataTable:create',
	'dataTableRow:create',
	'dataTableRow:update',
	'dataTableRow:delete',
	'dataTableRow:read',
];

class BadRequest extends Error {}

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SYSTEM_COLUMNS: Record<string, string> = { id: 'number', createdAt: 'date', updatedAt: 'date' };
const json = (status: number, body: unknown): HttpResponse => ({
	status,
	headers: { 'content-type': 'application/json' },
	body,
});

export class FakeN8nDataTables {
	readonly baseUrl = 'http://n8n.test/api/v1';
	readonly tables = new Map<string, FakeTable>();
	readonly log: LoggedRequest[] = [];
	/** Answers a request before the fake does (return undefined to pass); may throw HttpNetworkError. */
	intercept?: (request: HttpRequest, route: string) => HttpResponse | undefined;
	/** Runs between the SELECT and the UPDATE of a returnData update on 'sqlite'. */
	betweenSelectAndUpdate?: () => Promise<void>;

	private readonly random: () => number;
	private readonly dialect: Dialect;
	private nextRowId = 1;
	private nextTableId = 1;
	private clock = Date.UTC(2026, 0, 1);

	constructor(private readonly options: FakeN8nOptions = {}) {
		this.random = mulberry32(options.seed ?? 1);
		this.dialect = options.dialect ?? 'sqlite';
	}

	readonly send: HttpSend = async (request) => {
		await this.yieldSome();
		const path = request.url.startsWith(this.baseUrl) ? request.url.slice(this.baseUrl.length) : request.url;
		const match = /^\/data-tables(?:\/([^/]+)(\/rows(?:\/(update|delete))?)?)?$/.exec(path);
		const route = `${request.method} ${match ? path.replace(/\/data-tables\/[^/]+/, '/data-tables/:id') : path}`;
		const body = (request.body ?? {}) as Record<string, unknown>;
		this.log.push({ route, dryRun: body.dryRun === true });
		const intercepted = this.intercept?.(request, route);
		if (intercepted) return intercepted;
		if (this.options.apiKey !== undefined && this.header(request, 'x-n8n-api-key') !== this.options.apiKey) {
			return json(401, { message: 'unauthorized' });
		}
		if (!match) return json(404, { message: 'not found' });
		try {
			return await this.route(request, route, match[1] ? decodeURIComponent(match[1]) : undefined, body);
		} catch (error) {
			if (error instanceof BadRequest) return json(400, { message: error.message });
			throw error;
		}
	};

	count(route: string, dryRun?: boolean): number {
		return this.log.filter((r) => r.route === route && (dryRun === undefined || r.dryRun === dryRun)).length;
	}

	tableByName(name: string): FakeTable | undefined {
		return [...this.tables.values()].find((t) => t.name === name);
	}

	/** Rows of a table, as copies. */
	rowsOf(name: string): FakeRow[] {
		return (this.tableByName(name)?.rows ?? []).map((r) => ({ ...r }));
	}

	/** Writes rows directly, bypassing the API (e.g. a claim left by a crashed process). */
	seedRows(name: string, rows: Array<Record<string, Cell>>): void {
		const table = this.tableByName(name);
		if (!table) throw new Error(`no table ${name}`);
		for (const row of rows) table.rows.push(this.newRow(table, row));
	}

	createTable(name: string, columns: Array<{ name: string; type: string }>, projectId = 'personal'): FakeTable {
		const id = `tbl${String(this.nextTableId++).padStart(13, '0')}`;
		const table: FakeTable = {
			id,
			name,
			projectId,
			columns: columns.map((c, index) => ({ id: `${id}c${index}`, name: c.name, type: c.type, index })),
			createdAt: this.timestamp(),
			rows: [],
		};
		this.tables.set(id, table);
		return table;
	}

	private async route(request: HttpRequest, route: string, tableId: string | undefined, body: Record<string, unknown>) {
		const scope: Record<string, string> = {
			'GET /data-tables': 'dataTable:list',
			'POST /data-tables': 'dataTable:create',
			'GET /data-tables/:id/rows': 'dataTableRow:read',
			'POST /data-tables/:id/rows': 'dataTableRow:create',
			'PATCH /data-tables/:id/rows/update': 'dataTableRow:update',
			'DELETE /data-tables/:id/rows/delete': 'dataTableRow:delete',
		};
		if (!scope[route]) return json(404, { message: 'not found' });
		if (!(this.options.scopes ?? ALL_SCOPES).includes(scope[route])) return json(403, { message: 'Forbidden' });
		if (route === 'GET /data-tables') return this.listTables(request);
		if (route === 'POST /data-tables') return this.postTable(body);
		const table = tableId ? this.tables.get(tableId) : undefined;
		if (!table) return json(404, { message: `Could not find the data table: '${tableId}'` });
		if (route === 'GET /data-tables/:id/rows') return this.listRows(table, request);
		if (route === 'POST /data-tables/:id/rows') return this.insertRows(table, body);
		if (route === 'PATCH /data-tables/:id/rows/update') return this.updateRows(table, body);
		return this.deleteRows(table, request);
	}

	private listTables(request: HttpRequest): HttpResponse {
		const query = this.query(request, ['filter', 'limit', 'cursor', 'sortBy']);
		const filter = query.filter ? (JSON.parse(query.filter) as { name?: string; projectId?: string }) : {};
		let offset = 0;
		let limit = query.limit ? Number(query.limit) : 100;
		if (limit > 250) throw new BadRequest('request/query/limit must be <= 250');
		if (query.cursor) ({ offset, limit } = JSON.parse(Buffer.from(query.cursor, 'base64').toString()));
		const all = [...this.tables.values()]
			.filter((t) => !filter.name || t.name.toLowerCase().includes(filter.name.toLowerCase()))
			.filter((t) => !filter.projectId || t.projectId === filter.projectId)
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
		const page = all.slice(offset, offset + limit).map((t) => ({ ...t, rows: undefined }));
		const nextCursor =
			all.length > offset + limit ? Buffer.from(JSON.stringify({ offset: offset + limit, limit })).toString('base64') : null;
		return json(200, { data: page, nextCursor });
	}

	private postTable(body: Record<string, unknown>): HttpResponse {
		const name = body.name;
		const columns = body.columns;
		if (typeof name !== 'string' || !Array.isArray(columns)) throw new BadRequest('Invalid request body');
		for (const c of columns as Array<{ name?: unknown; type?: unknown }>) {
			if (typeof c.name !== 'string' || !/^[a-zA-Z][a-zA-Z0-9_]*$/.test(c.name)) throw new BadRequest('bad column name');
			if (!['string', 'number', 'boolean', 'date'].includes(String(c.type))) throw new BadRequest('bad column type');
		}
		const projectId = typeof body.projectId === 'string' ? body.projectId : 'personal';
		if ([...this.tables.values()].some((t) => t.name === name && t.projectId === projectId)) {
			return json(409, { message: `Data table with name '${name}' already exists in this project` });
		}
		const table = this.createTable(name, columns as Array<{ name: string; type: string }>, projectId);
		return json(201, { ...table, rows: undefined });
	}

	private listRows(table: FakeTable, request: HttpRequest): HttpResponse {
		const query = this.query(request, ['filter', 'limit', 'cursor', 'sortBy', 'search']);
		const filter = query.filter ? this.validFilter(table, JSON.parse(query.filter), false) : undefined;
		let offset = 0;
		let limit = query.limit ? Number(query.limit) : 100;
		if (limit > 250) throw new BadRequest('request/query/limit must be <= 250');
		if (query.cursor) ({ offset, limit } = JSON.parse(Buffer.from(query.cursor, 'base64').toString()));
		const [column, direction] = (query.sortBy ?? 'id:asc').split(':');
		this.columnType(table, column);
		const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
		const all = table.rows
			.filter((row) => !filter || this.matches(row, filter))
			.sort((a, b) => sign * ((a[column] ?? 0) < (b[column] ?? 0) ? -1 : (a[column] ?? 0) > (b[column] ?? 0) ? 1 : 0) || a.id - b.id);
		const nextCursor =
			all.length > offset + limit ? Buffer.from(JSON.stringify({ offset: offset + limit, limit })).toString('base64') : null;
		return json(200, { data: all.slice(offset, offset + limit).map((r) => ({ ...r })), nextCursor });
	}

	private async insertRows(table: FakeTable, body: Record<string, unknown>): Promise<HttpResponse> {
		if (!Array.isArray(body.data) || body.data.length === 0) throw new BadRequest('data must not be empty');
		const rows = (body.data as Array<Record<string, Cell>>).map((r) => this.validRow(table, r));
		if ((body.returnType ?? 'count') !== 'count') throw new BadRequest('the fake supports returnType count only');
		await this.yieldSome();
		for (const row of rows) table.rows.push(this.newRow(table, row)); // one transaction
		return json(200, { success: true, insertedRows: rows.length });
	}

	private async updateRows(table: FakeTable, body: Record<string, unknown>): Promise<HttpResponse> {
		const filter = this.validFilter(table, body.filter, true);
		const data = this.validRow(table, (body.data ?? {}) as Record<string, Cell>);
		if (Object.keys(data).length === 0) throw new BadRequest('data must not be empty');
		const matches = (row: FakeRow) => this.matches(row, filter);
		if (body.dryRun === true) {
			return json(
				200,
				table.rows.filter(matches).flatMap((row) => [
					{ ...row, dryRunState: 'before' },
					{ ...row, ...data, dryRunState: 'after' },
				]),
			);
		}
		const apply = (): FakeRow[] => {
			const changed = table.rows.filter(matches);
			for (const row of changed) Object.assign(row, data, { updatedAt: this.timestamp() });
			return changed;
		};
		if (body.returnData !== true) {
			await this.yieldSome();
			apply();
			return json(200, true);
		}
		if (this.dialect === 'postgres') {
			await this.yieldSome();
			return json(200, apply().map((r) => ({ ...r })));
		}
		const selectedIds = new Set(table.rows.filter(matches).map((r) => r.id));
		await this.yieldSome();
		await this.betweenSelectAndUpdate?.();
		apply();
		return json(200, table.rows.filter((r) => selectedIds.has(r.id)).map((r) => ({ ...r })));
	}

	private async deleteRows(table: FakeTable, request: HttpRequest): Promise<HttpResponse> {
		const query = this.query(request, ['filter', 'returnData', 'dryRun']);
		if (!query.filter) throw new BadRequest('Filter is required for delete operations');
		const filter = this.validFilter(table, JSON.parse(query.filter), true);
		const returnData = query.returnData === 'true';
		const matches = (row: FakeRow) => this.matches(row, filter);
		const selected = this.dialect === 'sqlite' && returnData ? table.rows.filter(matches).map((r) => ({ ...r })) : [];
		await this.yieldSome();
		const deleted = table.rows.filter(matches).map((r) => ({ ...r }));
		table.rows = table.rows.filter((r) => !matches(r));
		if (!returnData) return json(200, true);
		return json(200, this.dialect === 'sqlite' ? selected : deleted);
	}

	private validFilter(table: FakeTable, raw: unknown, required: boolean): Filter {
		const f = raw as Partial<Filter> | undefined;
		if (!f || !Array.isArray(f.filters) || (required && f.filters.length === 0)) {
			throw new BadRequest('filter must not be empty');
		}
		const type = f.type ?? 'and';
		if (type !== 'and' && type !== 'or') throw new BadRequest('Invalid filter type');
		const filters = f.filters.map((c) => {
			const columnType = this.columnType(table, c.columnName);
			if (!['eq', 'neq', 'like', 'ilike', 'gt', 'gte', 'lt', 'lte'].includes(c.condition)) {
				throw new BadRequest('Invalid filter fields');
			}
			this.checkType(c.columnName, columnType, c.value);
			if (c.condition === 'like' && typeof c.value === 'string' && !c.value.includes('%')) {
				return { ...c, value: `%${c.value}%` };
			}
			return c;
		});
		return { type, filters };
	}

	private validRow(table: FakeTable, row: Record<string, Cell>): Record<string, Cell> {
		for (const [name, value] of Object.entries(row)) {
			const type = table.columns.find((c) => c.name === name)?.type;
			if (!type) throw new BadRequest(`unknown column name '${name}'`);
			this.checkType(name, type, value);
		}
		return { ...row };
	}

	private columnType(table: FakeTable, name: string): string {
		const type = table.columns.find((c) => c.name === name)?.type ?? SYSTEM_COLUMNS[name];
		if (!type) throw new BadRequest(`unknown column name '${name}'`);
		return type;
	}

	private checkType(name: string, type: string, value: unknown): void {
		if (value === null) return;
		const ok = type === 'number' ? typeof value === 'number' : type === 'string' ? typeof value === 'string' : true;
		if (!ok) throw new BadRequest(`value '${String(value)}' does not match column type '${type}' of ${name}`);
	}

	private matches(row: FakeRow, filter: Filter): boolean {
		const results = filter.filters.map((c) => this.holds(row[c.columnName] ?? null, c));
		return filter.type === 'and' ? results.every(Boolean) : results.some(Boolean);
	}

	private holds(cell: Cell, c: Condition): boolean {
		if (c.value === null) return c.condition === 'eq' ? cell === null : c.condition === 'neq' ? cell !== null : false;
		if (cell === null) return c.condition === 'neq';
		switch (c.condition) {
			case 'eq':
				return cell === c.value;
			case 'neq':
				return cell !== c.value;
			case 'gt':
				return cell > c.value;
			case 'gte':
				return cell >= c.value;
			case 'lt':
				return cell < c.value;
			case 'lte':
				return cell <= c.value;
			case 'like':
			case 'ilike': {
				const pattern = String(c.value)
					.split('%')
					.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
					.join('.*');
				return new RegExp(`^${pattern}$`, c.condition === 'ilike' ? 'is' : 's').test(String(cell));
			}
			default:
				return false;
		}
	}

	private newRow(table: FakeTable, values: Record<string, Cell>): FakeRow {
		const row: FakeRow = { id: this.nextRowId++, createdAt: this.timestamp(), updatedAt: this.timestamp() };
		for (const c of table.columns) row[c.name] = values[c.name] ?? null;
		return row;
	}

	private query(request: HttpRequest, allowed: string[]): Record<string, string | undefined> {
		const result: Record<string, string | undefined> = {};
		for (const [name, value] of Object.entries(request.query ?? {})) {
			if (value === undefined) continue;
			if (!allowed.includes(name)) throw new BadRequest(`Unknown query parameter '${name}'`);
			result[name] = String(value);
		}
		return result;
	}

	private header(request: HttpRequest, name: string): string | undefined {
		const entry = Object.entries(request.headers ?? {}).find(([k]) => k.toLowerCase() === name);
		return entry?.[1];
	}

	private timestamp(): string {
		this.clock += 1;
		return new Date(this.clock).toISOString();
	}

	private async yieldSome(): Promise<void> {
		const times = Math.floor(this.random() * ((this.options.maxYields ?? 3) + 1));
		for (let i = 0; i < times; i++) await new Promise<void>((resolve) => setImmediate(resolve));
	}
}
