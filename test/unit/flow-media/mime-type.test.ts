// The type of a decrypted file comes from its bytes; the name only refines containers and names signature-less text.
import { flowMediaMimeType } from '../../../nodes/shared/flow-media';

const bytes = (...parts: Array<number[] | string>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const ftyp = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0]);

describe('the MIME type of a decrypted file', () => {
	it.each([
		['photo.jpg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
		['IMG_1.PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
		['a.gif', bytes('GIF89a'), 'image/gif'],
		['a.webp', bytes('RIFF', [1, 2, 3, 4], 'WEBP'), 'image/webp'],
		['a.tiff', bytes([0x49, 0x49, 0x2a, 0x00]), 'image/tiff'],
		['IMG_5237.HEIC', ftyp('heic'), 'image/heic'],
		['a.heif', ftyp('mif1'), 'image/heif'],
		['a.avif', ftyp('avif'), 'image/avif'],
		['clip.mp4', ftyp('isom'), 'video/mp4'],
		['clip.mpeg', bytes([0, 0, 1, 0xba]), 'video/mpeg'],
		['invoice.pdf', bytes('%PDF-1.7'), 'application/pdf'],
		['a.gz', bytes([0x1f, 0x8b, 8]), 'application/gzip'],
		['a.7z', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), 'application/x-7z-compressed'],
	])('%s → %s', (name, content, type) => {
		expect(flowMediaMimeType(name, content)).toBe(type);
	});

	it('trusts the bytes over the name', () => {
		expect(flowMediaMimeType('scan.jpg', bytes('%PDF-1.4'))).toBe('application/pdf');
		expect(flowMediaMimeType('report.pdf', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
	});

	it('refines ZIP and OLE containers by the name, and only to types those containers hold', () => {
		const zip = bytes([0x50, 0x4b, 0x03, 0x04]);
		const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		expect(flowMediaMimeType('cv.docx', zip)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(flowMediaMimeType('sheet.xlsx', zip)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(flowMediaMimeType('notes.odt', zip)).toBe('application/vnd.oasis.opendocument.text');
		expect(flowMediaMimeType('archive.zip', zip)).toBe('application/zip');
		expect(flowMediaMimeType('photo.jpg', zip)).toBe('application/zip');
		expect(flowMediaMimeType('old.doc', ole)).toBe('application/msword');
		expect(flowMediaMimeType('old.xls', ole)).toBe('application/vnd.ms-excel');
		expect(flowMediaMimeType('thing.bin', ole)).toBe('application/octet-stream');
	});

	it('names text by its extension, and anything else it cannot identify application/octet-stream', () => {
		expect(flowMediaMimeType('notes.txt', bytes('hello'))).toBe('text/plain');
		expect(flowMediaMimeType('photo.jpg', bytes('not a jpeg'))).toBe('application/octet-stream');
		expect(flowMediaMimeType('no-extension', bytes('x'))).toBe('application/octet-stream');
		expect(flowMediaMimeType('empty.pdf', Buffer.alloc(0))).toBe('application/octet-stream');
	});
});
