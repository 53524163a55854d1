/**
 * Media the Cloud API accepts, with the size limit of each type (cloud-api/reference/media "Supported media
 * types"): audio 16 MB (OGG with the Opus codec only), documents 100 MB, images 5 MB (8-bit RGB/RGBA), stickers
 * (WebP) 100 KB static and 500 KB animated, video 16 MB (H.264 with AAC). MB here is 1024 × 1024 bytes.
 */
export type MediaKind = 'audio' | 'document' | 'image' | 'sticker' | 'video';

const MB = 1024 * 1024;
const KB = 1024;

export const MEDIA_TYPES: Readonly<Record<string, { kind: MediaKind; maxBytes: number }>> = {
	'audio/aac': { kind: 'audio', maxBytes: 16 * MB },
	'audio/amr': { kind: 'audio', maxBytes: 16 * MB },
	'audio/mpeg': { kind: 'audio', maxBytes: 16 * MB },
	'audio/mp4': { kind: 'audio', maxBytes: 16 * MB },
	'audio/ogg': { kind: 'audio', maxBytes: 16 * MB },
	'text/plain': { kind: 'document', maxBytes: 100 * MB },
	'application/pdf': { kind: 'document', maxBytes: 100 * MB },
	'application/msword': { kind: 'document', maxBytes: 100 * MB },
	'application/vnd.ms-excel': { kind: 'document', maxBytes: 100 * MB },
	'application/vnd.ms-powerpoint': { kind: 'document', maxBytes: 100 * MB },
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', maxBytes: 100 * MB },
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', maxBytes: 100 * MB },
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'document', maxBytes: 100 * MB },
	'image/jpeg': { kind: 'image', maxBytes: 5 * MB },
	'image/png': { kind: 'image', maxBytes: 5 * MB },
	'image/webp': { kind: 'sticker', maxBytes: 500 * KB },
	'video/3gpp': { kind: 'video', maxBytes: 16 * MB },
	'video/mp4': { kind: 'video', maxBytes: 16 * MB },
};

/** Static WebP stickers: 100 KB; animated ones: 500 KB (the table entry). */
export const STATIC_STICKER_MAX_BYTES = 100 * KB;

/** "audio/ogg; codecs=opus" → "audio/ogg"; "image/jpg" and "video/3gp" (common spellings) → the listed ones. */
export function normaliseMimeType(mimeType: string): string {
	const bare = mimeType.split(';')[0].trim().toLowerCase();
	const aliases: Record<string, string> = { 'image/jpg': 'image/jpeg', 'video/3gp': 'video/3gpp', 'audio/mp3': 'audio/mpeg' };
	return aliases[bare] ?? bare;
}

/** WebP with the VP8X animation flag (RIFF container, WebP spec "Extended file format"). */
export function isAnimatedWebp(bytes: Uint8Array): boolean {
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
	return bytes.length >= 21 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP' && ascii(12, 16) === 'VP8X' && (bytes[20] & 0x02) !== 0;
}

export class MediaUploadCheckError extends Error {
	constructor(
		message: string,
		readonly field: 'mimeType' | 'file',
	) {
		super(message);
		this.name = 'MediaUploadCheckError';
	}
}

const human = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB` : `${Math.ceil(bytes / KB)} KB`);

/** Checks a file against Meta's types and limits before the upload; returns its kind and normalised MIME type. */
export function checkMediaUpload(mimeType: string, bytes: Uint8Array): { kind: MediaKind; mimeType: string } {
	const type = normaliseMimeType(mimeType);
	const spec = MEDIA_TYPES[type];
	if (!spec) {
		throw new MediaUploadCheckError(
			`WhatsApp does not accept "${mimeType || 'no type'}" files. Supported: ${Object.keys(MEDIA_TYPES).join(', ')} (cloud-api/reference/media).`,
			'mimeType',
		);
	}
	if (bytes.length === 0) throw new MediaUploadCheckError('The file is empty.', 'file');
	const animated = type === 'image/webp' && isAnimatedWebp(bytes);
	const max = type === 'image/webp' && !animated ? STATIC_STICKER_MAX_BYTES : spec.maxBytes;
	if (bytes.length > max) {
		const what = type === 'image/webp' ? `${animated ? 'animated' : 'static'} sticker` : spec.kind;
		throw new MediaUploadCheckError(`The file is ${human(bytes.length)}; a WhatsApp ${what} may be at most ${human(max)} (cloud-api/reference/media).`, 'file');
	}
	return { kind: spec.kind, mimeType: type };
}
