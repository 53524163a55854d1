import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

export const MIN_SECRET_LENGTH = 16;

/** The OTP secret is checked locally: long enough to key an HMAC that cannot be guessed. */
export async function testOtpSecret(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const secret = String(credential.data?.secret ?? '');
	if (secret.length < MIN_SECRET_LENGTH) return { status: 'Error', message: `The HMAC Secret must be at least ${MIN_SECRET_LENGTH} characters long` };
	return { status: 'OK', message: 'The HMAC Secret is long enough' };
}
