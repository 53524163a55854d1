// Uploaded media (cloud-api/reference/media): what POST /{phone-number-id}/media stored, addressable as /{media-id}
// and downloadable from the URL GET /{media-id} returns (with the access token).
import { createHash, randomBytes } from 'node:crypto';

export interface MediaRecord {
	id: string;
	phoneNumberId: string;
	mimeType: string;
	sha256: string;
	fileSize: number;
	data: Buffer;
	filename?: string;
	/** Random part of the download URL. */
	urlToken: string;
	uploadedAt: string;
}

/**
 * Supported types and their size limits (cloud-api/reference/media "Supported media types"): audio 16 MB,
 * documents 100 MB, images 5 MB, stickers 500 KB (animated; 100 KB static), video 16 MB.
 */
export const MEDIA_TYPES: Readonly<Record<string, { kind: 'audio' | 'document' | 'image' | 'sticker' | 'video'; maxBytes: number }>> = {
	'audio/aac': { kind: 'audio', maxBytes: 16 * 1024 * 1024 },
	'audio/amr': { kind: 'audio', maxBytes: 16 * 1024 * 1024 },
	'audio/mpeg': { kind: 'audio', maxBytes: 16 * 1024 * 1024 },
	'audio/mp4': { kind: 'audio', maxBytes: 16 * 1024 * 1024 },
	'audio/ogg': { kind: 'audio', maxBytes: 16 * 1024 * 1024 },
	'text/plain': { kind: 'document', maxBytes: 100 * 1024 * 1024 },
	'application/pdf': { kind: 'document', maxBytes: 100 * 1024 * 1024 },
	'application/vnd.ms-powerpoint': { kind: 'document', maxBytes: 100 * 1024 * 1024 },
	'application/msword': { kind: 'document', maxBytes: 100 * 1024 * 1024 },
	'application/vnd.ms-excel': { kind: 'document', maxBytes: 100 * 1024 * 1024 },
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', maxBytes: 100 * 1024 * 1024 },
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'document', maxBytes: 100 * 1024 * 1024 },
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', maxBytes: 100 * 1024 * 1024 },
	'image/jpeg': { kind: 'image', maxBytes: 5 * 1024 * 1024 },
	'image/png': { kind: 'image', maxBytes: 5 * 1024 * 1024 },
	'image/webp': { kind: 'sticker', maxBytes: 500 * 1024 },
	'video/3gpp': { kind: 'video', maxBytes: 16 * 1024 * 1024 },
	'video/mp4': { kind: 'video', maxBytes: 16 * 1024 * 1024 },
};

export class MediaStore {
	private readonly items = new Map<string, MediaRecord>();
	private seq = 0;

	add(input: { phoneNumberId: string; mimeType: string; data: Buffer; filename?: string }): MediaRecord {
		this.seq += 1;
		const record: MediaRecord = {
			id: `7${String(this.seq).padStart(15, '0')}`,
			phoneNumberId: input.phoneNumberId,
			mimeType: input.mimeType,
			sha256: createHash('sha256').update(input.data).digest('hex'),
			fileSize: input.data.length,
			data: input.data,
			urlToken: randomBytes(12).toString('base64url'),
			uploadedAt: new Date().toISOString(),
		};
		if (input.filename !== undefined) record.filename = input.filename;
		this.items.set(record.id, record);
		return record;
	}

	get(id: string): MediaRecord | undefined {
		return this.items.get(id);
	}

	delete(id: string): boolean {
		return this.items.delete(id);
	}

	clear(): void {
		this.items.clear();
		this.seq = 0;
	}
}
