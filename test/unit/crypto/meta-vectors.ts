import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Known-answer vectors built with Meta's reference functions (see the file's "about").
export interface MetaFlowVector {
	requestBody: string;
	signatureHeader: string;
	decrypted: Record<string, unknown>;
	responseJson: string;
	encryptedResponse: string;
}

export interface MetaKeySet {
	keyFormat: 'pkcs1-des3' | 'pkcs8-aes' | 'pkcs8-plain';
	privateKeyPem: string;
	passphrase: string;
	publicKeyPem: string;
	appSecret: string;
	vectors: MetaFlowVector[];
}

const file = join(__dirname, '..', '..', 'fixtures', 'meta', 'flow-crypto-vectors.json');

export const metaKeySets: MetaKeySet[] = (JSON.parse(readFileSync(file, 'utf8')) as { sets: MetaKeySet[] }).sets;

export function keySet(format: MetaKeySet['keyFormat']): MetaKeySet {
	const set = metaKeySets.find((candidate) => candidate.keyFormat === format);
	if (set === undefined) throw new Error(`No vector set ${format}`);
	return set;
}
