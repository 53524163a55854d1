import type { IDataObject } from 'n8n-workflow';
import { SKIP_EXPLANATIONS, type SkipReason } from '../../../shared/broadcast/plan';
import { MARKETING_OPT_OUT, describeFailure, type SendFailure, type SendResult } from '../../../shared/broadcast/send-outcome';
import type { Settled } from '../../../shared/broadcast/scheduler';
import { MessageFieldError } from '../../../shared/messages/field-checks';

/**
 * One broadcast item's outcome. Every item carries the same fields (null where they do not apply), so the output
 * writes back to a sheet as one table: status sent | failed | unknown | skipped | cancelled.
 */
export interface ItemFate {
	to: unknown;
	waId: string | null;
	variant: string | null;
}

function blank(fate: ItemFate): IDataObject {
	return {
		status: null,
		to: fate.to === undefined ? null : (fate.to as IDataObject[string]),
		waId: fate.waId,
		messageId: null,
		variant: fate.variant,
		attempts: 0,
		sentAt: null,
		skipReason: null,
		errorCode: null,
		errorTitle: null,
		errorMessage: null,
		errorCause: null,
		errorFix: null,
		retrySafe: null,
	};
}

function withFailure(item: IDataObject, failure: SendFailure): IDataObject {
	return {
		...item,
		errorCode: failure.code,
		errorTitle: failure.title,
		errorMessage: failure.message,
		errorCause: failure.cause,
		errorFix: failure.fix,
		retrySafe: failure.retrySafe,
	};
}

export function skippedOutput(fate: ItemFate, reason: SkipReason): IDataObject {
	return { ...blank(fate), status: 'skipped', skipReason: reason, errorCause: SKIP_EXPLANATIONS[reason] };
}

/** An item that could not be sent as it is (a number or a field Meta would refuse): nothing was sent. */
export function invalidOutput(fate: ItemFate, error: unknown): IDataObject {
	const message = error instanceof Error ? error.message : String(error);
	return withFailure(
		{ ...blank(fate), status: 'failed', ...(error instanceof MessageFieldError ? { errorField: error.field } : {}) },
		{
			code: null,
			title: 'Checked before sending',
			message,
			cause: error instanceof MessageFieldError ? `${error.field}: Meta would refuse this message.` : message,
			fix: 'Correct the item (or the node\'s fields) and run it again; nothing was sent.',
			retrySafe: true,
		},
	);
}

/**
 * A 131050 answer ("the user stopped marketing messages") is a consent event: the user's store of consent (a sheet,
 * a CRM, a data table) should record it, as it records the trigger's opt-outs.
 */
function optOutEvent(waId: string | null, at: string): IDataObject {
	return { optOut: true, consentEvent: { type: 'opt_out', scope: 'marketing', waId, source: 'send_error_131050', at } };
}

export function sentOrFailedOutput(fate: ItemFate, settled: Settled<SendResult>, extra: IDataObject, now: () => number): IDataObject {
	const item = { ...blank(fate), attempts: settled.attempts, ...extra };
	const result = settled.result;
	if (settled.stopped && result === undefined) {
		return withFailure(
			{ ...item, status: 'cancelled' },
			{ code: null, title: 'Not sent', message: 'The execution was stopped before this item was sent.', cause: 'The execution was stopped.', fix: 'Run the broadcast again; items already sent can be skipped with "Already Sent".', retrySafe: true },
		);
	}
	if (result === undefined) return withFailure({ ...item, status: 'failed' }, { ...describeFailure(settled.error), retrySafe: false });
	if (result.status === 'sent') {
		return { ...item, status: 'sent', messageId: result.messageId, waId: result.waId ?? fate.waId, sentAt: new Date(result.sentAt).toISOString() };
	}
	const failure = settled.retriesLeftUnused
		? { ...result.failure, message: `${result.failure.message} (gave up after ${settled.attempts} attempts)` }
		: result.failure;
	const output = withFailure({ ...item, status: result.status }, failure);
	return failure.code === MARKETING_OPT_OUT ? { ...output, ...optOutEvent(fate.waId, new Date(now()).toISOString()) } : output;
}
