import { HttpNetworkError } from '../http/types';
import { GraphNetworkError, GraphUnknownOutcomeError } from './graph-errors';
import { MetaApiError } from './meta-error';

/**
 * - 'read'  a GET: repeating it changes nothing.
 * - 'write' an idempotent management call (e.g. update Flow metadata): repeating it sets the same values.
 * - 'send'  anything that may deliver a message or create something (messages, create Flow,
 *           register, request_code): repeating it after it took effect creates a duplicate.
 */
export type OperationKind = 'read' | 'write' | 'send';

export type RetryDecision = { action: 'retry'; delayMs: number } | { action: 'fail' } | { action: 'unknown' };

/** Meta: whatsapp/throughput — pair rate limit; "retry after 4^X seconds". */
const PAIR_RATE_LIMIT = 131056;

/** A gateway that answers these gave up waiting for Graph, which may still have acted on the call. */
const GATEWAY_GAVE_UP = new Set([502, 504]);

/**
 * The one place that decides what happens after a failed attempt.
 * `attempt` is the number of the attempt that just failed, starting at 1.
 * The caller applies `maxAttempts` and caps `delayMs` at its `maxDelayMs`.
 *
 * An HTTP answer carrying Meta's error (429, 5xx, or a throttling code) is retried even for sends:
 * Graph returns a message id only when it accepts the call, so an error answer means nothing was
 * queued. Only a missing answer (or a gateway's 502/504 without Meta's error body) leaves the
 * outcome open, and then a send stops as 'unknown' instead of risking a second delivery.
 */
export function classifyFailure(
	failure: MetaApiError | HttpNetworkError,
	kind: OperationKind,
	attempt: number,
	random: () => number = () => 0.5,
): RetryDecision {
	if (failure instanceof HttpNetworkError) {
		if (kind === 'send' && failure.mayHaveReachedServer) return { action: 'unknown' };
		return { action: 'retry', delayMs: exponentialBackoff(attempt, random) };
	}

	if (failure.code === PAIR_RATE_LIMIT) return { action: 'retry', delayMs: 4 ** attempt * 1000 };
	if (failure.code === undefined && kind === 'send' && GATEWAY_GAVE_UP.has(failure.httpStatus)) {
		return { action: 'unknown' };
	}
	const backoff = (): RetryDecision => ({
		action: 'retry',
		delayMs: Math.max(exponentialBackoff(attempt, random), failure.retryAfterMs ?? 0),
	});
	if (failure.retry === 'backoff') return backoff();
	// A listed code that says "do not retry" wins over its HTTP status (Meta returns some with 500).
	if (failure.knownCode && failure.retry === 'never') return { action: 'fail' };
	if (failure.httpStatus === 429 || failure.httpStatus >= 500) return backoff();
	if (failure.retry === 'reads-only' && kind !== 'send') return backoff();
	return { action: 'fail' };
}

/** 2^attempt seconds with "equal jitter": between half and all of it, so parallel items spread out. */
export function exponentialBackoff(attempt: number, random: () => number): number {
	const base = 2 ** attempt * 1000;
	const jitter = Math.min(Math.max(random(), 0), 1);
	return Math.round(base / 2 + (jitter * base) / 2);
}

/**
 * Whether the failed item can be sent again without risking a duplicate
 * (not whether it will succeed: a 131047 is safe to resend and will fail again).
 */
export function isRetrySafe(error: unknown): boolean {
	if (error instanceof GraphUnknownOutcomeError) return false;
	if (error instanceof MetaApiError) return true;
	if (error instanceof GraphNetworkError) return error.kind !== 'send' || !error.mayHaveReachedServer;
	if (error instanceof HttpNetworkError) return !error.mayHaveReachedServer;
	return false;
}
