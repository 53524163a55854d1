/**
 * Paces message starts to a rate. Meta measures throughput in messages per second per business number (80 by
 * default, up to 1,000: whatsapp/throughput, cloud-api/overview#throughput) and answers 130429 above it. Two rules
 * together:
 * - a generic cell rate (GCRA): starts are spaced 1/rate apart, with a small burst tolerance so that a late timer
 *   can catch up a few starts at once instead of losing them (the achieved rate stays at the configured one);
 * - a sliding one-second window: never more than ⌊rate⌋ starts in any 1,000 ms, so a catch-up never exceeds what
 *   Meta allows in a second.
 */
export class RatePacer {
	private readonly intervalMs: number;
	private readonly toleranceMs: number;
	private readonly perWindow: number;
	/** The theoretical time of the next start (GCRA). */
	private nextAt = Number.NEGATIVE_INFINITY;
	/** Start times of the last `perWindow` starts, as a ring. */
	private readonly recent: number[] = [];
	private oldest = 0;

	constructor(perSecond: number, burst: number = defaultBurst(perSecond)) {
		if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError('The rate must be a positive number of messages per second');
		if (!Number.isInteger(burst) || burst < 1) throw new RangeError('The burst must be a whole number of at least 1');
		this.intervalMs = 1000 / perSecond;
		this.toleranceMs = (burst - 1) * this.intervalMs;
		this.perWindow = Math.max(1, Math.floor(perSecond));
	}

	/** The earliest time, not before `now`, at which one more send may start. */
	earliestStart(now: number): number {
		let at = Math.max(now, this.nextAt - this.toleranceMs);
		if (this.recent.length === this.perWindow) at = Math.max(at, this.recent[this.oldest] + 1000);
		return at;
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

/** 50 ms worth of starts: absorbs timer lateness without bursts Meta would notice. */
export function defaultBurst(perSecond: number): number {
	return Math.max(1, Math.ceil(perSecond / 20));
}
