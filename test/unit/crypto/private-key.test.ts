import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
	describeFlowPrivateKey,
	FlowPrivateKeyCache,
	FlowPrivateKeyError,
	generateFlowKeyPair,
	getFlowPrivateKey,
	parseFlowPrivateKey,
	type FlowPrivateKeyErrorCode,
} from '../../../nodes/shared/crypto/private-key';
import { keySet, metaKeySets } from './meta-vectors';

const pkcs1 = keySet('pkcs1-des3');
const pkcs8Encrypted = keySet('pkcs8-aes');
const pkcs8Plain = keySet('pkcs8-plain');

function spkiPem(pem: string, passphrase?: string): string {
	return createPublicKey(parseFlowPrivateKey(pem, passphrase)).export({ type: 'spki', format: 'pem' }).toString();
}

function errorOf(action: () => unknown): FlowPrivateKeyError {
	try {
		action();
	} catch (error) {
		if (error instanceof FlowPrivateKeyError) return error;
		throw error;
	}
	throw new Error('expected a FlowPrivateKeyError');
}

function expectKeyError(action: () => unknown, code: FlowPrivateKeyErrorCode): FlowPrivateKeyError {
	const error = errorOf(action);
	expect(error.code).toBe(code);
	return error;
}

/** Every base64 line of a PEM, the material an error message must never echo. */
function keyMaterialLines(pem: string): string[] {
	return pem.split('\n').filter((line) => /^[A-Za-z0-9+/=]{16,}$/.test(line));
}

describe('parseFlowPrivateKey', () => {
	it.each(metaKeySets.map((set) => [set.keyFormat, set] as const))(
		'reads the %s key of the vectors and yields its published public key',
		(_format, set) => {
			const key = parseFlowPrivateKey(set.privateKeyPem, set.passphrase);
			expect(key.type).toBe('private');
			expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
			expect(spkiPem(set.privateKeyPem, set.passphrase)).toBe(set.publicKeyPem);
		},
	);

	it('reads Meta’s PKCS#1 DES3 PEM when the credential field mangled it', () => {
		const pem = pkcs1.privateKeyPem;
		const mangled = [
			pem.replace(/\n/g, '\\n'),
			pem.replace(/\n/g, '\r\n'),
			pem.replace(/\n/g, '\\r\\n'),
			`\n\n   ${pem}   \n`,
			`"${pem.replace(/\n/g, '\\n')}"`,
			pem.replace(/\n/g, ' '),
			pem.trimEnd(),
		];
		for (const text of mangled) {
			expect(spkiPem(text, pkcs1.passphrase)).toBe(pkcs1.publicKeyPem);
		}
	});

	it('reads mangled PKCS#8 keys, plain and encrypted', () => {
		expect(spkiPem(pkcs8Plain.privateKeyPem.replace(/\n/g, '\\n'))).toBe(pkcs8Plain.publicKeyPem);
		expect(spkiPem(pkcs8Encrypted.privateKeyPem.replace(/\n/g, ' '), pkcs8Encrypted.passphrase)).toBe(
			pkcs8Encrypted.publicKeyPem,
		);
	});

	it('picks the private key when a public key was pasted along with it', () => {
		expect(spkiPem(`${pkcs8Plain.publicKeyPem}\n${pkcs8Plain.privateKeyPem}`)).toBe(pkcs8Plain.publicKeyPem);
	});

	it('treats an empty passphrase as none, for plain keys and encrypted ones', () => {
		expect(spkiPem(pkcs8Plain.privateKeyPem, '')).toBe(pkcs8Plain.publicKeyPem);
		expectKeyError(() => parseFlowPrivateKey(pkcs1.privateKeyPem, ''), 'passphrase_required');
	});

	it.each([pkcs1, pkcs8Encrypted].map((set) => [set.keyFormat, set] as const))(
		'asks for the passphrase of an encrypted %s key, and rejects a wrong one',
		(_format, set) => {
			expect(expectKeyError(() => parseFlowPrivateKey(set.privateKeyPem), 'passphrase_required').message).toMatch(
				/encrypted: enter its passphrase/,
			);
			const wrong = expectKeyError(() => parseFlowPrivateKey(set.privateKeyPem, 'not-the-passphrase'), 'wrong_passphrase');
			expect(wrong.message).toMatch(/wrong passphrase/);
			expect(wrong.message).not.toContain('not-the-passphrase');
		},
	);

	it('refuses text that is not a PEM', () => {
		for (const text of ['', 'hello', pkcs8Plain.privateKeyPem.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '')]) {
			expect(expectKeyError(() => parseFlowPrivateKey(text), 'not_pem').message).toMatch(/not a PEM private key/);
		}
		expectKeyError(() => parseFlowPrivateKey(undefined as unknown as string), 'not_pem');
	});

	it('refuses a public key or certificate, saying which half is needed', () => {
		expectKeyError(() => parseFlowPrivateKey(pkcs1.publicKeyPem), 'not_private_key');
		const certificate = '-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOC\n-----END CERTIFICATE-----\n';
		expect(expectKeyError(() => parseFlowPrivateKey(certificate), 'not_private_key').message).toMatch(/paste the private key/);
	});

	it('refuses a damaged key body', () => {
		const lines = pkcs8Plain.privateKeyPem.split('\n');
		const truncated = [...lines.slice(0, 5), ...lines.slice(-2)].join('\n');
		expectKeyError(() => parseFlowPrivateKey(truncated), 'unreadable');
	});

	it('refuses keys that are not RSA, in PKCS#8 and in SEC1 form', () => {
		const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
		expectKeyError(() => parseFlowPrivateKey(ec.export({ type: 'pkcs8', format: 'pem' }).toString()), 'not_rsa');
		expectKeyError(() => parseFlowPrivateKey(ec.export({ type: 'sec1', format: 'pem' }).toString()), 'not_rsa');
		const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		expect(expectKeyError(() => parseFlowPrivateKey(ed25519), 'not_rsa').message).toMatch(/needs an RSA key/);
		const pss = generateKeyPairSync('rsa-pss', { modulusLength: 1024 }).privateKey;
		expectKeyError(() => parseFlowPrivateKey(pss.export({ type: 'pkcs8', format: 'pem' }).toString()), 'not_rsa');
	});

	it('refuses RSA keys that are not 2048 bits, as Meta requires', () => {
		const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
		const error = expectKeyError(
			() => parseFlowPrivateKey(small.export({ type: 'pkcs1', format: 'pem' }).toString()),
			'wrong_key_size',
		);
		expect(error.message).toBe('WhatsApp Flows needs an RSA-2048 key; this key has 1024 bits');
	});

	it('never puts key material or the passphrase in an error message', () => {
		const failures = [
			errorOf(() => parseFlowPrivateKey(pkcs1.privateKeyPem, 'wrong-secret-phrase')),
			errorOf(() => parseFlowPrivateKey(pkcs1.privateKeyPem)),
			errorOf(() => parseFlowPrivateKey(pkcs1.publicKeyPem)),
			errorOf(() => parseFlowPrivateKey(pkcs8Plain.privateKeyPem.slice(0, 400) + '\n-----END PRIVATE KEY-----')),
		];
		const secrets = [pkcs1.passphrase, 'wrong-secret-phrase', ...keyMaterialLines(pkcs1.privateKeyPem), ...keyMaterialLines(pkcs8Plain.privateKeyPem)];
		for (const failure of failures) {
			for (const secret of secrets) {
				expect(failure.message).not.toContain(secret);
				expect(String(failure.stack)).not.toContain(secret);
			}
			expect(failure.cause).toBeUndefined();
		}
	});
});

describe('describeFlowPrivateKey', () => {
	it('gives the SPKI PEM to upload to Meta and its SHA-256 fingerprint', () => {
		const description = describeFlowPrivateKey(pkcs1.privateKeyPem, pkcs1.passphrase);
		expect(description).toEqual({
			ok: true,
			modulusBits: 2048,
			publicKeyPem: pkcs1.publicKeyPem,
			fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		const der = createPublicKey(pkcs1.publicKeyPem).export({ type: 'spki', format: 'der' });
		expect(description.ok && description.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
	});

	it('reports why a key is unusable instead of throwing', () => {
		expect(describeFlowPrivateKey(pkcs1.privateKeyPem, 'nope')).toEqual({
			ok: false,
			message: 'The private key could not be decrypted: wrong passphrase or damaged key',
		});
		expect(describeFlowPrivateKey('garbage')).toEqual({ ok: false, message: expect.stringMatching(/not a PEM/) });
	});
});

describe('getFlowPrivateKey and FlowPrivateKeyCache', () => {
	it('parses a (pem, passphrase) pair once and then returns the same key', () => {
		const first = getFlowPrivateKey(pkcs1.privateKeyPem, pkcs1.passphrase);
		expect(getFlowPrivateKey(pkcs1.privateKeyPem, pkcs1.passphrase)).toBe(first);
		expect(getFlowPrivateKey(pkcs8Plain.privateKeyPem)).not.toBe(first);
	});

	it('does not cache failures: a corrected passphrase works afterwards', () => {
		const cache = new FlowPrivateKeyCache(4);
		expect(() => cache.get(pkcs8Encrypted.privateKeyPem, 'wrong')).toThrow(FlowPrivateKeyError);
		expect(cache.size).toBe(0);
		expect(cache.get(pkcs8Encrypted.privateKeyPem, pkcs8Encrypted.passphrase).type).toBe('private');
	});

	it('holds at most its capacity, evicting the least recently used entry', () => {
		const cache = new FlowPrivateKeyCache(3);
		// Distinct strings for the same key: trailing spaces make distinct cache entries cheaply.
		const pems = [0, 1, 2, 3].map((n) => pkcs8Plain.privateKeyPem + ' '.repeat(n));
		const keys = pems.slice(0, 3).map((pem) => cache.get(pem));
		expect(cache.get(pems[0])).toBe(keys[0]); // pems[0] becomes the most recent
		cache.get(pems[3]); // evicts pems[1], the least recent
		expect(cache.size).toBe(3);
		expect(cache.get(pems[0])).toBe(keys[0]);
		expect(cache.get(pems[2])).toBe(keys[2]);
		expect(cache.get(pems[1])).not.toBe(keys[1]);
	});

	it('keys entries by a digest, never by the PEM or passphrase in clear', () => {
		const cache = new FlowPrivateKeyCache(2);
		cache.get(pkcs1.privateKeyPem, pkcs1.passphrase);
		const ids = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
		expect(ids).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
	});
});

describe('generateFlowKeyPair', () => {
	it('makes an RSA-2048 pair whose PKCS#8 private key is AES-256 encrypted under the passphrase', () => {
		const pair = generateFlowKeyPair('a passphrase');
		expect(pair.privateKeyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
		expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
		expectKeyError(() => parseFlowPrivateKey(pair.privateKeyPem), 'passphrase_required');
		expect(describeFlowPrivateKey(pair.privateKeyPem, 'a passphrase')).toMatchObject({
			ok: true,
			modulusBits: 2048,
			publicKeyPem: pair.publicKeyPem,
		});
	});

	it('makes a plain PKCS#8 key without a passphrase', () => {
		const pair = generateFlowKeyPair();
		expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
		expect(spkiPem(pair.privateKeyPem)).toBe(pair.publicKeyPem);
	});
});
