// Picked files are encrypted as WhatsApp does (reference/media_upload), checked here against an independent
// node:crypto implementation of the doc's five receiving steps.
import { createHash } from 'node:crypto';
import { InMemoryCdn } from './media-cdn';
import { decryptMedia, encryptMedia } from './media-crypto';
import { nodeDecrypt } from './testing/media-receiver';

describe('media encryption (PhotoPicker / DocumentPicker)', () => {
	const file = new Uint8Array(Buffer.from('%PDF-1.7 a small invoice, not 16-byte aligned'));

	it('makes cdn_file = AES-256-CBC(PKCS#7) ciphertext ‖ first 10 bytes of HMAC-SHA256(iv ‖ ciphertext)', async () => {
		const { cdnFile, metadata } = await encryptMedia(file);
		expect(cdnFile.length).toBe(Math.ceil((file.length + 1) / 16) * 16 + 10);
		expect(Buffer.from(metadata.encryption_key, 'base64')).toHaveLength(32);
		expect(Buffer.from(metadata.hmac_key, 'base64')).toHaveLength(32);
		expect(Buffer.from(metadata.iv, 'base64')).toHaveLength(16);
		expect(metadata.plaintext_hash).toBe(createHash('sha256').update(file).digest('base64'));
		expect(metadata.encrypted_hash).toBe(createHash('sha256').update(cdnFile).digest('base64'));
		expect(nodeDecrypt(Buffer.from(cdnFile), metadata)).toEqual(Buffer.from(file));
	});

	it('is deterministic for given keys and IV, and fresh otherwise', async () => {
		const secrets = { encryptionKey: new Uint8Array(32).fill(1), hmacKey: new Uint8Array(32).fill(2), iv: new Uint8Array(16).fill(3) };
		const a = await encryptMedia(file, secrets);
		const b = await encryptMedia(file, secrets);
		expect(Buffer.from(a.cdnFile).equals(Buffer.from(b.cdnFile))).toBe(true);
		const fresh = await encryptMedia(file);
		expect(fresh.metadata.encryption_key).not.toBe((await encryptMedia(file)).metadata.encryption_key);
	});

	it('decrypts following the receiving steps, and names the step a tampered file fails', async () => {
		const { cdnFile, metadata } = await encryptMedia(file);
		expect(await decryptMedia(cdnFile, metadata)).toEqual({ ok: true, file });

		const flipped = cdnFile.slice();
		flipped[0] ^= 1;
		expect(await decryptMedia(flipped, metadata)).toEqual({ ok: false, failed: 'encrypted-hash' });
		const rehashed = { ...metadata, encrypted_hash: createHash('sha256').update(flipped).digest('base64') };
		expect(await decryptMedia(flipped, rehashed)).toEqual({ ok: false, failed: 'hmac' });
		const otherKey = { ...metadata, encryption_key: Buffer.alloc(32, 9).toString('base64') };
		expect((await decryptMedia(cdnFile, otherKey)).ok).toBe(false);
		const otherFile = { ...metadata, plaintext_hash: createHash('sha256').update('x').digest('base64') };
		expect(await decryptMedia(cdnFile, otherFile)).toEqual({ ok: false, failed: 'plaintext-hash' });
	});

	it('keeps encrypted files in an in-memory CDN the sandbox can serve', () => {
		const cdn = new InMemoryCdn('http://127.0.0.1:5690/__sandbox/cdn/');
		const url = cdn.put(new Uint8Array([1, 2, 3]));
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:5690\/__sandbox\/cdn\/[0-9a-f]{32}$/);
		expect(cdn.get(url)).toEqual(new Uint8Array([1, 2, 3]));
		expect(cdn.getById(url.split('/').pop()!)).toEqual(new Uint8Array([1, 2, 3]));
		expect(cdn.get('http://elsewhere/x')).toBeUndefined();
	});
});
