import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { parseFlowPublicKey, publicKeyFingerprint, spkiPem } from '../../../shared/crypto/public-key';
import { getBusinessPublicKey, uploadBusinessPublicKey } from '../../../shared/flows/business-public-key';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { optionalPrivateKeyCredential, PHONE_NUMBER_PROPERTY, phoneNumberIdFor } from './key-credential';

/** Meta: cloud-api/reference/whatsapp-business-encryption (POST business_public_key). */
export const uploadKeyOperation: OperationModule = {
	name: 'Upload Public Key',
	action: 'Upload the flow public key of a phone number',
	description: showFor('encryptionKey', 'upload', [
		{
			displayName: 'Public Key Source',
			name: 'publicKeySource',
			type: 'options',
			options: [
				{
					name: 'Private Key Credential',
					value: 'credential',
					description: 'The public half of the selected Flow Endpoint Private Key credential',
				},
				{ name: 'PEM Text', value: 'pem', description: 'A public key PEM, e.g. publicKeyPem from Generate Key Pair' },
			],
			default: 'credential',
		},
		{
			displayName: 'Public Key (PEM)',
			name: 'publicKeyPem',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			required: true,
			placeholder: '-----BEGIN PUBLIC KEY-----',
			displayOptions: { show: { publicKeySource: ['pem'] } },
		},
		PHONE_NUMBER_PROPERTY,
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const source = this.getNodeParameter('publicKeySource', itemIndex, 'credential') as string;
		let publicKeyPem: string;
		if (source === 'pem') {
			publicKeyPem = spkiPem(parseFlowPublicKey(this.getNodeParameter('publicKeyPem', itemIndex, '') as string));
		} else {
			const credential = await optionalPrivateKeyCredential(this, itemIndex);
			if (!credential) {
				throw new NodeOperationError(this.getNode(), 'Public Key Source "Private Key Credential": select a Flow Endpoint Private Key credential', { itemIndex });
			}
			publicKeyPem = credential.publicKeyPem;
		}
		const { client, credential } = await graphClientFor(this);
		const phoneNumberId = phoneNumberIdFor(this, itemIndex, credential);
		await uploadBusinessPublicKey(client, phoneNumberId, publicKeyPem);
		const stored = await getBusinessPublicKey(client, phoneNumberId);
		return {
			phoneNumberId,
			uploaded: true,
			fingerprint: publicKeyFingerprint(parseFlowPublicKey(publicKeyPem)),
			signatureStatus: stored.signatureStatus,
		};
	},
};
