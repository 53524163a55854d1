import type { SharedStore } from '../../../nodes/shared/store/types';
import { StoreRejectedError } from '../../../nodes/shared/store/errors';
import { updateWithRetry } from '../../../nodes/shared/store/update-with-retry';

export interface ManualClock {
	now: () => number;
	advance: (ms: number) => void;
}

export function manualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
	let t = start;
	return { now: () => t, advance: (ms) => (t += ms) };
}

export interface StoreHarness {
	store: SharedStore;
	clock: ManualClock;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** What every SharedStore implementation must do. Run once per implementation. */
export function describeSharedStoreContract(label: string, makeHarness: () => StoreHarness | Promise<StoreHarness>): void {
	describe(`${label}: the SharedStore contract`, () => {
		let store: SharedStore;
		let clock: ManualClock;

		beforeEach(async () => {
			({ store, clock } = await makeHarness());
		});

		describe('reading and writing', () => {
			it('answers null for a key never written', async () => {
				expect(await store.get('otp', 'nobody')).toBeNull();
			});

			it('create stores a copy of the value at version 1 with its expiry', async () => {
				const value = { code: 'a1b2', attempts: 0 };
				const created = await store.create('otp', 'k1', value, 60_000);
				value.attempts = 99;

				const expected = { key: 'k1', value: { code: 'a1b2', attempts: 0 }, version: 1, expiresAt: clock.now() + 60_000 };
				expect(created).toEqual(expected);
				expect(await store.get('otp', 'k1')).toEqual(expected);
			});

			it('a value read back is a copy: changing it does not change the store', async () => {
				await store.create('otp', 'k1', { attempts: 0 }, null);
				const read = await store.get<{ attempts: number }>('otp', 'k1');
				read!.value.attempts = 5;
				expect((await store.get('otp', 'k1'))?.value).toEqual({ attempts: 0 });
			});

			it('keeps namespaces apart', async () => {
				await store.create('otp', 'same', 'otp value', null);
				await store.create('dedupe', 'same', 'dedupe value', null);
				expect((await store.get('otp', 'same'))?.value).toBe('otp value');
				expect((await store.get('dedupe', 'same'))?.value).toBe('dedupe value');
				await store.delete('otp', 'same');
				expect(await store.get('otp', 'same')).toBeNull();
				expect((await store.get('dedupe', 'same'))?.value).toBe('dedupe value');
			});

			it('getMany returns the live records among the keys, under the caller\'s keys', async () => {
				await store.create('ns', 'a', 1, null);
				await store.create('ns', 'b', 2, 1_000);
				await store.create('other', 'c', 3, null);
				clock.advance(1_000);
				const found = await store.getMany<number>('ns', ['a', 'b', 'c', 'missing']);
				expect([...found.entries()].map(([k, r]) => [k, r.value])).toEqual([['a', 1]]);
				expect((await store.getMany('ns', [])).size).toBe(0);
			});

			it('delete removes the record', async () => {
				await store.create('ns', 'gone', true, null);
				await store.delete('ns', 'gone');
				expect(await store.get('ns', 'gone')).toBeNull();
				await expect(store.delete('ns', 'never-there')).resolves.toBeUndefined();
			});

			it('rejects invalid namespaces, keys, ttls and values', async () => {
				await expect(store.get('has:colon', 'k')).rejects.toBeInstanceOf(StoreRejectedError);
				await expect(store.get('', 'k')).rejects.toBeInstanceOf(StoreRejectedError);
				await expect(store.get('ns', '')).rejects.toBeInstanceOf(StoreRejectedError);
				await expect(store.create('ns', 'k', 1, 0)).rejects.toBeInstanceOf(StoreRejectedError);
				await expect(store.insertIfAbsent('ns', 'k', 1, -5)).rejects.toBeInstanceOf(StoreRejectedError);
				await expect(store.create('ns', 'k', undefined, null)).rejects.toBeInstanceOf(StoreRejectedError);
			});
		});

		describe('expiry', () => {
			it('a record is absent for every operation from its expiry on', async () => {
				await store.create('otp', 'k', 'old', 1_000);
				clock.advance(999);
				expect((await store.get('otp', 'k'))?.value).toBe('old');

				clock.advance(1);
				expect(await store.get('otp', 'k')).toBeNull();
				expect((await store.getMany('otp', ['k'])).size).toBe(0);
				expect(await store.compareAndSet('otp', 'k', 1, 'changed')).toBeNull();
				const again = await store.insertIfAbsent('otp', 'k', 'new', null);
				expect(again).toEqual({ inserted: true, record: { key: 'k', value: 'new', version: 1, expiresAt: null } });
				expect(await store.insertManyIfAbsent('otp', [{ key: 'k', value: 'newer' }], null)).toEqual([false]);
			});

			it('prune removes expired records, reports how many, and keeps live ones', async () => {
				await store.create('ns', 'a', 1, 1_000);
				await store.create('ns', 'b', 2, 1_000);
				await store.create('other', 'c', 3, 2_000);
				await store.create('ns', 'forever', 4, null);
				clock.advance(2_000);

				expect(await store.prune()).toBe(3);
				expect(await store.prune()).toBe(0);
				expect((await store.get('ns', 'forever'))?.value).toBe(4);
			});
		});

		describe('insertIfAbsent', () => {
			it('inserts once, then reports the record that is there', async () => {
				const first = await store.insertIfAbsent('tokens', 't1', { used: false }, 5_000);
				const second = await store.insertIfAbsent('tokens', 't1', { used: true }, 5_000);

				expect(first).toEqual({
					inserted: true,
					record: { key: 't1', value: { used: false }, version: 1, expiresAt: clock.now() + 5_000 },
				});
				expect(second).toEqual({ inserted: false, record: first.record });
			});

			it('of 200 concurrent callers for one key, exactly one inserts and all see its value', async () => {
				const results = await Promise.all(range(0, 200).map((i) => store.insertIfAbsent('dedupe', 'wamid.1', i, null)));

				const winners = results.filter((r) => r.inserted);
				expect(winners).toHaveLength(1);
				const winningValue = winners[0].record.value;
				expect(results.every((r) => r.record.value === winningValue)).toBe(true);
				expect((await store.get('dedupe', 'wamid.1'))?.value).toBe(winningValue);
			});
		});

		describe('insertManyIfAbsent', () => {
			it('of 1,000 keys, exactly the 100 already stored are not inserted, and they keep their values', async () => {
				const stored = range(0, 1000).filter((i) => i % 10 === 3);
				await store.insertManyIfAbsent('dedupe', stored.map((i) => ({ key: `evt-${i}`, value: 'earlier' })), null);

				const result = await store.insertManyIfAbsent(
					'dedupe',
					range(0, 1000).map((i) => ({ key: `evt-${i}`, value: `now-${i}` })),
					86_400_000,
				);

				expect(result).toEqual(range(0, 1000).map((i) => i % 10 !== 3));
				const all = await store.getMany<string>('dedupe', range(0, 1000).map((i) => `evt-${i}`));
				expect(all.size).toBe(1000);
				expect(all.get('evt-3')?.value).toBe('earlier');
				expect(all.get('evt-3')?.expiresAt).toBeNull();
				expect(all.get('evt-4')?.value).toBe('now-4');
				expect(all.get('evt-4')?.expiresAt).toBe(clock.now() + 86_400_000);
			});

			it('counts a key repeated inside one call once: only its first occurrence is true', async () => {
				const result = await store.insertManyIfAbsent(
					'dedupe',
					[
						{ key: 'a', value: 1 },
						{ key: 'b', value: 2 },
						{ key: 'a', value: 3 },
					],
					null,
				);
				expect(result).toEqual([true, true, false]);
				expect((await store.get('dedupe', 'a'))?.value).toBe(1);
				expect(await store.insertManyIfAbsent('dedupe', [], null)).toEqual([]);
			});

			it('concurrent overlapping calls insert every key exactly once', async () => {
				// Five calls of 200 keys each; neighbouring calls share 100 keys.
				const calls = range(0, 5).map((c) => range(c * 100, c * 100 + 200).map((i) => ({ key: `k${i}`, value: c })));
				const results = await Promise.all(calls.map((entries) => store.insertManyIfAbsent('dedupe', entries, null)));

				const insertions = new Map<string, number>();
				calls.forEach((entries, c) =>
					entries.forEach((e, i) => {
						if (results[c][i]) insertions.set(e.key, (insertions.get(e.key) ?? 0) + 1);
					}),
				);
				expect(insertions.size).toBe(600);
				expect([...insertions.values()].every((n) => n === 1)).toBe(true);
				const stored = await store.getMany<number>('dedupe', [...insertions.keys()]);
				for (const [key, record] of stored) expect(results[record.value][calls[record.value].findIndex((e) => e.key === key)]).toBe(true);
			});
		});

		describe('compareAndSet', () => {
			it('writes only over the expected version, and manages the expiry as asked', async () => {
				await store.create('otp', 'k', { attempts: 0 }, 10_000);

				expect(await store.compareAndSet('otp', 'k', 2, { attempts: 9 })).toBeNull();
				const kept = await store.compareAndSet('otp', 'k', 1, { attempts: 1 });
				expect(kept).toEqual({ key: 'k', value: { attempts: 1 }, version: 2, expiresAt: clock.now() + 10_000 });

				clock.advance(100);
				const renewed = await store.compareAndSet('otp', 'k', 2, { attempts: 2 }, 5_000);
				expect(renewed?.expiresAt).toBe(clock.now() + 5_000);
				const forever = await store.compareAndSet('otp', 'k', 3, { attempts: 3 }, null);
				expect(forever).toEqual({ key: 'k', value: { attempts: 3 }, version: 4, expiresAt: null });
				expect(await store.get('otp', 'k')).toEqual(forever);
			});

			it('answers null for a missing or deleted record', async () => {
				expect(await store.compareAndSet('otp', 'missing', 1, 'x')).toBeNull();
				await store.create('otp', 'k', 'v', null);
				await store.delete('otp', 'k');
				expect(await store.compareAndSet('otp', 'k', 1, 'x')).toBeNull();
				expect(await store.get('otp', 'k')).toBeNull();
			});

			it('1,000 concurrent capped increments (updateWithRetry): exactly 5 succeed and none fails', async () => {
				await store.create('otp', 'phone', { attempts: 0 }, 600_000);
				const increment = () =>
					updateWithRetry<{ attempts: number }>(store, 'otp', 'phone', (current) =>
						current && current.value.attempts < 5 ? { attempts: current.value.attempts + 1 } : undefined,
					);

				const outcomes = await Promise.allSettled(range(0, 1000).map(increment));

				expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(0);
				const values = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : undefined));
				const succeeded = values.filter((v) => v?.updated);
				expect(succeeded).toHaveLength(5);
				expect(succeeded.map((v) => (v?.updated ? v.record.value.attempts : 0)).sort()).toEqual([1, 2, 3, 4, 5]);
				expect(await store.get('otp', 'phone')).toMatchObject({ value: { attempts: 5 }, version: 6 });
			});

			it('50 concurrent uncapped increments of an absent key lose no update', async () => {
				const outcomes = await Promise.all(
					range(0, 50).map(() =>
						updateWithRetry<number>(store, 'counters', 'c', (current) => (current ? current.value + 1 : 1), {
							maxAttempts: 100,
						}),
					),
				);
				expect(outcomes.every((o) => o.updated)).toBe(true);
				expect(await store.get('counters', 'c')).toMatchObject({ value: 50, version: 50, expiresAt: null });
			});
		});
	});
}
