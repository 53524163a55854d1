// From a picked file (the sandbox's simulated client: its WebCrypto encryption and its CDN) to verified bytes,
// through the core the node uses; the download is a stub over the sandbox's in-memory CDN.
import { randomBytes } from 'node:crypto';
import { decryptFlowMedia, FlowMediaError, parseFlowMediaEntry, type CdnDownload, type SizeLimit } from '../../../nodes/shared/flow-media';
import { InMemoryCdn } from '../../sandbox/client/media-cdn';
import { flipBit, pickedEntry } from './sandbox-media';

function cdnDownload(cdn: InMemoryCdn, calls: Array<{ url: string; limit: SizeLimit }> = []): CdnDownload {
	return async (url, limit) => {
		calls.push({ url, limit });
		const file = cdn.get(url);
		if (!file) throw new FlowMediaError('download', 'the CDN answered HTTP 404', 'download sooner');
		return Buffer.from(file);
	};
}

describe('decrypting a picked file from the CDN', () => {
	const cdn = new InMemoryCdn('http://127.0.0.1:5680/__cdn/flow-media/');

	it('gives the original bytes with their name, media id, type, size and base64 SHA-256 (the completion message\'s sha256)', async () => {
		const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), randomBytes(5000)]);
		const { picked, entry } = await pickedEntry(cdn, 'front.jpg', photo, 'image/jpeg');
		const calls: Array<{ url: string; limit: SizeLimit }> = [];
		const file = await decryptFlowMedia(parseFlowMediaEntry(entry, 'photos[0]'), cdnDownload(cdn, calls));
		expect(file.data.equals(photo)).toBe(true);
		expect(file).toMatchObject({ fileName: 'front.jpg', mediaId: picked.mediaId, mimeType: 'image/jpeg', fileSize: photo.length, sha256: picked.sha256 });
		expect(calls).toEqual([{ url: picked.cdnUrl, limit: { fileBytes: 25_600 * 1024, cdnBytes: 25_600 * 1024 + 26 } }]);
	});

	it('asks the download for at most the largest CDN file that can hold the limit, and refuses a larger file after decryption', async () => {
		const { entry } = await pickedEntry(cdn, 'notes.txt', Buffer.alloc(100, 0x41));
		const calls: Array<{ url: string; limit: SizeLimit }> = [];
		const refusal = await decryptFlowMedia(parseFlowMediaEntry(entry, 'files[0]'), cdnDownload(cdn, calls), 99).catch((e: unknown) => e);
		expect(calls[0].limit).toEqual({ fileBytes: 99, cdnBytes: 99 + 16 + 10 });
		expect(refusal).toMatchObject({ check: 'size', message: 'the file is larger than the limit of 99 bytes (0.000 MB)' });
		expect((await decryptFlowMedia(parseFlowMediaEntry(entry, 'files[0]'), cdnDownload(cdn), 100)).fileSize).toBe(100);
	});

	it('passes the download\'s refusal on, and a tampered CDN file gives no bytes', async () => {
		const { picked, entry } = await pickedEntry(cdn, 'scan.pdf', Buffer.from('%PDF-1.7 scan'));
		const gone = parseFlowMediaEntry({ ...entry, cdn_url: 'http://127.0.0.1:5680/__cdn/flow-media/0000' }, 'files[0]');
		await expect(decryptFlowMedia(gone, cdnDownload(cdn))).rejects.toMatchObject({ check: 'download' });
		const tampered: CdnDownload = async () => flipBit(Buffer.from(cdn.get(picked.cdnUrl)!), 3);
		await expect(decryptFlowMedia(parseFlowMediaEntry(entry, 'files[0]'), tampered)).rejects.toMatchObject({ check: 'encrypted-hash' });
	});
});
