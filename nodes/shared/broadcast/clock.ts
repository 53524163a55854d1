/** Time for the broadcast core: the node passes the wall clock and n8n's `sleep`; tests pass a fake one. */
export interface Clock {
	/** Milliseconds, monotonic enough for pacing (Date.now in the node). */
	now(): number;
	sleep(ms: number): Promise<void>;
}
