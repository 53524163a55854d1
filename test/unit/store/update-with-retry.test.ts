import { createMemoryStore } from '../../../nodes/shared/store/memory-store';
import { StoreContentionError } from '../../../nodes/shared/store/errors';
import type { SharedStore } from '../../../nodes/shared/store/types';
import { updateWithRetry } from '../../../nodes/shared/store/update-with-retry';
import { manualClock } from './store-contract';

const attemptsBelow = (limit: number) => (current: { value: { attempts: number } } | null) =>
	current && current.value.attempts < limit ? { attempts: current.value.attempts + 1 } : undefined;

describe('updateWithRetry', () => {
	it('writes the value mutate returns and keeps the expiry unless told otherwise', async () => {
		const clock = manualClock();
		const store = createMemoryStore({ now: clock.now });
		await store.create('otp', 'k', { attempts: 0 }, 60_000);

		const outcome = await updateWithRetry(store, 'otp', 'k', attemptsBelow(5));

		expect(outcome).toEqual({
			updated: true,
			record: { key: 'k', value: { attempts: 1 }, version: 2, expiresAt: clock.now() + 60_000 },
		});
	});

	it('stops without writing when mutate returns undefined, and reports what it saw', async () => {
		const clock = manualClock();
		const store = createMemoryStore({ now: clock.now });
		await store.create('otp', 'k', { attempts: 5 }, null);

		expect(await updateWithRetry(store, 'otp', 'k', attemptsBelow(5))).toEqual({
			updated: false,
			current: { key: 'k', value: { attempts: 5 }, version: 1, expiresAt: null },
		});
		expect(await updateWithRetry(store, 'otp', 'absent', attemptsBelow(5))).toEqual({ updated: false, current: null });
	});

	it('creates an absent record with the given ttl', async () => {
		const clock = manualClock();
		const store = createMemoryStore({ now: clock.now });

		const outcome = await updateWithRetry<number>(store, 'c', 'k', (r) => (r ? r.value + 1 : 1), { ttlMs: 1_000 });

		expect(outcome).toEqual({ updated: true, record: { key: 'k', value: 1, version: 1, expiresAt: clock.now() + 1_000 } });
	});

	it('re-reads after a lost race and gives up with StoreContentionError after maxAttempts', async () => {
		const clock = manualClock();
		const inner = createMemoryStore({ now: clock.now });
		await inner.create('otp', 'k', { attempts: 0 }, null);
		let reads = 0;
		// Another writer always gets in between this caller's read and its compare-and-set.
		const raced: SharedStore = {
			...inner,
			get: async <T>(ns: string, key: string) => {
				reads++;
				const current = await inner.get<T>(ns, key);
				if (current) await inner.compareAndSet(ns, key, current.version, current.value);
				return current;
			},
		};

		await expect(updateWithRetry(raced, 'otp', 'k', attemptsBelow(100), { maxAttempts: 4 })).rejects.toBeInstanceOf(
			StoreContentionError,
		);
		expect(reads).toBe(4);
		expect((await inner.get('otp', 'k'))?.value).toEqual({ attempts: 0 });
	});
});
