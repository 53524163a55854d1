// One picked file from entry to verified bytes: download the CDN file (the caller's HTTP, with a size limit),
// decrypt and verify it (media-decrypt.ts), then name its type. Nothing is returned unless every check passed.
import { createHash } from 'node:crypto';
import type { FlowMediaEntry } from './flow-media-entry';
import { sizeLimit, tooLargeError, type SizeLimit } from './limited-read';
import { decryptCdnFile } from './media-decrypt';
import { flowMediaMimeType } from './mime-type';

/** max-file-size-kb of PhotoPicker / DocumentPicker: at most 25600 KiB (reference/media_upload). */
export const PICKER_MAX_FILE_BYTES = 25_600 * 1024;

/** Downloads a CDN file; rejects with FlowMediaError ('download' or 'size') when it cannot, or past limit.cdnBytes. */
export type CdnDownload = (url: string, limit: SizeLimit) => Promise<Buffer>;

export interface DecryptedFlowMedia {
	fileName: string;
	mediaId: string;
	mimeType: string;
	fileSize: number;
	/** base64 SHA-256 of the file, as WhatsApp writes hashes (plaintext_hash, the completion message's sha256). */
	sha256: string;
	data: Buffer;
}

export async function decryptFlowMedia(entry: FlowMediaEntry, download: CdnDownload, maxFileBytes = PICKER_MAX_FILE_BYTES): Promise<DecryptedFlowMedia> {
	const limit = sizeLimit(maxFileBytes);
	const cdnFile = await download(entry.cdnUrl, limit);
	const data = decryptCdnFile(cdnFile, entry.keys);
	if (data.length > limit.fileBytes) throw tooLargeError(limit);
	return {
		fileName: entry.fileName,
		mediaId: entry.mediaId,
		mimeType: flowMediaMimeType(entry.fileName, data),
		fileSize: data.length,
		sha256: createHash('sha256').update(data).digest('base64'),
		data,
	};
}
