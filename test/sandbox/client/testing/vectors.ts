// Test support: Meta's known-answer vectors (test/fixtures/meta/flow-crypto-vectors.json) and their keys in a form
// WebCrypto imports. WebCrypto reads neither PKCS#1 nor passphrase-protected PEM, so the test converts the private
// keys to plain PKCS#8 DER with node:crypto — a key-format step only; every RSA / AES operation stays WebCrypto.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CryptoVector {
	requestBody: string;
	signatureHeader: string;
	decrypted: { [key: string]: unknown };
	responseJson: string;
	encryptedResponse: string;
}

export interface VectorSet {
	keyFormat: string;
	privateKeyPem: string;
	passphrase?: string;
	publicKeyPem: string;
	appSecret: string;
	vectors: CryptoVector[];
}

export const META_FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'meta');

export function loadVectorSets(): VectorSet[] {
	const file = JSON.parse(readFileSync(join(META_FIXTURES, 'flow-crypto-vectors.json'), 'utf8')) as { sets: VectorSet[] };
	return file.sets;
}

export function pkcs8Der(set: Pick<VectorSet, 'privateKeyPem' | 'passphrase'>): Uint8Array {
	const key = createPrivateKey({ key: set.privateKeyPem, passphrase: set.passphrase });
	return new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
}

export function loadMetaExample(name: string): string {
	return readFileSync(join(META_FIXTURES, 'flow-json-examples', name), 'utf8');
}

export function loadClientFixture(name: string): string {
	return readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
}
