import type { Logger } from 'n8n-workflow';

/**
 * Warns once per `intervalMs` per key and logs the rest at debug level, so a flood of forged requests cannot fill
 * the log while the first one still tells the user what to fix.
 */
export class LogThrottle {
	private readonly lastWarned = new Map<string, number>();

	constructor(
		private readonly intervalMs: number,
		private readonly capacity = 1_000,
	) {}

	warn(logger: Logger, key: string, message: string, now = Date.now()): void {
		const last = this.lastWarned.get(key);
		if (last !== undefined && now - last < this.intervalMs) {
			logger.debug(message);
			return;
		}
		if (this.lastWarned.size >= this.capacity) this.lastWarned.clear();
		this.lastWarned.set(key, now);
		logger.warn(message);
	}
}
