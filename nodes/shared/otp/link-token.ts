import { createHmac, randomInt } from 'node:crypto';
import { attemptVerification } from './attempt';
import type { OtpContext } from './send-code';
import { EXPIRED_RECORD_GRACE_MS, OTP_NAMESPACE, type VerificationRecord, type VerificationView } from './types';
import { describeVerification } from './view';

/** Crockford-like: no 0/O, 1/I, so a token survives being read aloud or retyped. */
const LINK_SYMBOLS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const TOKEN_LENGTH = 12; // 60 bits
const TOKEN_PATTERN = new RegExp(`(?<![A-Za-z0-9])[${LINK_SYMBOLS}]{${TOKEN_LENGTH}}(?![A-Za-z0-9])`, 'g');

function newLinkToken(): string {
	let token = '';
	for (let i = 0; i < TOKEN_LENGTH; i++) token += LINK_SYMBOLS[randomInt(LINK_SYMBOLS.length)];
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
	for (const token of linkTokensIn(text)) {
		const view = await attemptVerification(
			context,
			linkVerificationId(context.secret, token),
			'link',
			(record) => record.waId === '' || record.waId === senderWaId,
			(record) => ({ ...record, waId: senderWaId }),
		);
		if (view === null) continue;
		return view.status === 'pending' ? { ...view, reason: 'The message came from another number than the expected one' } : view;
	}
	return { verification_id: '', status: 'not_found', to: senderWaId, reason: 'The message carries no pending verification token' };
}
