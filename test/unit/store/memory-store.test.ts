import { createMemoryStore } from '../../../nodes/shared/store/memory-store';
import { StoreUnavailableError } from '../../../nodes/shared/store/errors';
import { describeSharedStoreContract, manualClock } from './store-contract';

describeSharedStoreContract('memory store', () => {
	const clock = manualClock();
	return { store: createMemoryStore({ now: clock.now }), clock };
});

describe('memory store with maxRecords', () => {
	it('refuses a write that does not fit rather than evicting a live record', async () => {
		const clock = manualClock();
		const store = createMemoryStore({ now: clock.now, maxRecords: 3 });
		await store.insertManyIfAbsent('ns', [{ key: 'a', value: 1 }, { key: 'b', value: 2 }], null);

		await expect(
			store.insertManyIfAbsent('ns', [{ key: 'c', value: 3 }, { key: 'd', value: 4 }], null),
		).rejects.toBeInstanceOf(StoreUnavailableError);
		expect(await store.get('ns', 'c')).toBeNull(); // all or nothing
		expect((await store.getMany('ns', ['a', 'b'])).size).toBe(2);
		await expect(store.create('ns', 'c', 3, null)).resolves.toMatchObject({ value: 3 });
		await expect(store.create('ns', 'd', 4, null)).rejects.toBeInstanceOf(StoreUnavailableError);
	});

	it('drops expired records to make room', async () => {
		const clock = manualClock();
		const store = createMemoryStore({ now: clock.now, maxRecords: 2 });
		await store.create('ns', 'short', 1, 1_000);
		await store.create('ns', 'long', 2, null);
		clock.advance(1_000);

		expect(await store.insertIfAbsent('ns', 'new', 3, null)).toMatchObject({ inserted: true });
		expect((await store.getMany('ns', ['short', 'long', 'new'])).size).toBe(2);
	});
});
