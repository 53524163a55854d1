import { createDataTableStore } from '../../../nodes/shared/store/data-table-store';
import { StoreUnavailableError } from '../../../nodes/shared/store/errors';
import { createMemoryStore } from '../../../nodes/shared/store/memory-store';
import type { SharedStore } from '../../../nodes/shared/store/types';
import { DEDUPE_WINDOW_MS, dropRedeliveries } from '../../../nodes/shared/webhook-events/dedupe';
import { normaliseWebhook } from '../../../nodes/shared/webhook-events/normalise';
import { batchOfTexts, DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES, webhookBody } from '../../fixtures/webhooks/meta-webhooks';
import { FakeN8nDataTables, mulberry32 } from '../store/fake-n8n-data-tables';

const events = normaliseWebhook(webhookBody(DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES)).events;

describe('redelivery dedupe', () => {
	it('passes each event once within the 7-day window, then again after it', async () => {
		let now = Date.UTC(2026, 0, 1);
		const store = createMemoryStore({ now: () => now });
		const first = await dropRedeliveries(events, { store, scope: 'wf1|node1' });
		expect(first).toEqual({ fresh: events, duplicates: 0 });
		now += DEDUPE_WINDOW_MS - 1;
		expect(await dropRedeliveries(events, { store, scope: 'wf1|node1' })).toEqual({ fresh: [], duplicates: events.length });
		now += 1;
		expect((await dropRedeliveries(events, { store, scope: 'wf1|node1' })).fresh).toHaveLength(events.length);
	});

	it('drops only what was seen before, and keeps triggers apart', async () => {
		const store = createMemoryStore({ now: Date.now });
		await dropRedeliveries(events.slice(0, 5), { store, scope: 'a' });
		const mixed = await dropRedeliveries(events.slice(3, 8), { store, scope: 'a' });
		expect(mixed.fresh.map((e) => e.eventKey)).toEqual(events.slice(5, 8).map((e) => e.eventKey));
		expect(mixed.duplicates).toBe(2);
		expect((await dropRedeliveries(events.slice(0, 5), { store, scope: 'b' })).fresh).toHaveLength(5);
	});

	it('lets exactly one of many concurrent deliveries of the same events through', async () => {
		const store = createMemoryStore({ now: Date.now });
		const results = await Promise.all(Array.from({ length: 10 }, () => dropRedeliveries(events, { store, scope: 's' })));
		expect(results.reduce((sum, r) => sum + r.fresh.length, 0)).toBe(events.length);
	});

	it('fails open when the store fails: every event passes and the error is reported', async () => {
		const failing: SharedStore = {
			...createMemoryStore({ now: Date.now }),
			insertManyIfAbsent: async () => {
				throw new StoreUnavailableError('n8n could not be reached');
			},
		};
		const result = await dropRedeliveries(events, { store: failing, scope: 's' });
		expect(result.fresh).toEqual(events);
		expect(result.storeError).toBe('StoreUnavailableError: n8n could not be reached');
	});

	it('claims a 1,000-event POST in a handful of data-table requests, and racing processes pass each event once', async () => {
		const n8n = new FakeN8nDataTables({ dialect: 'postgres', apiKey: 'key', seed: 3 });
		const storeOf = (seed: number) =>
			createDataTableStore({ send: n8n.send, baseUrl: n8n.baseUrl, apiKey: 'key', now: Date.now, sleep: async () => undefined, random: mulberry32(seed) });
		const batch = normaliseWebhook(batchOfTexts(DEFAULT_FIXTURE_IDS, 1000)).events;
		const first = await dropRedeliveries(batch, { store: storeOf(1), scope: 's' });
		expect(first.fresh).toHaveLength(1000);
		expect(n8n.log.length).toBeLessThanOrEqual(8);

		// Meta's redelivery of the same POST arrives at two webhook processors at once.
		const again = normaliseWebhook(batchOfTexts({ ...DEFAULT_FIXTURE_IDS, seq: '2' }, 1000)).events;
		const [a, b] = await Promise.all([dropRedeliveries(again, { store: storeOf(2), scope: 's' }), dropRedeliveries(again, { store: storeOf(3), scope: 's' })]);
		expect(a.fresh.length + b.fresh.length).toBe(1000);
		expect(new Set([...a.fresh, ...b.fresh].map((e) => e.eventKey)).size).toBe(1000);
	});
});
