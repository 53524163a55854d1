// Applying fault rules to a Graph request, before any normal handling (so a faulted request is never processed).
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { graphErrorFromSpec } from './error-catalogue';
import type { GraphError } from './errors';
import { faultIsTerminal, faultMatches } from './fault-rules';
import type { SandboxState } from './state';

export type FaultOutcome =
	/** No terminal rule fired: handle the request normally (after any latency already waited). */
	| { kind: 'pass'; faultId?: string }
	/** Answer with this error instead of handling the request. */
	| { kind: 'error'; faultId: string; error: GraphError }
	/** The connection was reset or is being held / dropped: send nothing. */
	| { kind: 'dropped'; faultId: string };

/**
 * Walks the rules in order. A matching rule fires with probability `rate` (drawn from the seeded generator only when
 * rate < 1), counts against `times`, waits its latency, and either ends the request (status / error code / timeout /
 * reset) or lets the next rules and the normal handling run.
 */
export async function applyFaults(
	state: SandboxState,
	method: string,
	path: string,
	res: ServerResponse,
	signal: AbortSignal,
): Promise<FaultOutcome> {
	let lastFired: string | undefined;
	for (const rule of [...state.faults()]) {
		if (!faultMatches(rule, method, path)) continue;
		const rate = rule.input.rate ?? 1;
		if (rate < 1 && state.random.next() >= rate) continue;
		state.consumeFault(rule);
		lastFired = rule.id;
		const input = rule.input;

		if (input.timeout === true) {
			if (input.latencyMs === undefined) return { kind: 'dropped', faultId: rule.id }; // held open until closed
			await sleep(input.latencyMs, undefined, { signal });
			res.socket?.destroy();
			return { kind: 'dropped', faultId: rule.id };
		}
		if (input.latencyMs !== undefined) await sleep(input.latencyMs, undefined, { signal });
		if (input.resetConnection === true) {
			const socket = res.socket;
			if (socket && !socket.destroyed) socket.resetAndDestroy();
			return { kind: 'dropped', faultId: rule.id };
		}
		if (faultIsTerminal(input)) {
			return {
				kind: 'error',
				faultId: rule.id,
				error: graphErrorFromSpec({
					status: input.status,
					errorCode: input.errorCode,
					errorSubcode: input.errorSubcode,
					message: input.message,
					details: input.details,
				}),
			};
		}
	}
	return lastFired === undefined ? { kind: 'pass' } : { kind: 'pass', faultId: lastFired };
}
