import type { IExecuteFunctions } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { codeField, qrCodeId } from './meta-qr';

export const deleteMetaQr: OperationModule = {
	name: 'Delete Meta QR Code',
	action: 'Delete a QR code hosted by Meta',
	description: showFor('chatLink', 'deleteMetaQr', [codeField]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const code = qrCodeId(this.getNodeParameter('code', itemIndex));
		const { client, credential } = await graphClientFor(this);
		const answer = await client.request<{ success?: boolean }>({ method: 'DELETE', path: `${credential.phoneNumberId}/message_qrdls/${code}` });
		return { deleted: answer.success === true, code };
	},
};
