import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { dataTableStoreFor, processStoreFor, type StateStoreKind } from '../shared/n8n/state-store';
import type { OtpContext } from '../shared/otp';
import { MIN_SECRET_LENGTH } from './credential-test';

export const OTP_CREDENTIAL = 'whatsAppOtpApi';

/** In-process verifications kept at most (one n8n process; the data-table store has no such bound). */
const PROCESS_STORE_MAX_RECORDS = 100_000;

/** The store, clock and secret of this node run. A store that cannot be reached fails the item: never approved. */
export async function otpContextFor(context: IExecuteFunctions): Promise<OtpContext> {
	const credential = await context.getCredentials(OTP_CREDENTIAL);
	const secret = String(credential.secret ?? '');
	if (secret.length < MIN_SECRET_LENGTH) {
		throw new NodeOperationError(context.getNode(), `The WhatsApp OTP Secret credential's HMAC Secret must be at least ${MIN_SECRET_LENGTH} characters long`);
	}
	const kind = context.getNodeParameter('stateStore', 0, 'dataTable') as StateStoreKind;
	const store = kind === 'process' ? processStoreFor('otp', PROCESS_STORE_MAX_RECORDS) : await dataTableStoreFor(context);
	return { store, now: () => Date.now(), secret };
}
