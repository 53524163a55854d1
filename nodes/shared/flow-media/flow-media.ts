// One picked file from entry to verified bytes: download the CDN file (the caller's HTTP, with a size limit),
// decrypt and verify it (media-decrypt.ts), then name its type. Nothing is returned unless every check passed.
import { createHash } from 'node:crypto';
import { FlowMediaError } from './errors';
import type { FlowMediaEntry } from './flow-media-entry';
import { HMAC10_BYTES, decryptCdnFile } from './media-decrypt';
import { flowMediaMimeType } from './mime-type';

/** max-file-size-kb of PhotoPicker / DocumentPicker: at most 25600 KiB (reference/media_upload). */
export const PICKER_MAX_FILE_BYTES = 25_600 * 1024;

/** Downloads a CDN file; rejects with FlowMediaError ('download' or 'size') when it cannot, or past maxBytes. */
export type CdnDownload = (url: string, maxBytes: number) => Promise<Buffer>;

export interface DecryptedFlowMedia {
	fileName: string;
	mediaId: string;
	mimeType: string;
	fileSize: number;
	/** base64 SHA-256 of the file, as WhatsApp writes hashes (plaintext_hash, the completion message's sha256). */
	sha256: string;
	data: Buffer;
}

/** The largest CDN file that can hold a file of `maxFileBytes`: PKCS#7 adds 1..16 bytes, then the 10-byte HMAC. */
export function maxCdnBytes(maxFileBytes: number): number {
	return maxFileBytes + 16 + HMAC10_BYTES;
}

export async function decryptFlowMedia(entry: FlowMediaEntry, download: CdnDownload, maxFileBytes = PICKER_MAX_FILE_BYTES): Promise<DecryptedFlowMedia> {
	const cdnFile = await download(entry.cdnUrl, maxCdnBytes(maxFileBytes));
	const data = decryptCdnFile(cdnFile, entry.keys);
	if (data.length > maxFileBytes) {
		throw new FlowMediaError(
			'size',
			`the file has ${data.length} bytes, more than the limit of ${maxFileBytes}`,
			'Raise "Max File Size (MB)" in the node options if you expect files this large.',
		);
	}
	return {
		fileName: entry.fileName,
		mediaId: entry.mediaId,
		mimeType: flowMediaMimeType(entry.fileName, data),
		fileSize: data.length,
		sha256: createHash('sha256').update(data).digest('base64'),
		data,
	};
}
