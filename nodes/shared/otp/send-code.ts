import type { SharedStore, StoredRecord } from '../store/types';
import { updateWithRetry } from '../store/update-with-retry';
import { codeHash, generateNumericCode, newVerificationId } from './code';
import { takeNumberSendSlot } from './number-rate';
import { EXPIRED_RECORD_GRACE_MS, OTP_NAMESPACE, type VerificationRecord, type VerificationView } from './types';
import { describeVerification, liveStatusOf } from './view';

export interface OtpContext {
	store: SharedStore;
	now: () => number;
	/** The HMAC secret of the OTP credential. */
	secret: string;
}

/** Twilio Verify's defaults, which the issue adopts: 10-minute codes, 5 checks and 5 sends per verification. */
export const OTP_DEFAULTS = {
	codeLength: 6,
	validityMinutes: 10,
	maxAttempts: 5,
	maxSends: 5,
	cooldownSeconds: 30,
	perNumberPerHour: 10,
} as const;

export interface SendLimits {
	codeLength: number;
	validityMs: number;
	maxAttempts: number;
	maxSends: number;
	cooldownMs: number;
	/** Sends (new verifications and resends) per number in a sliding hour; 0 = no cap. */
	perNumberPerHour: number;
}

/** A code to send now (only to the template, never to an output), or the reason none may be sent. */
export type IssueResult = { issued: true; code: string; view: VerificationView } | { issued: false; view: VerificationView };

function rateLimited(verificationId: string, reason: string, retryAfterMs: number, record?: VerificationRecord): IssueResult {
	return {
		issued: false,
		view: {
			...(record ? describeVerification(verificationId, record, 'rate_limited') : { verification_id: verificationId, status: 'rate_limited' }),
			reason,
			retry_after_seconds: Math.ceil(retryAfterMs / 1000),
		},
	};
}

/** Starts a verification of `waId`: a fresh code, stored only as its HMAC. */
export async function startVerification(context: OtpContext, waId: string, limits: SendLimits, channel: VerificationRecord['channel'] = 'code'): Promise<IssueResult> {
	const verificationId = newVerificationId();
	const now = context.now();
	const slot = await takeNumberSendSlot(context.store, now, waId, limits.perNumberPerHour);
	if (!slot.granted) return rateLimited(verificationId, `At most ${limits.perNumberPerHour} codes per number per hour`, slot.retryAfterMs);
	const code = generateNumericCode(limits.codeLength);
	const record: VerificationRecord = {
		waId,
		channel,
		codeHash: codeHash(context.secret, verificationId, code),
		state: 'pending',
		attempts: 0,
		maxAttempts: limits.maxAttempts,
		sends: 1,
		maxSends: limits.maxSends,
		createdAt: now,
		lastSentAt: now,
		expiresAt: now + limits.validityMs,
	};
	await context.store.create(OTP_NAMESPACE, verificationId, record, limits.validityMs + EXPIRED_RECORD_GRACE_MS);
	return { issued: true, code, view: describeVerification(verificationId, record, 'pending') };
}

/** Why a verification may not be sent again now, or null when it may. */
function resendRefusal(verificationId: string, current: StoredRecord<VerificationRecord> | null, now: number, limits: SendLimits): IssueResult | null {
	if (current === null) return { issued: false, view: { verification_id: verificationId, status: 'not_found' } };
	const record = current.value;
	const status = liveStatusOf(record, now);
	if (status !== 'pending') return { issued: false, view: describeVerification(verificationId, record, status) };
	if (record.sends >= record.maxSends) {
		return rateLimited(verificationId, `At most ${record.maxSends} sends per verification`, record.expiresAt - now, record);
	}
	const wait = record.lastSentAt + limits.cooldownMs - now;
	if (wait > 0) return rateLimited(verificationId, `Wait ${Math.ceil(limits.cooldownMs / 1000)} seconds between sends`, wait, record);
	return null;
}

/**
 * Sends a verification again with a NEW code (the old one stops working: only hashes are stored, so the old code
 * cannot be re-sent). Attempts are kept; the expiry restarts. Refused while the cooldown runs, after `maxSends`
 * sends, or over the number's hourly cap.
 */
export async function resendVerification(context: OtpContext, verificationId: string, limits: SendLimits): Promise<IssueResult> {
	const now = context.now();
	// Refusals that need no write come first, so a user pressing "resend" during the cooldown burns no hourly slot.
	const stored = await context.store.get<VerificationRecord>(OTP_NAMESPACE, verificationId);
	const first = resendRefusal(verificationId, stored, now, limits);
	if (first || stored === null) return first ?? { issued: false, view: { verification_id: verificationId, status: 'not_found' } };
	const slot = await takeNumberSendSlot(context.store, now, stored.value.waId, limits.perNumberPerHour);
	if (!slot.granted) return rateLimited(verificationId, `At most ${limits.perNumberPerHour} codes per number per hour`, slot.retryAfterMs);
	const code = generateNumericCode(limits.codeLength);
	let refusal = null as IssueResult | null;
	const outcome = await updateWithRetry<VerificationRecord>(
		context.store,
		OTP_NAMESPACE,
		verificationId,
		(current) => {
			refusal = resendRefusal(verificationId, current, now, limits);
			if (refusal || current === null) return undefined;
			return {
				...current.value,
				codeHash: codeHash(context.secret, verificationId, code),
				sends: current.value.sends + 1,
				lastSentAt: now,
				expiresAt: now + limits.validityMs,
			};
		},
		{ ttlMs: limits.validityMs + EXPIRED_RECORD_GRACE_MS },
	);
	if (!outcome.updated) return refusal ?? { issued: false, view: { verification_id: verificationId, status: 'not_found' } };
	return { issued: true, code, view: describeVerification(verificationId, outcome.record.value, 'pending') };
}

/** Cancels a pending verification; answers its status afterwards. */
export async function cancelVerification(context: OtpContext, verificationId: string): Promise<VerificationView> {
	const now = context.now();
	const outcome = await updateWithRetry<VerificationRecord>(context.store, OTP_NAMESPACE, verificationId, (current) =>
		current && liveStatusOf(current.value, now) === 'pending' ? { ...current.value, state: 'canceled' } : undefined,
	);
	if (outcome.updated) return describeVerification(verificationId, outcome.record.value, 'canceled');
	if (outcome.current === null) return { verification_id: verificationId, status: 'not_found' };
	return describeVerification(verificationId, outcome.current.value, liveStatusOf(outcome.current.value, now));
}

/** Forgets a verification whose code could not be sent (nobody can know its code). */
export async function discardVerification(context: OtpContext, verificationId: string): Promise<void> {
	await context.store.delete(OTP_NAMESPACE, verificationId);
}
