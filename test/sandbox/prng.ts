// A small seeded pseudo-random generator (mulberry32) so fault rates are reproducible in tests.

export class SeededRandom {
	private current = 0;
	private initial = 0;

	constructor(seed: number) {
		this.reseed(seed);
	}

	/** The seed last given, for inspection and for `reset`. */
	get seed(): number {
		return this.initial;
	}

	reseed(seed: number): void {
		this.initial = seed >>> 0;
		this.current = this.initial;
	}

	/** A float in [0, 1). */
	next(): number {
		this.current = (this.current + 0x6d2b79f5) >>> 0;
		let t = this.current;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
}

export const DEFAULT_RANDOM_SEED = 0x5eed;
