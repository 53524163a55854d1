import { updateWithRetry } from '../store/update-with-retry';
import { codeHash, hashesEqual } from './code';
import type { OtpContext } from './send-code';
import { OTP_NAMESPACE, type VerificationRecord, type VerificationStatus, type VerificationView } from './types';
import { describeVerification, liveStatusOf } from './view';

/**
 * Checks a code against a verification, atomically: the record is changed only by compare-and-set, so of any number
 * of concurrent checks exactly `maxAttempts` wrong codes are counted, and exactly one right code approves.
 *
 * - approved: the code matched; the verification is used up (a second check answers `not_found`, reason given).
 * - pending: wrong code, counted; `attempts_left` may be 0 (the next check answers `max_attempts_reached`).
 * - max_attempts_reached / expired / canceled / not_found: nothing counted, the code is not even compared.
 *
 * Store errors propagate: a check never approves without a successful write (fail closed).
 */
export async function checkCode(context: OtpContext, verificationId: string, code: string): Promise<VerificationView> {
	const now = context.now();
	const submitted = codeHash(context.secret, verificationId, code);
	let decided = 'not_found' as VerificationStatus;
	const outcome = await updateWithRetry<VerificationRecord>(
		context.store,
		OTP_NAMESPACE,
		verificationId,
		(current) => {
			if (current === null) {
				decided = 'not_found';
				return undefined;
			}
			const record = current.value;
			decided = liveStatusOf(record, now);
			if (decided !== 'pending') return undefined;
			if (record.channel === 'code' && hashesEqual(record.codeHash, submitted)) {
				decided = 'approved';
				return { ...record, state: 'approved', approvedAt: now };
			}
			decided = 'pending';
			return { ...record, attempts: record.attempts + 1 };
		},
		// Every lost race means another check was counted; at most maxAttempts + 1 writes ever succeed.
		{ maxAttempts: 50 },
	);
	if (outcome.updated) return describeVerification(verificationId, outcome.record.value, decided);
	if (outcome.current === null) return { verification_id: verificationId, status: 'not_found' };
	if (decided === 'approved') {
		return { ...describeVerification(verificationId, outcome.current.value, 'not_found'), reason: 'Already approved: a code works once' };
	}
	return describeVerification(verificationId, outcome.current.value, decided);
}
