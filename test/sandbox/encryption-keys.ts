// Business public keys per phone number, as cloud-api/reference/whatsapp-business-encryption describes them: the
// business uploads a 2048-bit RSA public key (PEM) for each phone number; WhatsApp signs it, and reports
// business_public_key_signature_status VALID, or MISMATCH when the signed key no longer matches the number (after a
// re-registration or a migration the key must be uploaded again: flows/guides/implementingyourflowendpoint).
import { createPublicKey, type KeyObject } from 'node:crypto';

export type KeySignatureStatus = 'VALID' | 'MISMATCH';

export interface StoredPublicKey {
	/** The PEM as uploaded (GET answers it back). */
	pem: string;
	key: KeyObject;
	status: KeySignatureStatus;
	uploadedAt: string;
}

/** The reason a PEM is refused, or null when it is a 2048-bit RSA public key. */
export function publicKeyProblem(pem: string): string | null {
	let key: KeyObject;
	try {
		key = createPublicKey({ key: pem, format: 'pem' });
	} catch {
		return 'not a PEM-encoded public key';
	}
	if (key.asymmetricKeyType !== 'rsa') return `an ${String(key.asymmetricKeyType)} key, not RSA`;
	const bits = key.asymmetricKeyDetails?.modulusLength;
	// whatsapp-business-encryption: "the business must have generated a 2048-bit RSA Key".
	if (bits !== 2048) return `an RSA key of ${String(bits)} bits, not 2048`;
	return null;
}

/**
 * The key as SPKI PEM ("BEGIN PUBLIC KEY"), whatever PEM form was uploaded: the simulated client imports keys with
 * WebCrypto, which reads SPKI only (a format step; the client's RSA work stays WebCrypto).
 */
export function spkiPem(stored: StoredPublicKey): string {
	return stored.key.export({ type: 'spki', format: 'pem' }).toString();
}

export class EncryptionKeyStore {
	private readonly keys = new Map<string, StoredPublicKey>();

	/** Stores the key (already checked with `publicKeyProblem`) as VALID: WhatsApp signs it on upload. */
	set(phoneNumberId: string, pem: string): StoredPublicKey {
		const stored: StoredPublicKey = {
			pem,
			key: createPublicKey({ key: pem, format: 'pem' }),
			status: 'VALID',
			uploadedAt: new Date().toISOString(),
		};
		this.keys.set(phoneNumberId, stored);
		return stored;
	}

	get(phoneNumberId: string): StoredPublicKey | undefined {
		return this.keys.get(phoneNumberId);
	}

	/** Simulates a re-registration or migration: the signature no longer matches (MISMATCH) until a new upload. */
	setStatus(phoneNumberId: string, status: KeySignatureStatus): boolean {
		const stored = this.keys.get(phoneNumberId);
		if (!stored) return false;
		stored.status = status;
		return true;
	}

	delete(phoneNumberId: string): void {
		this.keys.delete(phoneNumberId);
	}

	clear(): void {
		this.keys.clear();
	}
}
