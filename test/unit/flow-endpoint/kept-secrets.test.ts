import { KeptSecrets } from '../../../nodes/shared/flow-endpoint/kept-secrets';

// The decision is "accepted" when the request was sealed for the secret we hold, else "refused".
describe('KeptSecrets: credentials read once, read again when a refusal may be their fault', () => {
	let now = 0;
	let stored = 'key-1';
	let reads = 0;
	const read = async () => {
		reads += 1;
		return stored;
	};
	const decideFor = (sealedFor: string) => async (secret: string) => (secret === sealedFor ? 'accepted' : 'refused');
	const isRefusal = (decision: string) => decision === 'refused';
	const same = (a: string, b: string) => a === b;
	let kept: KeptSecrets<string>;

	beforeEach(() => {
		now = 0;
		stored = 'key-1';
		reads = 0;
		kept = new KeptSecrets<string>({ ttlMs: 15_000, rereadAfterMs: 1_000, now: () => now });
	});

	it('reads the secrets once while they are fresh', async () => {
		for (let i = 0; i < 5; i++) expect(await kept.decide('node', read, decideFor('key-1'), isRefusal, same)).toBe('accepted');
		expect(reads).toBe(1);
		now = 15_000;
		await kept.decide('node', read, decideFor('key-1'), isRefusal, same);
		expect(reads).toBe(2);
	});

	it('uses a rotated secret at the first request that the kept one refuses', async () => {
		await kept.decide('node', read, decideFor('key-1'), isRefusal, same);
		stored = 'key-2';
		now = 1_000;
		expect(await kept.decide('node', read, decideFor('key-2'), isRefusal, same)).toBe('accepted');
		expect(reads).toBe(2);
		// The replaced secret: refused once the new one is kept.
		expect(await kept.decide('node', read, decideFor('key-1'), isRefusal, same)).toBe('refused');
	});

	it('keeps a replaced secret working until the kept one is refused or expires', async () => {
		await kept.decide('node', read, decideFor('key-1'), isRefusal, same);
		stored = 'key-2';
		now = 14_999;
		expect(await kept.decide('node', read, decideFor('key-1'), isRefusal, same)).toBe('accepted');
		expect(reads).toBe(1);
	});

	it('reads at most once per rereadAfterMs however many requests are refused', async () => {
		await kept.decide('node', read, decideFor('key-1'), isRefusal, same);
		for (let t = 0; t < 5_000; t += 10) {
			now = t;
			expect(await kept.decide('node', read, decideFor('forged'), isRefusal, same)).toBe('refused');
		}
		expect(reads).toBeLessThanOrEqual(1 + 5);
	});

	it('shares one read among concurrent requests, and keeps nodes apart', async () => {
		let release: () => void = () => undefined;
		const slowRead = async () => {
			reads += 1;
			await new Promise<void>((resolve) => (release = resolve));
			return stored;
		};
		const all = Promise.all(Array.from({ length: 10 }, () => kept.decide('node', slowRead, decideFor('key-1'), isRefusal, same)));
		release();
		expect(await all).toEqual(Array(10).fill('accepted'));
		expect(reads).toBe(1);
		await kept.decide('other node', read, decideFor('key-1'), isRefusal, same);
		expect(reads).toBe(2);
	});

	it('passes a failed read on, and reads again next time', async () => {
		const failing = async () => {
			reads += 1;
			throw new Error('credential missing');
		};
		await expect(kept.decide('node', failing, decideFor('key-1'), isRefusal, same)).rejects.toThrow('credential missing');
		expect(await kept.decide('node', read, decideFor('key-1'), isRefusal, same)).toBe('accepted');
		expect(reads).toBe(2);
	});
});
