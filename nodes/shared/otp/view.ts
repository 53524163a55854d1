import type { VerificationRecord, VerificationStatus, VerificationView } from './types';

/** The status a stored verification has at `now`, before any check. */
export function liveStatusOf(record: VerificationRecord, now: number): VerificationStatus {
	if (record.state === 'approved') return 'approved';
	if (record.state === 'canceled') return 'canceled';
	if (now >= record.expiresAt) return 'expired';
	if (record.attempts >= record.maxAttempts) return 'max_attempts_reached';
	return 'pending';
}

export function describeVerification(verificationId: string, record: VerificationRecord, status: VerificationStatus): VerificationView {
	return {
		verification_id: verificationId,
		status,
		to: record.waId,
		expires_at: new Date(record.expiresAt).toISOString(),
		attempts: record.attempts,
		attempts_left: Math.max(0, record.maxAttempts - record.attempts),
		sends: record.sends,
	};
}
