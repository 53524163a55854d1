import type { SharedStore } from '../store/types';
import { updateWithRetry } from '../store/update-with-retry';
import { OTP_NUMBER_NAMESPACE } from './types';

const HOUR_MS = 60 * 60 * 1000;

interface NumberSends {
	/** Epoch ms of each send within the last hour. */
	sentAt: number[];
}

export type NumberSlot = { granted: true } | { granted: false; retryAfterMs: number };

/**
 * Takes one send of a number's hourly allowance (a sliding hour), atomically across every process that shares the
 * store. `perHour` 0 means no cap.
 */
export async function takeNumberSendSlot(store: SharedStore, now: number, waId: string, perHour: number): Promise<NumberSlot> {
	if (perHour <= 0) return { granted: true };
	let refusedUntil = 0;
	const outcome = await updateWithRetry<NumberSends>(
		store,
		OTP_NUMBER_NAMESPACE,
		waId,
		(current) => {
			const recent = (current?.value.sentAt ?? []).filter((at) => at > now - HOUR_MS).sort((a, b) => a - b);
			if (recent.length >= perHour) {
				refusedUntil = recent[recent.length - perHour] + HOUR_MS;
				return undefined;
			}
			return { sentAt: [...recent, now] };
		},
		{ ttlMs: HOUR_MS, maxAttempts: 50 },
	);
	return outcome.updated ? { granted: true } : { granted: false, retryAfterMs: Math.max(0, refusedUntil - now) };
}
