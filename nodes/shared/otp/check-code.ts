import { attemptVerification } from './attempt';
import { codeHash, hashesEqual } from './code';
import type { OtpContext } from './send-code';
import type { VerificationView } from './types';

/**
 * Checks a code against a verification (see `attemptVerification` for the statuses): the submitted code is reduced
 * to its HMAC and compared with the stored one in constant time.
 */
export async function checkCode(context: OtpContext, verificationId: string, code: string): Promise<VerificationView> {
	const submitted = codeHash(context.secret, verificationId, code);
	const view = await attemptVerification(context, verificationId, 'code', (record) => hashesEqual(record.codeHash, submitted));
	return view ?? { verification_id: verificationId, status: 'not_found' };
}
