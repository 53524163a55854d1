import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { FLOW_KEY_MODULUS_BITS } from './private-key';

// The public half of a Flow endpoint key, as uploaded to Meta (cloud-api/reference/whatsapp-business-encryption:
// business_public_key, a 2048-bit RSA public key in PEM). Two PEM texts of the same key compare equal by the
// SHA-256 of their SPKI DER.

/** Reads an RSA-2048 public key from PEM (SPKI "PUBLIC KEY" or PKCS#1 "RSA PUBLIC KEY"); throws a plain message. */
export function parseFlowPublicKey(pem: string): KeyObject {
	let key: KeyObject | undefined;
	try {
		key = createPublicKey({ key: pem, format: 'pem' });
	} catch {
		key = undefined;
	}
	if (key === undefined) {
		throw new Error('This is not a PEM public key: paste the whole text from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----');
	}
	if (key.asymmetricKeyType !== 'rsa' || key.asymmetricKeyDetails?.modulusLength !== FLOW_KEY_MODULUS_BITS) {
		throw new Error(`WhatsApp Flows needs an RSA-${FLOW_KEY_MODULUS_BITS} public key`);
	}
	return key;
}

/** The key as Meta's upload takes it: SPKI PEM. */
export function spkiPem(key: KeyObject): string {
	return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** SHA-256 (hex) of the key's SPKI DER: the same for every PEM text of one key. */
export function publicKeyFingerprint(key: KeyObject): string {
	return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}
