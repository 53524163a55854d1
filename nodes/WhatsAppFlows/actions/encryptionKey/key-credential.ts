import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { randomBytes, type KeyObject } from 'node:crypto';
import type { CloudApiCredential } from '../../../shared/n8n/graph-context';
import { describeFlowPrivateKey, generateFlowKeyPair, getFlowPrivateKey, type FlowKeyPair } from '../../../shared/crypto/private-key';

export const PRIVATE_KEY_CREDENTIAL = 'whatsAppFlowsPrivateKeyApi';

/** The phone number whose key is read or set: the parameter, or the Cloud API credential's number when empty. */
export const PHONE_NUMBER_PROPERTY: INodeProperties = {
	displayName: 'Phone Number ID',
	name: 'phoneNumberId',
	type: 'string',
	default: '',
	placeholder: 'Leave empty for the credential\'s number',
	description: 'Meta keeps one Flow public key per business phone number',
};

/** The phoneNumberId parameter, or the Cloud API credential's number when it is empty. */
export function phoneNumberIdFor(context: IExecuteFunctions, itemIndex: number, credential: CloudApiCredential): string {
	return (context.getNodeParameter('phoneNumberId', itemIndex, '') as string).trim() || credential.phoneNumberId;
}

/** How a generated private key is protected (a passphrase is a secret, so it never comes from a node parameter). */
export const KEY_PASSPHRASE_PROPERTY: INodeProperties = {
	displayName: 'Private Key Passphrase',
	name: 'passphrase',
	type: 'options',
	options: [
		{ name: 'None', value: 'none', description: 'Plain PKCS#8 PEM' },
		{
			name: 'Random',
			value: 'random',
			description: 'Encrypted with a new random passphrase, output next to the key: put both into the credential',
		},
		{
			name: 'From Private Key Credential',
			value: 'credential',
			description: 'Encrypted with the passphrase of the selected Flow Endpoint Private Key credential: only the PEM text changes there',
		},
	],
	default: 'none',
};

export interface PrivateKeyCredential {
	key: KeyObject;
	passphrase: string | undefined;
	publicKeyPem: string;
	fingerprint: string;
}

/** The selected Flow Endpoint Private Key credential, parsed; undefined when none is selected. */
export async function optionalPrivateKeyCredential(context: IExecuteFunctions, itemIndex: number): Promise<PrivateKeyCredential | undefined> {
	if (!context.getNode().credentials?.[PRIVATE_KEY_CREDENTIAL]) return undefined;
	const data = await context.getCredentials(PRIVATE_KEY_CREDENTIAL, itemIndex);
	const pem = String(data.privateKey ?? '');
	const passphrase = String(data.passphrase ?? '') || undefined;
	const described = describeFlowPrivateKey(pem, passphrase);
	if (!described.ok) throw new NodeOperationError(context.getNode(), `Flow Endpoint Private Key credential: ${described.message}`, { itemIndex });
	return { key: getFlowPrivateKey(pem, passphrase), passphrase, publicKeyPem: described.publicKeyPem, fingerprint: described.fingerprint };
}

/** A new RSA-2048 pair with the chosen protection; `passphrase` is returned only when it was made here. */
export async function generateKeyPair(context: IExecuteFunctions, itemIndex: number): Promise<FlowKeyPair & { passphrase?: string }> {
	const mode = context.getNodeParameter('passphrase', itemIndex, 'none') as string;
	if (mode === 'random') {
		const passphrase = randomBytes(24).toString('base64url');
		return { ...generateFlowKeyPair(passphrase), passphrase };
	}
	if (mode === 'credential') {
		const credential = await optionalPrivateKeyCredential(context, itemIndex);
		if (!credential?.passphrase) {
			throw new NodeOperationError(
				context.getNode(),
				'Private Key Passphrase "From Private Key Credential": select a Flow Endpoint Private Key credential that has a passphrase',
				{ itemIndex },
			);
		}
		return generateFlowKeyPair(credential.passphrase);
	}
	return generateFlowKeyPair();
}
