// The MIME type of a decrypted flow file. The endpoint form of a picked file has no mime_type (reference/media_upload),
// and WhatsApp warns that files users share may be malicious, so the type comes from the file's own bytes where they
// identify it, the file name only refines container formats (a .docx is a ZIP) or names types without a signature
// (text/plain). A name whose type the bytes contradict gives application/octet-stream.
// Covered: DocumentPicker's allowed-mime-types (the 24 types media_upload lists) and PhotoPicker's images.

export const UNKNOWN_MIME_TYPE = 'application/octet-stream';

const BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	heic: 'image/heic',
	heif: 'image/heif',
	avif: 'image/avif',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	pdf: 'application/pdf',
	txt: 'text/plain',
	gz: 'application/gzip',
	gzip: 'application/gzip',
	'7z': 'application/x-7z-compressed',
	zip: 'application/zip',
	doc: 'application/msword',
	xls: 'application/vnd.ms-excel',
	ppt: 'application/vnd.ms-powerpoint',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	odp: 'application/vnd.oasis.opendocument.presentation',
	mp4: 'video/mp4',
	mpeg: 'video/mpeg',
	mpg: 'video/mpeg',
};

/** Types stored inside a ZIP / an OLE compound file: the signature says only "ZIP" / "OLE", the name says which. */
const ZIP_BASED = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'zip']);
const OLE_BASED = new Set(['doc', 'xls', 'ppt']);
/** Types with no signature: the name is all there is. */
const UNSIGNED = new Set(['text/plain']);

type Signature = { type: string } | { container: 'zip' | 'ole' };

function startsWith(bytes: Buffer, signature: number[], offset = 0): boolean {
	return bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(bytes: Buffer, start: number, end: number): string {
	return bytes.subarray(start, end).toString('latin1');
}

/** ISO base media files ("ftyp" box at offset 4): HEIC / HEIF / AVIF images, otherwise MP4 video. */
function isoMediaType(bytes: Buffer): string | undefined {
	if (bytes.length < 12 || ascii(bytes, 4, 8) !== 'ftyp') return undefined;
	const brand = ascii(bytes, 8, 12);
	if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'].includes(brand)) return 'image/heic';
	if (['mif1', 'msf1'].includes(brand)) return 'image/heif';
	if (['avif', 'avis'].includes(brand)) return 'image/avif';
	return 'video/mp4';
}

function signatureOf(bytes: Buffer): Signature | undefined {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: 'image/jpeg' };
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { type: 'image/png' };
	if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { type: 'image/gif' };
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { type: 'image/webp' };
	if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { type: 'image/tiff' };
	if (ascii(bytes, 0, 5) === '%PDF-') return { type: 'application/pdf' };
	if (startsWith(bytes, [0x1f, 0x8b])) return { type: 'application/gzip' };
	if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return { type: 'application/x-7z-compressed' };
	if (startsWith(bytes, [0x00, 0x00, 0x01, 0xba]) || startsWith(bytes, [0x00, 0x00, 0x01, 0xb3])) return { type: 'video/mpeg' };
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { container: 'zip' };
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { container: 'ole' };
	const iso = isoMediaType(bytes);
	return iso ? { type: iso } : undefined;
}

function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function flowMediaMimeType(fileName: string, bytes: Buffer): string {
	const extension = extensionOf(fileName);
	const named = BY_EXTENSION[extension];
	const signature = signatureOf(bytes);
	if (signature && 'type' in signature) return signature.type;
	if (signature?.container === 'zip') return ZIP_BASED.has(extension) ? named : 'application/zip';
	if (signature?.container === 'ole') return OLE_BASED.has(extension) ? named : UNKNOWN_MIME_TYPE;
	return named !== undefined && UNSIGNED.has(named) ? named : UNKNOWN_MIME_TYPE;
}
