import type { IExecuteFunctions } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { checkedPrefilledMessage, codeField, prefilledMessageField, qrCodeId, type MetaQrCode } from './meta-qr';

export const updateMetaQr: OperationModule = {
	name: 'Update Meta QR Code',
	action: 'Change the prefilled message of a QR code hosted by Meta',
	description: showFor('chatLink', 'updateMetaQr', [codeField, prefilledMessageField(true)]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const code = qrCodeId(this.getNodeParameter('code', itemIndex));
		const message = checkedPrefilledMessage(this.getNodeParameter('prefilledMessage', itemIndex) as string);
		const { client, credential } = await graphClientFor(this);
		// Postman "Update Message QR Code.": the same edge with the code; the link and printed codes stay valid.
		return await client.request<MetaQrCode>({
			method: 'POST',
			path: `${credential.phoneNumberId}/message_qrdls`,
			body: { kind: 'json', value: { code, prefilled_message: message } },
			kind: 'write',
		});
	},
};
