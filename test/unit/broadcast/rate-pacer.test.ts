import { RatePacer, defaultBurst } from '../../../nodes/shared/broadcast/rate-pacer';

/** Starts as a sender would make them: each as early as the pacer allows, but only when its timer fires (late by up to `lateness`). */
function simulate(perSecond: number, count: number, lateness: (i: number) => number): number[] {
	const pacer = new RatePacer(perSecond);
	const starts: number[] = [];
	let now = 0;
	for (let i = 0; i < count; i++) {
		const allowed = pacer.earliestStart(now);
		now = allowed > now ? allowed + lateness(i) : now;
		pacer.take(now);
		starts.push(now);
	}
	return starts;
}

function mostInAnySecond(starts: number[]): number {
	let most = 0;
	let from = 0;
	for (let to = 0; to < starts.length; to++) {
		while (starts[to] - starts[from] >= 1000) from++;
		most = Math.max(most, to - from + 1);
	}
	return most;
}

describe('RatePacer (whatsapp/throughput: messages per second per number)', () => {
	it.each([1, 80, 250, 1000])('spaces starts evenly at %i per second', (perSecond) => {
		const starts = simulate(perSecond, perSecond * 5, () => 0);
		const achieved = (starts.length - 1) / ((starts[starts.length - 1] - starts[0]) / 1000);
		// The window of 1,015 ms keeps 1.5 % of headroom for requests that arrive a little bunched.
		expect(achieved).toBeGreaterThan(perSecond * 0.98);
		expect(mostInAnySecond(starts)).toBeLessThanOrEqual(perSecond);
	});

	it('catches up after late timers without ever exceeding the rate in any second', () => {
		// Timers that fire up to 4 ms late (a busy event loop at 1,000 per second).
		const starts = simulate(1000, 10_000, (i) => (i * 7919) % 5);
		const seconds = (starts[starts.length - 1] - starts[0]) / 1000;
		expect((starts.length - 1) / seconds).toBeGreaterThan(950);
		expect(mostInAnySecond(starts)).toBeLessThanOrEqual(1000);
	});

	it('lets a burst of about 50 ms worth go at once after an idle spell, no more', () => {
		const pacer = new RatePacer(1000);
		let started = 0;
		while (pacer.earliestStart(5000) === 5000) {
			pacer.take(5000);
			started++;
		}
		expect(started).toBe(defaultBurst(1000));
		expect(defaultBurst(80)).toBe(4);
	});

	it('leaves more room between seconds after Meta says "too many", and less again as time passes', () => {
		const pacer = new RatePacer(80);
		for (let i = 0; i < 80; i++) pacer.take(i * 12.5);
		expect(pacer.earliestStart(1000)).toBe(1015);
		for (let i = 0; i < 8; i++) pacer.slowDown(1000);
		expect(pacer.margin(1000)).toBe(80);
		expect(pacer.earliestStart(1000)).toBe(1095);
		// 80/s × 5 % × 10 ms: refusals of up to 4 a second leave no lasting margin.
		expect(pacer.margin(2000)).toBe(40);
		expect(pacer.margin(60_000)).toBe(0);
		for (let i = 0; i < 100; i++) pacer.slowDown(2000);
		expect(pacer.margin(2000)).toBe(250);
	});

	it('refuses a rate that is not a positive number', () => {
		expect(() => new RatePacer(0)).toThrow('positive');
		expect(() => new RatePacer(Number.NaN)).toThrow('positive');
	});
});
