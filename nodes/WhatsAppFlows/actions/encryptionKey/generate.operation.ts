import type { IExecuteFunctions } from 'n8n-workflow';
import { parseFlowPublicKey, publicKeyFingerprint } from '../../../shared/crypto/public-key';
import { showFor, type OperationModule } from '../types';
import { generateKeyPair, KEY_PASSPHRASE_PROPERTY } from './key-credential';

/**
 * A new RSA-2048 key pair for a Flow endpoint (Meta: flows/guides/implementingyourflowendpoint). Nothing is sent to
 * Meta: upload the public key with "Upload Public Key", and put the private key into a Flow Endpoint Private Key
 * credential. The private key is in this execution's output: delete the execution (or do not save it) afterwards.
 */
export const generateKeyOperation: OperationModule = {
	name: 'Generate Key Pair',
	action: 'Generate a flow endpoint key pair',
	description: showFor('encryptionKey', 'generate', [KEY_PASSPHRASE_PROPERTY]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const pair = await generateKeyPair(this, itemIndex);
		return {
			privateKeyPem: pair.privateKeyPem,
			...(pair.passphrase ? { passphrase: pair.passphrase } : {}),
			encrypted: this.getNodeParameter('passphrase', itemIndex, 'none') !== 'none',
			publicKeyPem: pair.publicKeyPem,
			fingerprint: publicKeyFingerprint(parseFlowPublicKey(pair.publicKeyPem)),
			nextSteps:
				'1. Put privateKeyPem (and the passphrase, if any) into a "WhatsApp Flow Endpoint Private Key" credential. ' +
				'2. Upload publicKeyPem with Encryption Key → Upload Public Key. ' +
				'3. This output holds the private key: delete this execution afterwards.',
		};
	},
};
