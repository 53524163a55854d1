/** One verification as stored (namespace `OTP_NAMESPACE`, key = verification id). Never holds the code itself. */
export interface VerificationRecord {
	/** The wa_id the code was sent to. */
	waId: string;
	channel: 'code' | 'link';
	/** HMAC of the current code (`codeHash`); a resend replaces it. */
	codeHash: string;
	state: 'pending' | 'approved' | 'canceled';
	/** Wrong codes counted so far. */
	attempts: number;
	maxAttempts: number;
	sends: number;
	maxSends: number;
	/** Epoch ms. */
	createdAt: number;
	lastSentAt: number;
	expiresAt: number;
	approvedAt?: number;
}

export const OTP_NAMESPACE = 'otp';
export const OTP_NUMBER_NAMESPACE = 'otp-number';

/**
 * How long a record outlives its code, so a late check answers `expired` rather than `not_found`.
 */
export const EXPIRED_RECORD_GRACE_MS = 60 * 60 * 1000;

export type VerificationStatus = 'pending' | 'approved' | 'max_attempts_reached' | 'expired' | 'canceled' | 'not_found' | 'rate_limited';

/** What the nodes output about a verification: never the code, never its hash. */
export interface VerificationView {
	verification_id: string;
	status: VerificationStatus;
	to?: string;
	expires_at?: string;
	attempts?: number;
	attempts_left?: number;
	sends?: number;
	/** Why a check or send was refused, in words. */
	reason?: string;
	/** rate_limited: whole seconds until a send is allowed again. */
	retry_after_seconds?: number;
}
