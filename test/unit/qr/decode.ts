// Test helpers: read our PNGs with an independent PNG decoder (pngjs) and our QR codes with two independent QR
// decoders (jsQR and ZXing), so that a shared misunderstanding cannot pass.
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { QrCode } from '../../../nodes/shared/qr';

export interface DecodedPng {
	width: number;
	height: number;
	rgba: Uint8ClampedArray;
}

export function readPng(png: Uint8Array): DecodedPng {
	const image = PNG.sync.read(Buffer.from(png));
	return { width: image.width, height: image.height, rgba: new Uint8ClampedArray(image.data) };
}

/** jsQR's reading of an RGBA image: the decoded bytes as text (UTF-8), its version, or null. */
export function decodeRgba(image: DecodedPng): { text: string; bytes: number[]; version: number } | null {
	const result = jsQR(image.rgba, image.width, image.height, { inversionAttempts: 'dontInvert' });
	if (!result) return null;
	return { text: Buffer.from(result.binaryData).toString('utf8'), bytes: result.binaryData, version: result.version };
}

/**
 * ZXing's reading (faster than jsQR, and it reads version 23, which jsQR cannot: its table has the alignment
 * centre 74 where ISO/IEC 18004 Table E.1 has 78, cozmo/jsQR#251).
 */
export function decodeWithZxing(image: DecodedPng): { bytes: Buffer; text: string } | null {
	const luminance = new Uint8ClampedArray(image.width * image.height);
	for (let i = 0; i < luminance.length; i++) {
		luminance[i] = (image.rgba[i * 4] * 299 + image.rgba[i * 4 + 1] * 587 + image.rgba[i * 4 + 2] * 114) / 1000;
	}
	const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, image.width, image.height)));
	try {
		const result = new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.CHARACTER_SET, 'UTF-8']]));
		const segments = result.getResultMetadata()?.get(2) as Uint8Array[] | undefined; // ResultMetadataType.BYTE_SEGMENTS
		const bytes = segments ? Buffer.concat(segments.map((s) => Buffer.from(s))) : Buffer.from(result.getText(), 'utf8');
		return { bytes, text: result.getText() };
	} catch {
		return null;
	}
}

export function decodePng(png: Uint8Array) {
	return decodeRgba(readPng(png));
}

/** The QR code drawn directly as RGBA (no PNG in between), for decoding many symbols quickly. */
export function rgbaOf(code: QrCode, scale = 3, margin = 4): DecodedPng {
	const side = (code.size + 2 * margin) * scale;
	const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
	for (let y = 0; y < code.size; y++) {
		for (let x = 0; x < code.size; x++) {
			if (code.modules[y * code.size + x] !== 1) continue;
			for (let dy = 0; dy < scale; dy++) {
				for (let dx = 0; dx < scale; dx++) {
					const p = (((y + margin) * scale + dy) * side + (x + margin) * scale + dx) * 4;
					rgba[p] = rgba[p + 1] = rgba[p + 2] = 0;
				}
			}
		}
	}
	return { width: side, height: side, rgba };
}

/**
 * Camera-free decoders still guess module sizes from pixels and sometimes miss one scale; a correct symbol reads
 * at some small scale. Tries each in turn and returns the first reading.
 */
export function firstReading<T>(code: QrCode, scales: number[], decode: (image: DecodedPng) => T | null): T | null {
	for (const scale of scales) {
		const reading = decode(rgbaOf(code, scale));
		if (reading) return reading;
	}
	return null;
}

/** Draws the `M x y hN v1 h-N z` rectangles of our SVG path onto a white RGBA canvas, `scale` pixels a unit. */
export function rasteriseSvgPath(svg: string, side: number, scale: number): DecodedPng {
	const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? '';
	const width = side * scale;
	const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
	for (const match of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
		const [x, y, run] = [Number(match[1]), Number(match[2]), Number(match[3])];
		for (let py = y * scale; py < (y + 1) * scale; py++) {
			for (let px = x * scale; px < (x + run) * scale; px++) {
				const p = (py * width + px) * 4;
				rgba[p] = rgba[p + 1] = rgba[p + 2] = 0;
			}
		}
	}
	return { width, height: width, rgba };
}
