import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { extractPemBlock } from './pem-text';

// Meta: flows/guides/implementingyourflowendpoint — the endpoint holds an RSA-2048 private key whose
// public half is uploaded with cloud-api/reference/whatsapp-business-encryption. Meta's keyGenerator
// (WhatsApp/WhatsApp-Flows-Tools) writes PKCS#1 PEM encrypted with DES-EDE3-CBC; PKCS#8 is accepted too.
export const FLOW_KEY_MODULUS_BITS = 2048;

export type FlowPrivateKeyErrorCode =
	| 'not_pem'
	| 'not_private_key'
	| 'unsupported_format'
	| 'passphrase_required'
	| 'wrong_passphrase'
	| 'unreadable'
	| 'not_rsa'
	| 'wrong_key_size';

/** A private key that cannot be used. Messages never contain key material or the passphrase. */
export class FlowPrivateKeyError extends Error {
	constructor(
		readonly code: FlowPrivateKeyErrorCode,
		message: string,
	) {
		super(message);
		this.name = 'FlowPrivateKeyError';
	}
}

const PRIVATE_KEY_LABELS = new Set(['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY']);
const PUBLIC_LABELS = new Set(['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE']);

function checkLabel(label: string): void {
	if (PRIVATE_KEY_LABELS.has(label)) return;
	if (PUBLIC_LABELS.has(label)) {
		throw new FlowPrivateKeyError(
			'not_private_key',
			'This is a public key or certificate; paste the private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)',
		);
	}
	if (label === 'EC PRIVATE KEY' || label === 'DSA PRIVATE KEY') {
		throw new FlowPrivateKeyError('not_rsa', 'WhatsApp Flows needs an RSA key; this is not an RSA key');
	}
	throw new FlowPrivateKeyError(
		'unsupported_format',
		`Unsupported key format "${label}": use PKCS#1 (BEGIN RSA PRIVATE KEY) or PKCS#8 (BEGIN PRIVATE KEY)`,
	);
}

function readKey(pem: string, encrypted: boolean, passphrase: string | undefined): KeyObject {
	if (encrypted && passphrase === undefined) {
		throw new FlowPrivateKeyError('passphrase_required', 'The private key is encrypted: enter its passphrase');
	}
	let key: KeyObject | undefined;
	try {
		key = createPrivateKey(encrypted ? { key: pem, format: 'pem', passphrase } : { key: pem, format: 'pem' });
	} catch {
		// OpenSSL's own error is dropped on purpose: only our fixed messages leave this module.
		key = undefined;
	}
	if (key !== undefined) return key;
	if (encrypted) {
		throw new FlowPrivateKeyError('wrong_passphrase', 'The private key could not be decrypted: wrong passphrase or damaged key');
	}
	throw new FlowPrivateKeyError('unreadable', 'The private key could not be read: the PEM text is damaged or incomplete');
}

function checkRsa2048(key: KeyObject): void {
	if (key.asymmetricKeyType !== 'rsa') {
		throw new FlowPrivateKeyError('not_rsa', 'WhatsApp Flows needs an RSA key; this is not an RSA key');
	}
	const bits = key.asymmetricKeyDetails?.modulusLength;
	if (bits !== FLOW_KEY_MODULUS_BITS) {
		throw new FlowPrivateKeyError(
			'wrong_key_size',
			`WhatsApp Flows needs an RSA-${FLOW_KEY_MODULUS_BITS} key; this key has ${bits ?? 'an unknown number of'} bits`,
		);
	}
}

function emptyToUndefined(passphrase: string | undefined): string | undefined {
	return passphrase === undefined || passphrase === '' ? undefined : passphrase;
}

/**
 * Parses the Flow endpoint's private key: PKCS#1 (plain or "Proc-Type: 4,ENCRYPTED", as Meta's
 * keyGenerator writes) or PKCS#8 (plain or encrypted). An empty passphrase counts as none.
 */
export function parseFlowPrivateKey(pem: string, passphrase?: string): KeyObject {
	const block = typeof pem === 'string' ? extractPemBlock(pem) : undefined;
	if (block === undefined) {
		throw new FlowPrivateKeyError(
			'not_pem',
			'This is not a PEM private key: paste the whole text from -----BEGIN to -----END',
		);
	}
	checkLabel(block.label);
	const key = readKey(block.pem, block.encrypted, emptyToUndefined(passphrase));
	checkRsa2048(key);
	return key;
}

export type FlowPrivateKeyDescription =
	| { ok: true; modulusBits: number; publicKeyPem: string; fingerprint: string }
	| { ok: false; message: string };

/** Public facts about a private key, for a credential test: the SPKI PEM to upload and its SHA-256 fingerprint. */
export function describeFlowPrivateKey(pem: string, passphrase?: string): FlowPrivateKeyDescription {
	let key: KeyObject;
	try {
		key = parseFlowPrivateKey(pem, passphrase);
	} catch (error) {
		if (error instanceof FlowPrivateKeyError) return { ok: false, message: error.message };
		return { ok: false, message: 'The private key could not be read' };
	}
	const publicKey = createPublicKey(key);
	return {
		ok: true,
		modulusBits: key.asymmetricKeyDetails?.modulusLength ?? 0,
		publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
		fingerprint: createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex'),
	};
}

/**
 * A bounded, least-recently-used cache of parsed keys. Entries are keyed by a SHA-256 over the PEM and the
 * passphrase, so neither is kept as a map key in clear (the parsed key itself is, necessarily, in memory).
 */
export class FlowPrivateKeyCache {
	private readonly entries = new Map<string, KeyObject>();

	constructor(readonly capacity = 32) {}

	get size(): number {
		return this.entries.size;
	}

	get(pem: string, passphrase?: string): KeyObject {
		const id = cacheId(pem, emptyToUndefined(passphrase));
		const cached = this.entries.get(id);
		if (cached !== undefined) {
			this.entries.delete(id);
			this.entries.set(id, cached);
			return cached;
		}
		const key = parseFlowPrivateKey(pem, passphrase);
		this.entries.set(id, key);
		if (this.entries.size > this.capacity) {
			const oldest = this.entries.keys().next().value;
			if (oldest !== undefined) this.entries.delete(oldest);
		}
		return key;
	}

	clear(): void {
		this.entries.clear();
	}
}

function cacheId(pem: string, passphrase: string | undefined): string {
	const hash = createHash('sha256');
	// Length prefixes keep ("ab", "c") and ("a", "bc") apart; no passphrase and an empty one are the same.
	for (const part of [pem, passphrase ?? '']) {
		const bytes = Buffer.from(part, 'utf8');
		hash.update(`${bytes.length}:`).update(bytes);
	}
	return hash.digest('hex');
}

const processCache = new FlowPrivateKeyCache(32);

/** The parsed key for (pem, passphrase), parsed once per process; throws FlowPrivateKeyError like parseFlowPrivateKey. */
export function getFlowPrivateKey(pem: string, passphrase?: string): KeyObject {
	return processCache.get(pem, passphrase);
}

export interface FlowKeyPair {
	/** PKCS#8 PEM, encrypted with AES-256-CBC when a passphrase is given. */
	privateKeyPem: string;
	/** SPKI PEM ("BEGIN PUBLIC KEY"), the form Meta's business_public_key upload takes. */
	publicKeyPem: string;
}

/** A fresh RSA-2048 key pair for a Flow endpoint (synchronous: blocks for roughly a tenth of a second). */
export function generateFlowKeyPair(passphrase?: string): FlowKeyPair {
	const secret = emptyToUndefined(passphrase);
	const { privateKey, publicKey } = generateKeyPairSync('rsa', {
		modulusLength: FLOW_KEY_MODULUS_BITS,
		publicExponent: 0x10001,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding:
			secret === undefined
				? { type: 'pkcs8', format: 'pem' }
				: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: secret },
	});
	return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}
