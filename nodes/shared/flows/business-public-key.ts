// The business public key of a phone number: Meta encrypts each Flow data-exchange request to it, and the Flow
// endpoint decrypts with the matching private key. Meta: whatsapp/cloud-api/reference/whatsapp-business-encryption
//   POST /{phone-number-id}/whatsapp_business_encryption  business_public_key (form field) → {success: true}
//   GET  /{phone-number-id}/whatsapp_business_encryption  → {data: [{business_public_key,
//        business_public_key_signature_status: VALID | MISMATCH}]}
// MISMATCH: the key's signature no longer matches the number (after re-registration or migration): upload again.
import type { GraphClient } from '../graph/graph-client';

export interface BusinessPublicKey {
	/** null before any upload. */
	publicKeyPem: string | null;
	/** VALID or MISMATCH as Meta reports it; null before any upload. */
	signatureStatus: string | null;
}

export async function uploadBusinessPublicKey(client: GraphClient, phoneNumberId: string, publicKeyPem: string): Promise<void> {
	await client.request({
		method: 'POST',
		path: `${phoneNumberId}/whatsapp_business_encryption`,
		body: { kind: 'form', fields: { business_public_key: publicKeyPem } },
		kind: 'write',
	});
}

export async function getBusinessPublicKey(client: GraphClient, phoneNumberId: string): Promise<BusinessPublicKey> {
	const answer = await client.request<{ data?: Array<{ business_public_key?: string; business_public_key_signature_status?: string }> }>({
		method: 'GET',
		path: `${phoneNumberId}/whatsapp_business_encryption`,
	});
	const entry = answer?.data?.[0];
	const status = entry?.business_public_key_signature_status;
	return {
		publicKeyPem: typeof entry?.business_public_key === 'string' ? entry.business_public_key : null,
		signatureStatus: typeof status === 'string' ? status : null,
	};
}
