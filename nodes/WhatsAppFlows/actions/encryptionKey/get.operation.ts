import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { parseFlowPublicKey, publicKeyFingerprint } from '../../../shared/crypto/public-key';
import { getBusinessPublicKey } from '../../../shared/flows/business-public-key';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { optionalPrivateKeyCredential, PHONE_NUMBER_PROPERTY, phoneNumberIdFor } from './key-credential';

function fingerprintOf(pem: string | null): string | null {
	if (pem === null) return null;
	try {
		return publicKeyFingerprint(parseFlowPublicKey(pem));
	} catch {
		return null;
	}
}

/**
 * The key Meta holds for a phone number and its signature status (Meta: cloud-api/reference/whatsapp-business-
 * encryption): VALID, or MISMATCH after a re-registration or migration. With a Flow Endpoint Private Key credential
 * selected, it also says whether the endpoint's key is the one Meta encrypts to — the cause of HTTP 421 otherwise.
 */
export const getKeyOperation: OperationModule = {
	name: 'Get Status',
	action: 'Get the flow public key status of a phone number',
	description: showFor('encryptionKey', 'get', [PHONE_NUMBER_PROPERTY]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { client, credential } = await graphClientFor(this);
		const phoneNumberId = phoneNumberIdFor(this, itemIndex, credential);
		const stored = await getBusinessPublicKey(client, phoneNumberId);
		const fingerprint = fingerprintOf(stored.publicKeyPem);
		const endpointKey = await optionalPrivateKeyCredential(this, itemIndex);
		const matches = endpointKey === undefined || fingerprint === null ? null : endpointKey.fingerprint === fingerprint;
		const problems: string[] = [];
		if (stored.publicKeyPem === null) problems.push('No public key is uploaded for this phone number: Flows with an endpoint cannot be published or sent.');
		if (stored.signatureStatus === 'MISMATCH') problems.push('Meta reports MISMATCH: upload the public key again (the number was re-registered or migrated).');
		if (matches === false) {
			problems.push('The key Meta holds is not the public half of the selected private key credential: the endpoint cannot decrypt requests (HTTP 421). Upload the credential\'s public key.');
		}
		const output: IDataObject = {
			phoneNumberId,
			uploaded: stored.publicKeyPem !== null,
			signatureStatus: stored.signatureStatus,
			publicKeyPem: stored.publicKeyPem,
			fingerprint,
			matchesPrivateKeyCredential: matches,
			ok: problems.length === 0,
			problems,
		};
		return output;
	},
};
