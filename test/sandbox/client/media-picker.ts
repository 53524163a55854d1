// PhotoPicker / DocumentPicker: what the app accepts, and the two forms a picked file takes
// (developers.facebook.com/docs/whatsapp/flows/reference/media_upload):
// - sent to the endpoint (data_exchange): [{media_id, cdn_url, file_name, encryption_metadata}]
// - in the completion message (nfm_reply response_json): [{file_name, mime_type, sha256, id}], id being a Cloud API
//   media id downloadable with the Media API (cloud-api/reference/media).
// Limits: max-file-size-kb default 25600 (range 1..25600); min/max-uploaded-photos|documents 0..30 (default max 30);
// allowed-mime-types for DocumentPicker; PhotoPicker takes images.
import { toBase64 } from './bytes';
import type { JsonObject } from './json';
import type { MediaCdn } from './media-cdn';
import { encryptMedia, type EncryptionMetadata } from './media-crypto';
import { randomBytes, sha256 } from './web-crypto';

export interface UploadFile {
	fileName: string;
	bytes: Uint8Array;
	/** Guessed from the file name when absent. */
	mimeType?: string;
}

export interface PickedMedia {
	/** The id the endpoint sees (a UUID in Meta's example). */
	mediaId: string;
	cdnUrl: string;
	fileName: string;
	mimeType: string;
	/** base64 SHA-256 of the file (the webhook's `sha256`). */
	sha256: string;
	/** The Cloud API media id the completion message carries. */
	webhookMediaId: string;
	metadata: EncryptionMetadata;
	bytes: Uint8Array;
}

const MIME_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	heic: 'image/heic',
	pdf: 'application/pdf',
	txt: 'text/plain',
	zip: 'application/zip',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	mp4: 'video/mp4',
};

export function mimeTypeOf(file: UploadFile): string {
	if (file.mimeType) return file.mimeType;
	const ext = file.fileName.split('.').pop()?.toLowerCase() ?? '';
	return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

function int(value: unknown, fallback: number): number {
	const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
	return Number.isFinite(n) ? n : fallback;
}

/** Why the picker refuses these files, or undefined. `props` are the picker's resolved properties. */
export function pickerProblem(type: string, props: JsonObject, files: UploadFile[]): string | undefined {
	const noun = type === 'PhotoPicker' ? 'photos' : 'documents';
	const max = int(props[`max-uploaded-${noun}`], 30);
	if (files.length > max) return `Add at most ${max} ${noun}`;
	const maxBytes = int(props['max-file-size-kb'], 25600) * 1024;
	const allowed = Array.isArray(props['allowed-mime-types']) ? props['allowed-mime-types'] : undefined;
	for (const file of files) {
		if (file.bytes.length > maxBytes) return `${file.fileName} is larger than ${maxBytes / 1024} KB`;
		const mime = mimeTypeOf(file);
		if (type === 'PhotoPicker' && !mime.startsWith('image/')) return `${file.fileName} is not a photo`;
		if (type === 'DocumentPicker' && allowed && !allowed.includes(mime)) return `${file.fileName} has a type not allowed here`;
	}
	return undefined;
}

function numericId(): string {
	const digits = Array.from(randomBytes(16), (b) => String(b % 10)).join('');
	return `1${digits.slice(1)}`;
}

export async function pickFile(file: UploadFile, cdn: MediaCdn): Promise<PickedMedia> {
	const encrypted = await encryptMedia(file.bytes);
	const cdnUrl = await cdn.put(encrypted.cdnFile);
	return {
		mediaId: globalThis.crypto.randomUUID(),
		cdnUrl,
		fileName: file.fileName,
		mimeType: mimeTypeOf(file),
		sha256: toBase64(await sha256(file.bytes)),
		webhookMediaId: numericId(),
		metadata: encrypted.metadata,
		bytes: file.bytes.slice(),
	};
}

export function endpointForm(media: PickedMedia): JsonObject {
	return {
		media_id: media.mediaId,
		cdn_url: media.cdnUrl,
		file_name: media.fileName,
		encryption_metadata: { ...media.metadata },
	};
}

export function webhookForm(media: PickedMedia): JsonObject {
	return { file_name: media.fileName, mime_type: media.mimeType, sha256: media.sha256, id: media.webhookMediaId };
}
