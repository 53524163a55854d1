import type { Clock } from '../../../nodes/shared/broadcast/clock';

/**
 * Virtual time: `sleep` registers a timer; `run` lets every pending promise settle, then jumps to the earliest timer,
 * until the awaited promise settles. Nothing really waits, so a minute of broadcast runs in milliseconds.
 */
export class FakeClock implements Clock {
	private time = 0;
	private seq = 0;
	private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];

	now(): number {
		return this.time;
	}

	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
		});
	}

	async run<T>(promise: Promise<T>): Promise<T> {
		let settled = false;
		promise.then(
			() => (settled = true),
			() => (settled = true),
		);
		for (;;) {
			await settle();
			if (settled) return await promise;
			if (this.timers.length === 0) throw new Error('FakeClock: nothing is scheduled and the promise has not settled (deadlock)');
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const next = this.timers.shift()!;
			this.time = Math.max(this.time, next.at);
			next.resolve();
		}
	}
}

async function settle(): Promise<void> {
	for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
