import type { IExecuteFunctions } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { checkedPrefilledMessage, imageFields, prefilledMessageField, withImage, type MetaQrCode } from './meta-qr';

export const createMetaQr: OperationModule = {
	name: 'Create Meta QR Code',
	action: 'Create a QR code and short link hosted by Meta',
	description: showFor('chatLink', 'createMetaQr', [prefilledMessageField(true), ...imageFields]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const message = checkedPrefilledMessage(this.getNodeParameter('prefilledMessage', itemIndex) as string);
		const format = this.getNodeParameter('imageFormat', itemIndex, 'none') as string;
		const { client, credential } = await graphClientFor(this);
		const qr = await client.request<MetaQrCode>({
			method: 'POST',
			path: `${credential.phoneNumberId}/message_qrdls`,
			body: { kind: 'json', value: { prefilled_message: message, ...(format === 'none' ? {} : { generate_qr_image: format }) } },
			kind: 'write',
		});
		return await withImage(this, itemIndex, qr);
	},
};
