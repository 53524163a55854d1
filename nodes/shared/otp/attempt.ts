import { updateWithRetry } from '../store/update-with-retry';
import type { OtpContext } from './send-code';
import { OTP_NAMESPACE, type VerificationRecord, type VerificationStatus, type VerificationView } from './types';
import { describeVerification, liveStatusOf } from './view';

/**
 * One attempt at a verification, atomically: the record changes only by compare-and-set, so of any number of
 * concurrent attempts exactly `maxAttempts` failures are counted and exactly one success approves.
 *
 * - approved: `matches` held; the verification is used up (a later attempt answers `not_found`, reason given).
 * - pending: `matches` failed, counted; `attempts_left` may be 0 (the next attempt answers `max_attempts_reached`).
 * - max_attempts_reached / expired / canceled: nothing counted, `matches` not even asked.
 * - null: no verification of that id and channel.
 *
 * Store errors propagate: nothing is approved without a successful write (fail closed).
 */
export async function attemptVerification(
	context: OtpContext,
	verificationId: string,
	channel: VerificationRecord['channel'],
	matches: (record: VerificationRecord) => boolean,
	approve: (record: VerificationRecord) => VerificationRecord = (record) => record,
): Promise<VerificationView | null> {
	const now = context.now();
	let decided = 'not_found' as VerificationStatus;
	const outcome = await updateWithRetry<VerificationRecord>(
		context.store,
		OTP_NAMESPACE,
		verificationId,
		(current) => {
			if (current === null || current.value.channel !== channel) return undefined;
			const record = current.value;
			decided = liveStatusOf(record, now);
			if (decided !== 'pending') return undefined;
			if (matches(record)) {
				decided = 'approved';
				return { ...approve(record), state: 'approved', approvedAt: now };
			}
			return { ...record, attempts: record.attempts + 1 };
		},
		// Every lost race means another attempt was counted; at most maxAttempts + 1 writes ever succeed.
		{ maxAttempts: 50 },
	);
	if (outcome.updated) return describeVerification(verificationId, outcome.record.value, decided);
	if (outcome.current === null || outcome.current.value.channel !== channel) return null;
	if (decided === 'approved') {
		return { ...describeVerification(verificationId, outcome.current.value, 'not_found'), reason: 'Already approved: a verification works once' };
	}
	return describeVerification(verificationId, outcome.current.value, decided);
}
