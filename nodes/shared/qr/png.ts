import { crc32 } from './checksums';
import { zlibStored } from './zlib-stored';

/** An RGB colour, each channel 0–255. */
export interface Rgb {
	r: number;
	g: number;
	b: number;
}

/** A two-colour bitmap: `pixels[y * width + x]` is 1 for the dark colour. */
export interface Bitmap {
	width: number;
	height: number;
	pixels: Uint8Array;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * A PNG (ISO/IEC 15948, W3C PNG spec) of a two-colour bitmap: 1-bit indexed colour with a two-entry palette
 * (index 0 light, 1 dark), filter type 0 on every row, image data in stored deflate blocks.
 */
export function encodePng(bitmap: Bitmap, dark: Rgb, light: Rgb): Uint8Array {
	const { width, height, pixels } = bitmap;
	if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new RangeError('A PNG needs a positive width and height');
	if (pixels.length !== width * height) throw new RangeError('The bitmap has the wrong number of pixels');
	const rowBytes = Math.ceil(width / 8);
	const raw = new Uint8Array((rowBytes + 1) * height);
	for (let y = 0; y < height; y++) {
		const rowStart = y * (rowBytes + 1);
		raw[rowStart] = 0; // filter type None
		for (let x = 0; x < width; x++) {
			if (pixels[y * width + x] === 1) raw[rowStart + 1 + (x >>> 3)] |= 0x80 >>> (x & 7);
		}
	}
	const header = new Uint8Array(13);
	const view = new DataView(header.buffer);
	view.setUint32(0, width);
	view.setUint32(4, height);
	header[8] = 1; // bit depth
	header[9] = 3; // colour type: indexed
	header[10] = 0; // compression: deflate
	header[11] = 0; // filter method 0
	header[12] = 0; // no interlace
	const palette = Uint8Array.of(...channels(light), ...channels(dark));
	return concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', palette), chunk('IDAT', zlibStored(raw)), chunk('IEND', new Uint8Array(0))]);
}

function channels(colour: Rgb): number[] {
	return [colour.r, colour.g, colour.b].map((c) => {
		if (!Number.isInteger(c) || c < 0 || c > 255) throw new RangeError('Colour channels must be 0–255');
		return c;
	});
}

/** Length, type, data, CRC-32 of type and data (PNG spec §5.3). */
function chunk(type: string, data: Uint8Array): Uint8Array {
	const typeBytes = new TextEncoder().encode(type);
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	out.set(typeBytes, 4);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(typeBytes, data));
	return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}
