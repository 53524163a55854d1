import type { Clock } from './clock';
import { MinHeap } from './min-heap';
import { RatePacer } from './rate-pacer';

/** One message to send: its position in the input and the recipient it is paced by (the wa_id). */
export interface BroadcastJob {
	index: number;
	recipient: string;
}

/**
 * What one attempt came to: final, or "Meta did not take it, try again after `afterMs`"; `throttled` when Meta said
 * the sender goes too fast (130429 and kin), which slows the pacer down.
 */
export type AttemptOutcome<R> = { kind: 'final'; result: R } | { kind: 'retry'; afterMs: number; result: R; throttled?: boolean };

export interface ScheduleOptions<R> {
	jobs: BroadcastJob[];
	/** Messages per second, all attempts counted. */
	perSecond: number;
	/** Starts allowed at once after a late timer; defaults to 50 ms worth. */
	burst?: number;
	/** Sends in flight at most. */
	concurrency: number;
	/** Least time between two attempts to one recipient (Meta's pair rate: one message every 6 s). */
	pairIntervalMs: number;
	/** Attempts per job, the first included. */
	maxAttempts: number;
	clock: Clock;
	/** Must not throw; a thrown error ends the job with `error`. */
	attempt(job: BroadcastJob, attemptNumber: number): Promise<AttemptOutcome<R>>;
	/** Checked before every start: true stops starting sends (the execution was cancelled). */
	shouldStop?(): boolean;
}

export interface Settled<R> {
	index: number;
	attempts: number;
	/** The last attempt's result; undefined when no attempt was made (stopped) or the attempt threw. */
	result?: R;
	/** The last outcome asked for a retry, but attempts ran out (or the broadcast was stopped). */
	retriesLeftUnused: boolean;
	stopped: boolean;
	error?: unknown;
}

interface Waiting {
	job: BroadcastJob;
	readyAt: number;
	attempts: number;
	last?: AttemptOutcome<unknown>;
}

/**
 * Sends every job once, paced to `perSecond` with at most `concurrency` in flight, at least `pairIntervalMs` after a
 * message to the same recipient (an attempt Meta refused does not count), and retries for as long as an attempt asks
 * and `maxAttempts` allows. A waiting retry holds no concurrency slot. Settles with one entry per job, in input order.
 */
export async function runSchedule<R>(options: ScheduleOptions<R>): Promise<Array<Settled<R>>> {
	const { clock, concurrency, pairIntervalMs, maxAttempts } = options;
	if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a whole number of at least 1');
	if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be a whole number of at least 1');
	const pacer = new RatePacer(options.perSecond, options.burst);
	const waiting = new MinHeap<Waiting>((a, b) => a.readyAt < b.readyAt || (a.readyAt === b.readyAt && a.job.index < b.job.index));
	for (const job of options.jobs) waiting.push({ job, readyAt: Number.NEGATIVE_INFINITY, attempts: 0 });
	const nextForRecipient = new Map<string, number>();
	const settled = new Map<number, Settled<R>>();
	let inFlight = 0;
	let wake: (() => void) | undefined;
	const signal = (): void => {
		const resolve = wake;
		wake = undefined;
		resolve?.();
	};
	const woken = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));
	const pause = async (ms: number): Promise<void> => await Promise.race([clock.sleep(ms), woken()]);

	const releasePair = (recipient: string, before: number | undefined): void => {
		if (before === undefined) nextForRecipient.delete(recipient);
		else nextForRecipient.set(recipient, before);
	};

	const finish = (entry: Waiting, fields: Partial<Settled<R>>): void => {
		const last = entry.last as AttemptOutcome<R> | undefined;
		settled.set(entry.job.index, {
			index: entry.job.index,
			attempts: entry.attempts,
			...(last ? { result: last.result } : {}),
			retriesLeftUnused: last?.kind === 'retry',
			stopped: false,
			...fields,
		});
	};

	const run = async (entry: Waiting, pairBefore: number | undefined): Promise<void> => {
		try {
			const outcome = await options.attempt(entry.job, entry.attempts);
			entry.last = outcome;
			if (outcome.kind === 'retry' && outcome.throttled === true) pacer.slowDown(clock.now());
			// Meta did not take it, so nothing reached the recipient: the pair-rate slot is free again.
			if (outcome.kind === 'retry') releasePair(entry.job.recipient, pairBefore);
			if (outcome.kind === 'retry' && entry.attempts < maxAttempts) {
				entry.readyAt = clock.now() + Math.max(0, outcome.afterMs);
				waiting.push(entry);
			} else finish(entry, {});
		} catch (error) {
			entry.last = undefined;
			finish(entry, { error });
		} finally {
			inFlight--;
			signal();
		}
	};

	while (waiting.size > 0 || inFlight > 0) {
		if (waiting.size > 0 && options.shouldStop?.() === true) {
			for (let entry = waiting.pop(); entry; entry = waiting.pop()) finish(entry, { stopped: true });
			continue;
		}
		const entry = waiting.peek();
		if (entry === undefined || inFlight >= concurrency) {
			await woken();
			continue;
		}
		const pairReady = nextForRecipient.get(entry.job.recipient) ?? Number.NEGATIVE_INFINITY;
		if (pairReady > entry.readyAt) {
			waiting.pop();
			entry.readyAt = pairReady;
			waiting.push(entry);
			continue;
		}
		const now = clock.now();
		const startAt = Math.max(entry.readyAt, pacer.earliestStart(now));
		if (startAt > now) {
			await pause(startAt - now);
			continue;
		}
		waiting.pop();
		pacer.take(now);
		const pairBefore = nextForRecipient.get(entry.job.recipient);
		nextForRecipient.set(entry.job.recipient, now + pairIntervalMs);
		entry.attempts++;
		inFlight++;
		void run(entry, pairBefore);
	}
	return options.jobs.map((job) => settled.get(job.index) as Settled<R>);
}
