import { HttpNetworkError } from '../../../nodes/shared/http/types';
import type { HttpResponse, HttpSend } from '../../../nodes/shared/http/types';
import { createDataTableStore, DEFAULT_STATE_TABLE } from '../../../nodes/shared/store/data-table-store';
import type { DataTableStoreOptions } from '../../../nodes/shared/store/data-table-store';
import { StoreContentionError, StoreRejectedError, StoreUnavailableError } from '../../../nodes/shared/store/errors';
import { FakeN8nDataTables, mulberry32 } from './fake-n8n-data-tables';
import type { Dialect } from './fake-n8n-data-tables';
import { describeSharedStoreContract, manualClock } from './store-contract';
import type { ManualClock } from './store-contract';

const API_KEY = 'n8n-api-key';
const UPDATE = 'PATCH /data-tables/:id/rows/update';
const INSERT = 'POST /data-tables/:id/rows';
const DELETE = 'DELETE /data-tables/:id/rows/delete';
const shortSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 20)));

function setUp(dialect: Dialect = 'sqlite', seed = 7, overrides: Partial<DataTableStoreOptions> = {}) {
	const n8n = new FakeN8nDataTables({ dialect, apiKey: API_KEY, seed });
	const clock: ManualClock = manualClock();
	const options: DataTableStoreOptions = {
		send: n8n.send,
		baseUrl: `${n8n.baseUrl}/`,
		apiKey: API_KEY,
		now: clock.now,
		sleep: shortSleep,
		random: mulberry32(seed + 1),
		...overrides,
	};
	return { n8n, clock, options, store: createDataTableStore(options) };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
	describeSharedStoreContract(`data-table store over a fake n8n (${dialect})`, () => setUp(dialect));
}

describe('data-table store: the table', () => {
	it('is created once, with the state columns, and shared by every store of the instance', async () => {
		const { n8n, options } = setUp();
		const a = createDataTableStore(options);
		const b = createDataTableStore(options);
		await Promise.all([a.create('ns', 'x', 1, null), b.create('ns', 'y', 2, null), a.get('ns', 'z')]);

		expect(n8n.tables.size).toBe(1);
		expect(n8n.tableByName(DEFAULT_STATE_TABLE)?.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
			'ns:string',
			'k:string',
			'v:string',
			'ver:number',
			'tok:string',
			'state:string',
			'exp:number',
		]);
		expect((await b.get('ns', 'x'))?.value).toBe(1);
		expect((await a.get('ns', 'y'))?.value).toBe(2);
	});

	it('is recognised by its exact name, although n8n lists tables by substring', async () => {
		const { n8n, store } = setUp();
		n8n.createTable(`${DEFAULT_STATE_TABLE}_old`, [{ name: 'other', type: 'string' }]);

		await store.create('ns', 'x', 1, null);

		expect(n8n.rowsOf(DEFAULT_STATE_TABLE)).toHaveLength(1);
		expect(n8n.rowsOf(`${DEFAULT_STATE_TABLE}_old`)).toHaveLength(0);
	});

	it('is refused, with a clear message, when a table of that name has other columns', async () => {
		const { n8n, store } = setUp();
		n8n.createTable(DEFAULT_STATE_TABLE, [{ name: 'k', type: 'string' }]);

		await expect(store.get('ns', 'x')).rejects.toThrow(/lacks the columns ns \(string\), v \(string\)/);
	});

	it('is re-created once when it was deleted behind the store\'s back', async () => {
		const { n8n, store } = setUp();
		await store.create('ns', 'x', 1, null);
		n8n.tables.clear();

		expect(await store.get('ns', 'x')).toBeNull();
		await store.create('ns', 'x', 2, null);
		expect((await store.get('ns', 'x'))?.value).toBe(2);
		expect(n8n.tables.size).toBe(1);
	});
});

describe('data-table store: n8n failures', () => {
	it('a wrong API key is a StoreRejectedError naming the 401', async () => {
		const { store } = setUp('sqlite', 7, { apiKey: 'wrong' });
		const error = await store.get('ns', 'x').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StoreRejectedError);
		expect((error as Error).message).toMatch(/refused the API key.*401/);
	});

	it('a key without data-table scopes is a StoreRejectedError listing the scopes it needs', async () => {
		const n8n = new FakeN8nDataTables({ apiKey: API_KEY, scopes: ['dataTable:list'] });
		const store = createDataTableStore({ send: n8n.send, baseUrl: n8n.baseUrl, apiKey: API_KEY, now: Date.now, sleep: shortSleep });
		await expect(store.create('ns', 'x', 1, null)).rejects.toThrow(
			/403.*dataTable:list, dataTable:create, dataTableRow:read, dataTableRow:create, dataTableRow:update, dataTableRow:delete/,
		);
	});

	it('5xx answers and network errors are StoreUnavailableError', async () => {
		const { n8n, store } = setUp();
		await store.create('ns', 'x', 1, null);

		n8n.intercept = (): HttpResponse => ({ status: 503, headers: {}, body: { message: 'down' } });
		await expect(store.get('ns', 'x')).rejects.toBeInstanceOf(StoreUnavailableError);
		n8n.intercept = () => {
			throw new HttpNetworkError('connect ECONNREFUSED', 'ECONNREFUSED', false);
		};
		await expect(store.compareAndSet('ns', 'x', 1, 2)).rejects.toBeInstanceOf(StoreUnavailableError);
		n8n.intercept = undefined;
		expect((await store.get('ns', 'x'))?.value).toBe(1);
	});

	it('n8n refusing a request (400, e.g. the storage cap) is a StoreRejectedError with n8n\'s message', async () => {
		const { n8n, store } = setUp();
		await store.get('ns', 'warm-up');
		n8n.intercept = (req): HttpResponse | undefined =>
			req.method === 'POST'
				? { status: 400, headers: {}, body: { message: 'Data table size limit exceeded: 200MB used, limit is 200MB' } }
				: undefined;
		await expect(store.create('ns', 'x', 1, null)).rejects.toThrow(/size limit exceeded/);
	});

	it('a missing public API (404 everywhere) says so', async () => {
		const send: HttpSend = async () => ({ status: 404, headers: {}, body: 'Cannot GET' });
		const store = createDataTableStore({ send, baseUrl: 'http://n8n.test/api/v1', now: Date.now, sleep: shortSleep });
		await expect(store.get('ns', 'x')).rejects.toThrow(/404.*public API enabled/);
	});
});

describe('data-table store: requests', () => {
	it('a 1,000-event webhook batch with 100 known events takes 6 requests; a full redelivery 4', async () => {
		const { n8n, store } = setUp();
		const keys = Array.from({ length: 1000 }, (_, i) => `wamid.${i}`);
		await store.insertManyIfAbsent('dedupe', keys.slice(0, 100).map((key) => ({ key, value: 1 })), null);
		n8n.log.length = 0;

		await store.insertManyIfAbsent('dedupe', keys.map((key) => ({ key, value: 1 })), null);
		// 1 insert of 1,000 claims, 2 reads and 2 promotions of ≤ 500 keys, 1 delete of the 100 losing claims
		expect([n8n.count(INSERT), n8n.count(UPDATE, true), n8n.count(UPDATE, false), n8n.count(DELETE)]).toEqual([1, 2, 2, 1]);

		n8n.log.length = 0;
		expect((await store.insertManyIfAbsent('dedupe', keys.map((key) => ({ key, value: 1 })), null)).some(Boolean)).toBe(false);
		expect([n8n.count(INSERT), n8n.count(UPDATE, true), n8n.count(UPDATE, false), n8n.count(DELETE)]).toEqual([1, 2, 0, 1]);
		expect(n8n.rowsOf(DEFAULT_STATE_TABLE).filter((r) => r.state === 'claim')).toHaveLength(0);
	});

	it('reads change no row', async () => {
		const { n8n, store } = setUp();
		await store.create('ns', 'x', { a: 1 }, null);
		const before = n8n.rowsOf(DEFAULT_STATE_TABLE);

		await store.get('ns', 'x');
		await store.getMany('ns', ['x', 'y']);

		expect(n8n.rowsOf(DEFAULT_STATE_TABLE)).toEqual(before);
		expect(n8n.count(UPDATE, false)).toBe(0);
	});
});

describe('data-table store: exactness against n8n\'s SQLite update', () => {
	it('of two compare-and-sets racing on one version exactly one wins, though n8n returns the row to both', async () => {
		const { n8n, store, options } = setUp('sqlite');
		await store.create('otp', 'k', { attempts: 0 }, null);
		const answers: unknown[] = [];
		const recordingStore = createDataTableStore({
			...options,
			send: async (req) => {
				const res = await n8n.send(req);
				if (req.method === 'PATCH' && (req.body as { dryRun?: boolean }).dryRun !== true) answers.push(res.body);
				return res;
			},
		});
		// Both requests select the row before either updates it.
		let arrived = 0;
		let release: () => void = () => undefined;
		const bothSelected = new Promise<void>((resolve) => (release = resolve));
		n8n.betweenSelectAndUpdate = async () => {
			if (++arrived === 2) release();
			await bothSelected;
		};

		const results = await Promise.all([
			recordingStore.compareAndSet('otp', 'k', 1, { attempts: 1 }),
			recordingStore.compareAndSet('otp', 'k', 1, { attempts: 1 }),
		]);

		expect(answers).toHaveLength(2);
		expect(answers.every((body) => Array.isArray(body) && body.length === 1)).toBe(true);
		expect(results.filter((r) => r !== null)).toHaveLength(1);
		expect(await store.get('otp', 'k')).toMatchObject({ value: { attempts: 1 }, version: 2 });
	});

	for (const seed of [2, 3]) {
		it(`200 concurrent insertIfAbsent with interleaving seed ${seed}: one winner, no claim left`, async () => {
			const { n8n, store } = setUp('sqlite', seed);
			const results = await Promise.all(
				Array.from({ length: 200 }, (_, i) => store.insertIfAbsent('tokens', 'one', i, null)),
			);
			expect(results.filter((r) => r.inserted)).toHaveLength(1);
			expect(n8n.rowsOf(DEFAULT_STATE_TABLE).filter((r) => r.state === 'won' && r.k === 'tokens:one')).toHaveLength(1);
			await store.prune();
			expect(n8n.rowsOf(DEFAULT_STATE_TABLE)).toHaveLength(1);
		});
	}
});

describe('data-table store: claims', () => {
	it('a claim read back too late to be promoted safely is retired and claimed anew', async () => {
		const { n8n, store, clock } = setUp('sqlite', 7, { claimTimeoutMs: 60_000 });
		await store.get('ns', 'warm-up');
		let stalled = false;
		n8n.intercept = (_req, route) => {
			if (route === 'GET /data-tables/:id/rows' && !stalled) {
				stalled = true;
				clock.advance(20_000); // the claimer stalls for 2/3 of the claim's 30 s lifetime
			}
			return undefined;
		};
		n8n.log.length = 0;

		expect(await store.insertIfAbsent('tokens', 't', 'v', null)).toMatchObject({ inserted: true });
		expect(n8n.count(INSERT)).toBe(2);
		expect(n8n.rowsOf(DEFAULT_STATE_TABLE).map((r) => r.state)).toEqual(['won']);
	});

	it('left by a crashed writer blocks its key until it expires, then is ignored and pruned', async () => {
		const { n8n, store, clock } = setUp('sqlite', 7, { maxClaimRounds: 3 });
		await store.get('ns', 'warm-up');
		n8n.seedRows(DEFAULT_STATE_TABLE, [
			{ ns: 'dedupe', k: 'dedupe:e1', v: '1', ver: 1, tok: 'crashed', state: 'claim', exp: clock.now() + 30_000 },
		]);

		await expect(store.insertManyIfAbsent('dedupe', [{ key: 'e1', value: 2 }, { key: 'e2', value: 2 }], null)).rejects.toBeInstanceOf(
			StoreContentionError,
		);
		// The failed call leaves nothing of its own behind, not even e2, which it had won.
		expect(n8n.rowsOf(DEFAULT_STATE_TABLE).map((r) => r.tok)).toEqual(['crashed']);

		clock.advance(30_000);
		expect(await store.insertManyIfAbsent('dedupe', [{ key: 'e1', value: 2 }, { key: 'e2', value: 2 }], null)).toEqual([true, true]);
		expect(await store.prune()).toBe(1);
		expect(n8n.rowsOf(DEFAULT_STATE_TABLE).map((r) => r.k)).toEqual(['dedupe:e1', 'dedupe:e2']);
	});
});
