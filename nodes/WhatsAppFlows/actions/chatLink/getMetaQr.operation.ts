import type { IExecuteFunctions } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { codeField, imageFields, qrCodeId, withImage, type MetaQrCode } from './meta-qr';

export const getMetaQr: OperationModule = {
	name: 'Get Meta QR Code',
	action: 'Get a QR code hosted by Meta',
	description: showFor('chatLink', 'getMetaQr', [codeField, ...imageFields]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const code = qrCodeId(this.getNodeParameter('code', itemIndex));
		const format = this.getNodeParameter('imageFormat', itemIndex, 'none') as string;
		const { client, credential } = await graphClientFor(this);
		const fields = `code,prefilled_message,deep_link_url${format === 'none' ? '' : `,qr_image_url.format(${format})`}`;
		// Postman "Get QR code": the one code comes in a data array.
		const answer = await client.request<{ data?: MetaQrCode[] }>({ method: 'GET', path: `${credential.phoneNumberId}/message_qrdls/${code}`, query: { fields } });
		const qr = answer.data?.[0];
		if (!qr) throw new Error(`Meta has no QR code ${code} on this phone number.`);
		return await withImage(this, itemIndex, qr);
	},
};
