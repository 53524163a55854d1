import type { IExecuteFunctions } from 'n8n-workflow';
import { parseFlowPublicKey, publicKeyFingerprint } from '../../../shared/crypto/public-key';
import { getBusinessPublicKey, uploadBusinessPublicKey } from '../../../shared/flows/business-public-key';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { generateKeyPair, KEY_PASSPHRASE_PROPERTY, PHONE_NUMBER_PROPERTY, phoneNumberIdFor } from './key-credential';

/**
 * Generate + upload in one step. From the upload on, Meta encrypts every Flow request to the new key, so the
 * endpoint's private key credential must be replaced at once (until then it answers 421 and users see an error).
 */
export const rotateKeyOperation: OperationModule = {
	name: 'Rotate',
	action: 'Generate and upload a new flow key pair',
	description: showFor('encryptionKey', 'rotate', [
		{
			displayName:
				'From the moment this runs, Meta encrypts Flow requests to the new key: update the private key credential of your WhatsApp Flow Endpoint at once',
			name: 'rotateNotice',
			type: 'notice',
			default: '',
		},
		KEY_PASSPHRASE_PROPERTY,
		PHONE_NUMBER_PROPERTY,
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { client, credential } = await graphClientFor(this);
		const phoneNumberId = phoneNumberIdFor(this, itemIndex, credential);
		const previous = await getBusinessPublicKey(client, phoneNumberId);
		const pair = await generateKeyPair(this, itemIndex);
		await uploadBusinessPublicKey(client, phoneNumberId, pair.publicKeyPem);
		const stored = await getBusinessPublicKey(client, phoneNumberId);
		let previousFingerprint: string | null = null;
		try {
			previousFingerprint = previous.publicKeyPem === null ? null : publicKeyFingerprint(parseFlowPublicKey(previous.publicKeyPem));
		} catch {
			previousFingerprint = null;
		}
		return {
			phoneNumberId,
			rotated: true,
			actionRequired:
				'Meta now encrypts every Flow request for this number to the NEW public key. Replace the private key in the ' +
				'"WhatsApp Flow Endpoint Private Key" credential of your WhatsApp Flow Endpoint trigger and Respond to WhatsApp Flow ' +
				'nodes with privateKeyPem NOW: until you do, the endpoint cannot decrypt requests (HTTP 421) and users see an error. ' +
				'Then delete this execution: it holds the private key.',
			privateKeyPem: pair.privateKeyPem,
			...(pair.passphrase ? { passphrase: pair.passphrase } : {}),
			publicKeyPem: pair.publicKeyPem,
			fingerprint: publicKeyFingerprint(parseFlowPublicKey(pair.publicKeyPem)),
			previousFingerprint,
			signatureStatus: stored.signatureStatus,
		};
	},
};
