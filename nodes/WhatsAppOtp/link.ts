import type { IExecuteFunctions } from 'n8n-workflow';
import { phoneNumberForLink, waMeLink } from '../shared/chat-link/wa-me';
import { normalizeWaId } from '../shared/messages/recipient';
import { graphClientFor } from '../shared/n8n/graph-context';
import { startLinkVerification, type OtpContext, type VerificationView } from '../shared/otp';
import { encodeQr, qrPng } from '../shared/qr';

export interface LinkOutput {
	json: VerificationView & { link: string; prefilled_text: string };
	qrPng?: Uint8Array;
}

/** The business number users write to, as wa.me wants it (GET /{phone-number-id}?fields=display_phone_number). */
export function businessNumberReader(context: IExecuteFunctions): () => Promise<string> {
	let number: Promise<string> | undefined;
	return async () => {
		number ??= graphClientFor(context).then(async ({ client, credential }) => {
			const node = await client.request<{ display_phone_number?: string }>({ method: 'GET', path: credential.phoneNumberId, query: { fields: 'display_phone_number' } });
			return phoneNumberForLink(node.display_phone_number ?? '');
		});
		return await number;
	};
}

/** A wa.me link to the business number whose prefilled message carries a one-time token (and its QR code). */
export async function createVerificationLink(context: IExecuteFunctions, otp: OtpContext, itemIndex: number, businessNumber: () => Promise<string>): Promise<LinkOutput> {
	const expected = String(context.getNodeParameter('expectedNumber', itemIndex, '') ?? '').trim();
	const prefix = String(context.getNodeParameter('prefilledText', itemIndex, '') ?? '').trim();
	const validityMs = (context.getNodeParameter('validitySeconds', itemIndex, 600) as number) * 1000;
	const maxAttempts = (context.getNodeParameter('limits.maxAttempts', itemIndex, 5) as number) || 5;
	const { token, view } = await startLinkVerification(otp, expected === '' ? undefined : normalizeWaId(expected, { field: 'Expected Number' }), { validityMs, maxAttempts });
	const text = prefix === '' ? token : `${prefix} ${token}`;
	const link = waMeLink(await businessNumber(), text);
	const withQr = context.getNodeParameter('qrCode', itemIndex, false) as boolean;
	return { json: { ...view, link, prefilled_text: text }, ...(withQr ? { qrPng: qrPng(encodeQr(link)) } : {}) };
}
