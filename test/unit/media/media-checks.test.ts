import { checkMediaDownloadUrl } from '../../../nodes/shared/media/download-url';
import { checkMediaUpload, isAnimatedWebp, MediaUploadCheckError } from '../../../nodes/shared/media/media-types';

const bytes = (n: number) => new Uint8Array(n);
/** A WebP header with the VP8X chunk; `animated` sets the animation flag. */
const webp = (size: number, animated: boolean) => {
	const data = new Uint8Array(size);
	data.set(Buffer.from('RIFF'), 0);
	data.set(Buffer.from('WEBPVP8X'), 8);
	data[20] = animated ? 0x02 : 0;
	return data;
};

describe("media checks before an upload (Meta's supported types and sizes)", () => {
	it('accepts each kind up to its limit and names the kind', () => {
		expect(checkMediaUpload('image/png', bytes(5 * 1024 * 1024))).toEqual({ kind: 'image', mimeType: 'image/png' });
		expect(checkMediaUpload('audio/ogg; codecs=opus', bytes(10))).toEqual({ kind: 'audio', mimeType: 'audio/ogg' });
		expect(checkMediaUpload('application/pdf', bytes(100 * 1024 * 1024))).toMatchObject({ kind: 'document' });
		expect(checkMediaUpload('video/3gp', bytes(10))).toEqual({ kind: 'video', mimeType: 'video/3gpp' });
		expect(checkMediaUpload('IMAGE/JPG', bytes(10))).toEqual({ kind: 'image', mimeType: 'image/jpeg' });
	});

	it('refuses one byte over the limit, saying how large the file is and what the limit is', () => {
		expect(() => checkMediaUpload('image/jpeg', bytes(5 * 1024 * 1024 + 1))).toThrow(/5\.0 MB; a WhatsApp image may be at most 5 MB/);
		expect(() => checkMediaUpload('video/mp4', bytes(16 * 1024 * 1024 + 1))).toThrow(/video may be at most 16 MB/);
		expect(() => checkMediaUpload('audio/aac', bytes(16 * 1024 * 1024 + 1))).toThrow(/audio may be at most 16 MB/);
	});

	it('tells static stickers (100 KB) from animated ones (500 KB) by the WebP animation flag', () => {
		expect(isAnimatedWebp(webp(200, true))).toBe(true);
		expect(isAnimatedWebp(webp(200, false))).toBe(false);
		expect(() => checkMediaUpload('image/webp', webp(100 * 1024 + 1, false))).toThrow(/static sticker may be at most 100 KB/);
		expect(checkMediaUpload('image/webp', webp(400 * 1024, true))).toEqual({ kind: 'sticker', mimeType: 'image/webp' });
		expect(() => checkMediaUpload('image/webp', webp(500 * 1024 + 1, true))).toThrow(/animated sticker may be at most 500 KB/);
	});

	it('refuses unsupported types and empty files, naming the field', () => {
		const gif = (() => {
			try {
				checkMediaUpload('image/gif', bytes(10));
			} catch (error) {
				return error as MediaUploadCheckError;
			}
			return undefined;
		})();
		expect(gif).toBeInstanceOf(MediaUploadCheckError);
		expect(gif?.field).toBe('mimeType');
		expect(gif?.message).toMatch(/does not accept "image\/gif".*image\/png/);
		expect(() => checkMediaUpload('image/png', bytes(0))).toThrow(/empty/);
	});
});

describe('where the access token may be sent for a download', () => {
	const graph = 'https://graph.facebook.com';
	it("allows Meta's media hosts over https and the credential's own base URL", () => {
		expect(checkMediaDownloadUrl('https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1', graph).hostname).toBe('lookaside.fbsbx.com');
		expect(checkMediaDownloadUrl('http://127.0.0.1:5690/__cdn/media/1/x', 'http://127.0.0.1:5690').pathname).toBe('/__cdn/media/1/x');
	});

	it('refuses any other host, plain http to Meta, and look-alike domains', () => {
		expect(() => checkMediaDownloadUrl('https://evil.example/steal', graph)).toThrow(/Refusing to send the access token to https:\/\/evil.example/);
		expect(() => checkMediaDownloadUrl('http://lookaside.fbsbx.com/x', graph)).toThrow(/Refusing/);
		expect(() => checkMediaDownloadUrl('https://fbsbx.com.evil.example/x', graph)).toThrow(/Refusing/);
		expect(() => checkMediaDownloadUrl('http://127.0.0.1:5691/x', 'http://127.0.0.1:5690')).toThrow(/Refusing/);
		expect(() => checkMediaDownloadUrl('not a url', graph)).toThrow(/not a URL/);
	});
});

describe('the upload body', () => {
	it('names the parts as Meta documents them: messaging_product, type, file', () => {
		const { mediaUploadParts } = jest.requireActual<typeof import('../../../nodes/shared/media/upload-parts')>('../../../nodes/shared/media/upload-parts');
		const parts = mediaUploadParts('image/png', 'a.png', Buffer.from('x'));
		expect(parts.map((p) => p.name)).toEqual(['messaging_product', 'type', 'file']);
		expect(parts[0]).toEqual({ name: 'messaging_product', value: 'whatsapp' });
	});
});
