// The four checks of Meta's "Decrypting and validating media" (flows/reference/media_upload), run on files the
// sandbox's simulated client encrypted with its own WebCrypto code: a genuine file comes back byte for byte, and
// each tampering is refused at the step that can see it, with nothing returned.
import { randomBytes } from 'node:crypto';
import { decryptCdnFile, FlowMediaError, parseFlowMediaEntry, type FlowMediaCheck } from '../../../nodes/shared/flow-media';
import type { EncryptionMetadata } from '../../sandbox/client';
import { b64, badlyPaddedMedia, flipBit, sandboxEncrypt, sha256b64, withMatchingHash } from './sandbox-media';

function keysOf(metadata: EncryptionMetadata) {
	return parseFlowMediaEntry({ media_id: 'm-1', cdn_url: 'https://cdn.example/f', file_name: 'f.bin', encryption_metadata: metadata }, 'files[0]').keys;
}

function failedCheck(cdnFile: Buffer, metadata: EncryptionMetadata): FlowMediaCheck | 'decrypted' {
	try {
		decryptCdnFile(cdnFile, keysOf(metadata));
		return 'decrypted';
	} catch (error) {
		if (error instanceof FlowMediaError) return error.check;
		throw error;
	}
}

describe('decrypting a picked file', () => {
	it.each([0, 1, 15, 16, 17, 1000, 100_003])('returns the original bytes of a %i-byte file', async (size) => {
		const { file, cdnFile, metadata } = await sandboxEncrypt(randomBytes(size));
		expect(decryptCdnFile(cdnFile, keysOf(metadata)).equals(file)).toBe(true);
	});

	it('compares only the first 10 bytes of the HMAC, as the CDN file carries them', async () => {
		const { cdnFile, metadata } = await sandboxEncrypt(Buffer.from('%PDF-1.7 invoice'));
		expect(cdnFile.length % 16).toBe(10);
		expect(failedCheck(cdnFile, metadata)).toBe('decrypted');
	});
});

describe('a tampered file is refused at the step that sees it', () => {
	let genuine: Awaited<ReturnType<typeof sandboxEncrypt>>;
	beforeAll(async () => {
		genuine = await sandboxEncrypt(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(4000)]));
	});

	it('step 2: any changed byte of the CDN file breaks encrypted_hash', () => {
		expect(failedCheck(flipBit(genuine.cdnFile, 0), genuine.metadata)).toBe('encrypted-hash');
		expect(failedCheck(flipBit(genuine.cdnFile, -1), genuine.metadata)).toBe('encrypted-hash');
		expect(failedCheck(genuine.cdnFile.subarray(0, genuine.cdnFile.length - 16), genuine.metadata)).toBe('encrypted-hash');
	});

	it('step 3: a changed ciphertext or HMAC with a rewritten encrypted_hash breaks the HMAC', () => {
		for (const tampered of [flipBit(genuine.cdnFile, 5), flipBit(genuine.cdnFile, -3), genuine.cdnFile.subarray(16)]) {
			expect(failedCheck(tampered, withMatchingHash(genuine.metadata, tampered))).toBe('hmac');
		}
	});

	it('step 3: another hmac_key or iv breaks the HMAC (the IV is authenticated too)', () => {
		expect(failedCheck(genuine.cdnFile, { ...genuine.metadata, hmac_key: b64(randomBytes(32)) })).toBe('hmac');
		expect(failedCheck(genuine.cdnFile, { ...genuine.metadata, iv: b64(randomBytes(16)) })).toBe('hmac');
	});

	it('step 4: a consistently authenticated file whose padding is not PKCS#7 fails decryption', () => {
		const crafted = badlyPaddedMedia();
		expect(failedCheck(crafted.cdnFile, crafted.metadata)).toBe('decrypt');
	});

	it('step 4 or 5: another encryption_key never yields a file', () => {
		for (let i = 0; i < 20; i++) {
			expect(['decrypt', 'plaintext-hash']).toContain(failedCheck(genuine.cdnFile, { ...genuine.metadata, encryption_key: b64(randomBytes(32)) }));
		}
	});

	it('step 5: a plaintext_hash of other bytes is refused after decryption', () => {
		expect(failedCheck(genuine.cdnFile, { ...genuine.metadata, plaintext_hash: sha256b64(Buffer.from('another file')) })).toBe('plaintext-hash');
	});

	it('says what failed and how to fix it', () => {
		try {
			decryptCdnFile(flipBit(genuine.cdnFile, 0), keysOf(genuine.metadata));
			throw new Error('expected a refusal');
		} catch (error) {
			expect(error).toBeInstanceOf(FlowMediaError);
			expect((error as FlowMediaError).message).toContain('encryption_metadata.encrypted_hash');
			expect((error as FlowMediaError).fix).toMatch(/exactly as WhatsApp sent it/);
		}
	});
});
