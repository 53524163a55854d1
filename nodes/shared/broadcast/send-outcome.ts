import { GraphNetworkError, GraphUnknownOutcomeError } from '../graph/graph-errors';
import { DEFAULT_MAX_DELAY_MS } from '../graph/graph-client';
import { MetaApiError } from '../graph/meta-error';
import { classifyFailure, isRetrySafe } from '../graph/retry-policy';
import { HttpNetworkError } from '../http/types';
import type { AttemptOutcome } from './scheduler';

/** Why a message was not (certainly) sent, for the item's output. */
export interface SendFailure {
	/** Meta's error code; null when Meta gave none (no answer, a proxy's page, a check before sending). */
	code: number | null;
	title: string;
	message: string;
	cause: string;
	fix: string;
	/** Whether sending this item again cannot duplicate a message (not whether it would succeed). */
	retrySafe: boolean;
}

export type SendResult =
	| { status: 'sent'; messageId: string | null; waId: string | null; sentAt: number }
	| { status: 'failed' | 'unknown'; failure: SendFailure };

/**
 * Answers that say the sender goes too fast for Meta (cloud-api/support/error-codes, whatsapp/throughput): 130429
 * throughput, 80007 WABA rate limit, 4 app call rate, and HTTP 429. (131056, the pair rate, is about one recipient.)
 */
const TOO_FAST = new Set([130429, 80007, 4]);

export function isThrottling(error: unknown): boolean {
	return error instanceof MetaApiError && ((error.code !== undefined && TOO_FAST.has(error.code)) || error.httpStatus === 429);
}

/** Meta: whatsapp/cloud-api/support/error-codes — 131050 "the user stopped marketing messages". */
export const MARKETING_OPT_OUT = 131050;

export function describeFailure(error: unknown): SendFailure {
	if (error instanceof GraphUnknownOutcomeError) {
		return {
			code: null,
			title: 'No clear answer from Meta',
			message: error.message,
			cause: `The connection ended (${error.reason}) after the message was sent, so Meta may have accepted it.`,
			fix: "Check the message status webhook or the recipient's chat before sending this item again.",
			retrySafe: false,
		};
	}
	if (error instanceof MetaApiError) {
		return {
			code: error.code ?? null,
			title: error.codeTitle,
			message: error.message,
			cause: error.cause,
			fix: error.fix,
			retrySafe: true,
		};
	}
	if (error instanceof GraphNetworkError || error instanceof HttpNetworkError) {
		return {
			code: null,
			title: 'Meta not reached',
			message: error.message,
			cause: 'The request could not be sent (the connection was refused or the host not found).',
			fix: "Check the credential's base URL and this machine's network access, then send the item again.",
			retrySafe: isRetrySafe(error),
		};
	}
	const message = error instanceof Error ? error.message : String(error);
	return { code: null, title: 'Not sent', message, cause: message, fix: 'Correct the item and send it again.', retrySafe: true };
}

/** 130429 is about this second's messages of the whole number (whatsapp/throughput), not about this message. */
const THROUGHPUT = 130429;
const NEXT_SECOND_MS = 1000;

/**
 * Whether to try a failed send again, by the transport's one retry policy (graph/retry-policy.ts): only answers that
 * prove Meta did not take the message (4, 80007, 130429, 131056, 429, 5xx with Meta's error body) and requests that
 * never left; never after an answer-less failure that may have delivered it. In a broadcast a 130429 slows the
 * pacer down (the whole send backs off), so the refused message itself only waits for the next second instead of
 * 2ⁿ seconds, which would leave a tail of stragglers after the broadcast.
 */
export function retryDelayAfter(error: unknown, attempt: number, random: () => number): number | undefined {
	let failure: MetaApiError | HttpNetworkError | undefined;
	if (error instanceof MetaApiError || error instanceof HttpNetworkError) failure = error;
	else if (error instanceof GraphNetworkError) failure = error.underlying;
	if (failure === undefined) return undefined;
	const decision = classifyFailure(failure, 'send', attempt, random);
	if (decision.action !== 'retry') return undefined;
	if (failure instanceof MetaApiError && failure.code === THROUGHPUT) return NEXT_SECOND_MS;
	return Math.min(decision.delayMs, DEFAULT_MAX_DELAY_MS);
}

export interface SendAnswer {
	contacts?: Array<{ wa_id?: string }>;
	messages?: Array<{ id?: string }>;
}

/** One attempt of one send, as the scheduler wants it: sent, failed for good, unknown, or "retry after". */
export async function attemptSend(
	send: () => Promise<SendAnswer>,
	attempt: number,
	options: { now: () => number; random: () => number },
): Promise<AttemptOutcome<SendResult>> {
	try {
		const answer = await send();
		return {
			kind: 'final',
			result: { status: 'sent', messageId: answer.messages?.[0]?.id ?? null, waId: answer.contacts?.[0]?.wa_id ?? null, sentAt: options.now() },
		};
	} catch (error) {
		const status = error instanceof GraphUnknownOutcomeError ? 'unknown' : 'failed';
		const result: SendResult = { status, failure: describeFailure(error) };
		const afterMs = status === 'failed' ? retryDelayAfter(error, attempt, options.random) : undefined;
		if (afterMs === undefined) return { kind: 'final', result };
		return { kind: 'retry', afterMs, result, ...(isThrottling(error) ? { throttled: true } : {}) };
	}
}
