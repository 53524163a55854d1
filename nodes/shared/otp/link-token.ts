import { createHmac, randomInt } from 'node:crypto';
import { updateWithRetry } from '../store/update-with-retry';
import type { OtpContext } from './send-code';
import { EXPIRED_RECORD_GRACE_MS, OTP_NAMESPACE, type VerificationRecord, type VerificationStatus, type VerificationView } from './types';
import { describeVerification, liveStatusOf } from './view';

/** Crockford-like: no 0/O, 1/I, so a token survives being read aloud or retyped. */
const TOKEN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const TOKEN_LENGTH = 12; // 60 bits
const TOKEN_PATTERN = new RegExp(`(?<![A-Za-z0-9])[${TOKEN_ALPHABET}]{${TOKEN_LENGTH}}(?![A-Za-z0-9])`, 'g');

function newLinkToken(): string {
	let token = '';
	for (let i = 0; i < TOKEN_LENGTH; i++) token += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
	return token;
}

/** The verification id of a link token: derived under the secret, so the store holds no token and the message finds its record. */
export function linkVerificationId(secret: string, token: string): string {
	return `otp_link_${createHmac('sha256', secret).update(`whatsapp-otp-link\0${token}`).digest('hex').slice(0, 32)}`;
}

export interface LinkLimits {
	validityMs: number;
	/** Messages from another number than `expectedWaId` accepted before the verification locks. */
	maxAttempts: number;
}

/**
 * Starts a link verification: a one-time token for the prefilled message of a wa.me link. When the user sends it,
 * WhatsApp itself proves their number (the inbound message's `from`). `expectedWaId` (optional) restricts it to one number.
 */
export async function startLinkVerification(context: OtpContext, expectedWaId: string | undefined, limits: LinkLimits): Promise<{ token: string; view: VerificationView }> {
	const token = newLinkToken();
	const verificationId = linkVerificationId(context.secret, token);
	const now = context.now();
	const record: VerificationRecord = {
		waId: expectedWaId ?? '',
		channel: 'link',
		codeHash: '',
		state: 'pending',
		attempts: 0,
		maxAttempts: limits.maxAttempts,
		sends: 1,
		maxSends: 1,
		createdAt: now,
		lastSentAt: now,
		expiresAt: now + limits.validityMs,
	};
	await context.store.create(OTP_NAMESPACE, verificationId, record, limits.validityMs + EXPIRED_RECORD_GRACE_MS);
	return { token, view: describeVerification(verificationId, record, 'pending') };
}

/** The candidate tokens in a message's text, in order. */
export function linkTokensIn(text: string): string[] {
	return [...new Set(text.toUpperCase().match(TOKEN_PATTERN) ?? [])];
}

/**
 * Matches an inbound message against link verifications: the first token in its text that names a verification
 * decides. Approves the sender's number once (compare-and-set, like a code check); a message from another number
 * than the expected one counts as a failed attempt.
 */
export async function checkInboundMessage(context: OtpContext, text: string, senderWaId: string): Promise<VerificationView> {
	const now = context.now();
	for (const token of linkTokensIn(text)) {
		const verificationId = linkVerificationId(context.secret, token);
		let decided = 'not_found' as VerificationStatus;
		const outcome = await updateWithRetry<VerificationRecord>(
			context.store,
			OTP_NAMESPACE,
			verificationId,
			(current) => {
				if (current === null || current.value.channel !== 'link') {
					decided = 'not_found';
					return undefined;
				}
				decided = liveStatusOf(current.value, now);
				if (decided !== 'pending') return undefined;
				if (current.value.waId !== '' && current.value.waId !== senderWaId) {
					return { ...current.value, attempts: current.value.attempts + 1 };
				}
				decided = 'approved';
				return { ...current.value, waId: senderWaId, state: 'approved', approvedAt: now };
			},
			{ maxAttempts: 50 },
		);
		if (outcome.updated) {
			const view = describeVerification(verificationId, outcome.record.value, decided);
			return decided === 'approved' ? view : { ...view, reason: 'The message came from another number than the expected one' };
		}
		if (outcome.current === null || outcome.current.value.channel !== 'link') continue;
		if (decided === 'approved') return { ...describeVerification(verificationId, outcome.current.value, 'not_found'), reason: 'Already approved: a link works once' };
		return describeVerification(verificationId, outcome.current.value, decided);
	}
	return { verification_id: '', status: 'not_found', to: senderWaId, reason: 'The message carries no pending verification token' };
}
