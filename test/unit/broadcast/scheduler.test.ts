import { runSchedule, type AttemptOutcome, type BroadcastJob, type ScheduleOptions } from '../../../nodes/shared/broadcast/scheduler';
import { FakeClock } from './fake-clock';

type Result = { ok: boolean; attempt: number };

function jobs(count: number, recipient: (i: number) => string = (i) => `1555000${String(i).padStart(4, '0')}`): BroadcastJob[] {
	return Array.from({ length: count }, (_, index) => ({ index, recipient: recipient(index) }));
}

/** Runs a schedule on virtual time; every attempt takes `latencyMs` and is answered by `answer`. */
async function schedule(
	overrides: Partial<ScheduleOptions<Result>> & { jobs: BroadcastJob[] },
	answer: (job: BroadcastJob, attempt: number) => AttemptOutcome<Result> = (_job, attempt) => ({ kind: 'final', result: { ok: true, attempt } }),
	latencyMs = 50,
) {
	const clock = new FakeClock();
	const starts: Array<{ index: number; at: number; attempt: number }> = [];
	let inFlight = 0;
	let mostInFlight = 0;
	const settled = await clock.run(
		runSchedule<Result>({
			perSecond: 80,
			concurrency: 10,
			pairIntervalMs: 6000,
			maxAttempts: 4,
			clock,
			async attempt(job, attempt) {
				starts.push({ index: job.index, at: clock.now(), attempt });
				inFlight++;
				mostInFlight = Math.max(mostInFlight, inFlight);
				await clock.sleep(latencyMs);
				inFlight--;
				return answer(job, attempt);
			},
			...overrides,
		}),
	);
	return { settled, starts, mostInFlight, clock };
}

function mostInAnySecond(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	let from = 0;
	for (let to = 0; to < sorted.length; to++) {
		while (sorted[to] - sorted[from] >= 1000) from++;
		most = Math.max(most, to - from + 1);
	}
	return most;
}

describe('runSchedule: a paced broadcast', () => {
	it('sends every job once at the configured rate and settles in input order', async () => {
		const { settled, starts } = await schedule({ jobs: jobs(400) });
		expect(settled.map((s) => s.index)).toEqual([...Array(400).keys()]);
		expect(settled.every((s) => s.result?.ok === true && s.attempts === 1)).toBe(true);
		const seconds = (starts[starts.length - 1].at - starts[0].at) / 1000;
		expect(399 / seconds).toBeGreaterThanOrEqual(80 * 0.98);
		expect(mostInAnySecond(starts.map((s) => s.at))).toBeLessThanOrEqual(80);
	});

	it('keeps at most `concurrency` sends in flight (slow answers then bound the rate)', async () => {
		const { starts, mostInFlight } = await schedule({ jobs: jobs(50), concurrency: 5 }, undefined, 1000);
		expect(mostInFlight).toBe(5);
		expect(starts[49].at).toBeGreaterThanOrEqual(9000);
	});

	it('spaces messages to one number by the pair interval, while others go on', async () => {
		const recipients = ['A', 'B', 'A', 'C', 'A'];
		const { starts } = await schedule({ jobs: jobs(5, (i) => recipients[i]) });
		const toA = starts.filter((s) => recipients[s.index] === 'A').map((s) => s.at);
		expect(toA[1] - toA[0]).toBeGreaterThanOrEqual(6000);
		expect(toA[2] - toA[1]).toBeGreaterThanOrEqual(6000);
		const toC = starts.find((s) => s.index === 3)!.at;
		expect(toC).toBeLessThan(1000);
	});

	it('retries when an attempt asks, after the delay it asks for, without holding a slot meanwhile', async () => {
		const { settled, starts } = await schedule(
			{ jobs: jobs(3), concurrency: 1 },
			(job, attempt) =>
				job.index === 0 && attempt < 3 ? { kind: 'retry', afterMs: 2000, result: { ok: false, attempt } } : { kind: 'final', result: { ok: true, attempt } },
		);
		expect(settled[0]).toMatchObject({ attempts: 3, result: { ok: true, attempt: 3 }, retriesLeftUnused: false });
		const first = starts.filter((s) => s.index === 0).map((s) => s.at);
		expect(first[1] - first[0]).toBeGreaterThanOrEqual(2050);
		// Jobs 1 and 2 went while job 0 waited for its retry.
		expect(starts.find((s) => s.index === 2)!.at).toBeLessThan(first[1]);
	});

	it('does not count an attempt Meta refused against the pair rate: the retry goes after its own delay', async () => {
		const { starts } = await schedule({ jobs: jobs(1) }, (_job, attempt) =>
			attempt === 1 ? { kind: 'retry', afterMs: 1500, result: { ok: false, attempt } } : { kind: 'final', result: { ok: true, attempt } },
		);
		expect(starts[1].at - starts[0].at).toBeGreaterThanOrEqual(1550);
		expect(starts[1].at - starts[0].at).toBeLessThan(2000);
	});

	it('spaces a second message to a number from the first one that Meta took', async () => {
		const { starts } = await schedule({ jobs: jobs(2, () => 'A') }, (job, attempt) =>
			job.index === 0 && attempt === 1 ? { kind: 'retry', afterMs: 100, result: { ok: false, attempt } } : { kind: 'final', result: { ok: true, attempt } },
		);
		const [first, retried, second] = starts.map((s) => s.at);
		expect(retried - first).toBeLessThan(1000);
		expect(second - retried).toBeGreaterThanOrEqual(6000);
	});

	it('slows down when an attempt reports throttling (130429): fewer starts per second for a while', async () => {
		const throttledOnce = new Set<number>();
		const { starts } = await schedule({ jobs: jobs(400), pairIntervalMs: 0 }, (job, attempt) => {
			if (job.index % 10 === 0 && !throttledOnce.has(job.index)) {
				throttledOnce.add(job.index);
				return { kind: 'retry', afterMs: 1000, result: { ok: false, attempt }, throttled: true };
			}
			return { kind: 'final', result: { ok: true, attempt } };
		});
		expect(mostInAnySecond(starts.map((s) => s.at))).toBeLessThanOrEqual(80);
		const seconds = (starts[starts.length - 1].at - starts[0].at) / 1000;
		expect(starts.length / seconds).toBeLessThan(80 * 0.98);
	});

	it('stops after maxAttempts and reports that retries were still wanted', async () => {
		const { settled } = await schedule({ jobs: jobs(1), maxAttempts: 3, pairIntervalMs: 0 }, (_job, attempt) => ({ kind: 'retry', afterMs: 100, result: { ok: false, attempt } }));
		expect(settled[0]).toMatchObject({ attempts: 3, result: { ok: false, attempt: 3 }, retriesLeftUnused: true, stopped: false });
	});

	it('ends a job whose attempt throws with the error, and goes on with the others', async () => {
		const { settled } = await schedule({ jobs: jobs(3) }, (job, attempt) => {
			if (job.index === 1) throw new Error('bug');
			return { kind: 'final', result: { ok: true, attempt } };
		});
		expect(settled[1]).toMatchObject({ attempts: 1, error: new Error('bug') });
		expect(settled[1].result).toBeUndefined();
		expect(settled[2].result?.ok).toBe(true);
	});

	it('starts nothing more once told to stop; unstarted jobs settle as stopped', async () => {
		let started = 0;
		const { settled } = await schedule({
			jobs: jobs(100),
			shouldStop: () => started >= 10,
			attempt: async (_job, attempt) => {
				started++;
				return { kind: 'final', result: { ok: true, attempt } };
			},
		});
		expect(settled.filter((s) => s.stopped)).toHaveLength(90);
		expect(settled.filter((s) => s.result?.ok)).toHaveLength(10);
	});

	it('refuses a concurrency or attempt count below 1', async () => {
		await expect(schedule({ jobs: jobs(1), concurrency: 0 })).rejects.toThrow('concurrency');
		await expect(schedule({ jobs: jobs(1), maxAttempts: 0 })).rejects.toThrow('maxAttempts');
	});
});
