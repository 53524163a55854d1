// Sending limits, checked on every accepted message (cloud-api/overview "Throughput" and "Pair rate limits";
// cloud-api/support/error-codes): per business phone number, at most config.messaging.throughputMps messages in any
// second (else 130429 "Rate limit hit"); per business number and user, at most config.messaging.pairRateMax messages
// in config.messaging.pairRateWindowMs (else 131056 "pair rate limit hit"). Both answer HTTP 400 (the doc lists all
// throttling errors as 400). Refused messages do not count.
import { graphErrorFromSpec } from './error-catalogue';
import type { GraphError } from './errors';
import type { MessagingConfig } from './config';

export class SendLimiter {
	private readonly perNumber = new Map<string, number[]>();
	private readonly perPair = new Map<string, number[]>();

	private recent(map: Map<string, number[]>, key: string, windowMs: number, now: number): number[] {
		const kept = (map.get(key) ?? []).filter((t) => now - t < windowMs);
		map.set(key, kept);
		return kept;
	}

	/** The error to answer, or null; does not count the message. */
	check(config: MessagingConfig, phoneNumberId: string, waId: string, now: number = Date.now()): GraphError | null {
		if (this.recent(this.perNumber, phoneNumberId, 1000, now).length >= config.throughputMps) {
			return graphErrorFromSpec({ errorCode: 130429 });
		}
		if (this.recent(this.perPair, `${phoneNumberId}:${waId}`, config.pairRateWindowMs, now).length >= config.pairRateMax) {
			return graphErrorFromSpec({ errorCode: 131056 });
		}
		return null;
	}

	record(phoneNumberId: string, waId: string, now: number = Date.now()): void {
		this.perNumber.set(phoneNumberId, [...(this.perNumber.get(phoneNumberId) ?? []), now]);
		const key = `${phoneNumberId}:${waId}`;
		this.perPair.set(key, [...(this.perPair.get(key) ?? []), now]);
	}

	clear(): void {
		this.perNumber.clear();
		this.perPair.clear();
	}
}
