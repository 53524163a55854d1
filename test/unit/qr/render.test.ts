import { inflateSync } from 'node:zlib';
import { encodePng, encodeQr, parseHexColour, qrBitmap, qrPng, qrSvg } from '../../../nodes/shared/qr';
import { adler32, crc32 } from '../../../nodes/shared/qr/checksums';
import { zlibStored } from '../../../nodes/shared/qr/zlib-stored';
import { decodePng, decodeRgba, rasteriseSvgPath, readPng } from './decode';

describe('checksums', () => {
	it('CRC-32 of "123456789" is 0xCBF43926 and Adler-32 of "Wikipedia" is 0x11E60398 (the standard check values)', () => {
		expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
		expect(crc32(Buffer.from('1234'), Buffer.from('56789'))).toBe(0xcbf43926);
		expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
	});

	it('Adler-32 stays exact past the 5552-byte reduction interval', () => {
		const data = Buffer.alloc(200_000, 0xff);
		let a = 1;
		let b = 0;
		for (const byte of data) {
			a = (a + byte) % 65521;
			b = (b + a) % 65521;
		}
		expect(adler32(data)).toBe(((b << 16) | a) >>> 0);
	});
});

describe('zlib stream of stored blocks', () => {
	it.each([0, 1, 65_535, 65_536, 200_000])('inflates back to the same %i bytes with Node\'s zlib', (length) => {
		const data = Buffer.from(Array.from({ length }, (_, i) => (i * 31) & 0xff));
		expect(Buffer.from(inflateSync(zlibStored(data))).equals(data)).toBe(true);
	});
});

describe('PNG writer', () => {
	it('writes a PNG an independent decoder reads pixel for pixel, in the chosen colours', () => {
		const width = 13;
		const height = 5;
		const pixels = Uint8Array.from({ length: width * height }, (_, i) => (i % 3 === 0 ? 1 : 0));
		const png = readPng(encodePng({ width, height, pixels }, { r: 10, g: 20, b: 30 }, { r: 250, g: 240, b: 230 }));
		expect([png.width, png.height]).toEqual([width, height]);
		for (let i = 0; i < width * height; i++) {
			const rgb = [...png.rgba.slice(i * 4, i * 4 + 3)];
			expect(rgb).toEqual(pixels[i] === 1 ? [10, 20, 30] : [250, 240, 230]);
		}
	});

	it('refuses bitmaps that do not match their size and colours out of range', () => {
		expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(3) }, { r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })).toThrow(/wrong number of pixels/);
		expect(() => encodePng({ width: 1, height: 1, pixels: new Uint8Array(1) }, { r: 256, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })).toThrow(/0–255/);
	});
});

describe('QR rendering', () => {
	const link = 'https://wa.me/15550100001?text=Hi%21%20I%20saw%20your%20poster';

	it('renders a PNG that jsQR reads back, with the quiet zone and scale asked for', () => {
		const code = encodeQr(link, { errorCorrection: 'Q' });
		const png = qrPng(code, { scale: 6, margin: 4 });
		const image = readPng(png);
		expect(image.width).toBe((code.size + 8) * 6);
		expect(decodePng(png)?.text).toBe(link);
	});

	it('renders large versions as PNG (version 40 needs more than one stored block)', () => {
		const text = `https://wa.me/15550100001?text=${'x'.repeat(2000)}`;
		const code = encodeQr(text, { errorCorrection: 'L' });
		expect(code.version).toBeGreaterThanOrEqual(30);
		const png = qrPng(code, { scale: 3 });
		expect(decodePng(png)?.text).toBe(text);
	});

	it('keeps custom colours and still decodes when dark is darker than light', () => {
		const png = qrPng(encodeQr(link), { darkColor: '#123456', lightColor: '#FFEEDD' });
		const image = readPng(png);
		expect([...image.rgba.slice(0, 3)]).toEqual([0xff, 0xee, 0xdd]);
		expect(decodePng(png)?.text).toBe(link);
	});

	it('renders an SVG whose rectangles are exactly the dark modules, and which decodes once rasterised', () => {
		const code = encodeQr(link, { errorCorrection: 'M' });
		const svg = qrSvg(code, { scale: 4, margin: 2, darkColor: '#000000' });
		const side = code.size + 4;
		expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
		expect(svg).toContain(`width="${side * 4}"`);
		const raster = rasteriseSvgPath(svg, side, 3);
		expect(decodeRgba(raster)?.text).toBe(link);
		const bitmap = qrBitmap(code, { scale: 1, margin: 2 });
		for (let i = 0; i < bitmap.pixels.length; i++) {
			const dark = raster.rgba[((Math.floor(i / side) * 3) * side * 3 + (i % side) * 3) * 4] === 0 ? 1 : 0;
			expect(dark).toBe(bitmap.pixels[i]);
		}
	});

	it('refuses bad render options, naming them', () => {
		const code = encodeQr('x');
		expect(() => qrPng(code, { scale: 0 })).toThrow(/scale/);
		expect(() => qrSvg(code, { margin: -1 })).toThrow(/margin/);
		expect(() => qrSvg(code, { darkColor: 'red"/><script>' })).toThrow(/darkColor must be a colour like #1a2b3c/);
		expect(() => qrPng(encodeQr('x'.repeat(2900), { errorCorrection: 'L' }), { scale: 50 })).toThrow(/pixels wide; lower the scale/);
		expect(parseHexColour(' #A0b1C2 ', 'c')).toEqual({ r: 0xa0, g: 0xb1, b: 0xc2 });
	});
});
