import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_LENGTH = { min: 4, max: 10, default: 6 } as const;

/** A uniformly random numeric code of `length` digits (leading zeros allowed), from the OS's CSPRNG. */
export function generateNumericCode(length: number = CODE_LENGTH.default): string {
	if (!Number.isInteger(length) || length < CODE_LENGTH.min || length > CODE_LENGTH.max) {
		throw new RangeError(`Code Length must be a whole number from ${CODE_LENGTH.min} to ${CODE_LENGTH.max}, got ${length}`);
	}
	let code = '';
	for (let i = 0; i < length; i++) code += String(randomInt(10));
	return code;
}

/** An unguessable verification id: "otp_" and 128 random bits. */
export function newVerificationId(): string {
	return `otp_${randomBytes(16).toString('hex')}`;
}

/**
 * What is stored instead of the code: HMAC-SHA256 under the credential's secret, bound to the verification id so a
 * stored hash says nothing about another verification's code. Without the secret a leaked store cannot be brute-forced.
 */
export function codeHash(secret: string, verificationId: string, code: string): string {
	if (secret.length < 16) throw new RangeError('The OTP secret must be at least 16 characters long');
	return createHmac('sha256', secret).update(`whatsapp-otp\0${verificationId}\0${code.trim()}`).digest('base64url');
}

/** Whether two hashes made by `codeHash` are equal, in time independent of where they differ. */
export function hashesEqual(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}
