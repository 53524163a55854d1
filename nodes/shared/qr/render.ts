import { encodePng, type Bitmap, type Rgb } from './png';
import type { QrCode } from './qr-code';

export interface RenderOptions {
	/** Pixels (PNG) or user units (SVG) per module; default 8. */
	scale?: number;
	/** Light modules around the symbol; the standard asks for 4 (ISO/IEC 18004:2015 §6.3.8). Default 4. */
	margin?: number;
	/** `#rrggbb`; default black. */
	darkColor?: string;
	/** `#rrggbb`; default white. */
	lightColor?: string;
}

const MAX_IMAGE_SIDE = 8192;

interface Layout {
	scale: number;
	margin: number;
	modules: number;
	dark: Rgb;
	light: Rgb;
	darkHex: string;
	lightHex: string;
}

function layout(code: QrCode, options: RenderOptions): Layout {
	const scale = options.scale ?? 8;
	const margin = options.margin ?? 4;
	if (!Number.isInteger(scale) || scale < 1 || scale > 100) throw new RangeError('scale must be a whole number from 1 to 100');
	if (!Number.isInteger(margin) || margin < 0 || margin > 40) throw new RangeError('margin must be a whole number from 0 to 40');
	const modules = code.size + 2 * margin;
	if (modules * scale > MAX_IMAGE_SIDE) throw new RangeError(`The image would be ${modules * scale} pixels wide; lower the scale (at most ${MAX_IMAGE_SIDE}).`);
	const dark = parseHexColour(options.darkColor ?? '#000000', 'darkColor');
	const light = parseHexColour(options.lightColor ?? '#ffffff', 'lightColor');
	return { scale, margin, modules, dark, light, darkHex: hexColour(dark), lightHex: hexColour(light) };
}

function hexColour({ r, g, b }: Rgb): string {
	return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

export function parseHexColour(value: string, name: string): Rgb {
	const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value.trim());
	if (!match) throw new RangeError(`${name} must be a colour like #1a2b3c (got "${value}")`);
	return { r: parseInt(match[1], 16), g: parseInt(match[2], 16), b: parseInt(match[3], 16) };
}

/** The symbol with its quiet zone, one pixel per module scaled up. */
export function qrBitmap(code: QrCode, options: RenderOptions = {}): Bitmap {
	const { scale, margin, modules } = layout(code, options);
	const side = modules * scale;
	const pixels = new Uint8Array(side * side);
	for (let y = 0; y < code.size; y++) {
		for (let x = 0; x < code.size; x++) {
			if (code.modules[y * code.size + x] !== 1) continue;
			for (let dy = 0; dy < scale; dy++) {
				const rowStart = ((y + margin) * scale + dy) * side + (x + margin) * scale;
				pixels.fill(1, rowStart, rowStart + scale);
			}
		}
	}
	return { width: side, height: side, pixels };
}

export function qrPng(code: QrCode, options: RenderOptions = {}): Uint8Array {
	const { dark, light } = layout(code, options);
	return encodePng(qrBitmap(code, options), dark, light);
}

/** An SVG with one path; each run of dark modules in a row is one rectangle. */
export function qrSvg(code: QrCode, options: RenderOptions = {}): string {
	const { scale, margin, modules, darkHex, lightHex } = layout(code, options);
	const commands: string[] = [];
	for (let y = 0; y < code.size; y++) {
		let x = 0;
		while (x < code.size) {
			if (code.modules[y * code.size + x] !== 1) {
				x++;
				continue;
			}
			const start = x;
			while (x < code.size && code.modules[y * code.size + x] === 1) x++;
			commands.push(`M${start + margin} ${y + margin}h${x - start}v1h-${x - start}z`);
		}
	}
	const side = modules * scale;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 ${modules} ${modules}" shape-rendering="crispEdges">` +
		`<rect width="${modules}" height="${modules}" fill="${lightHex}"/>` +
		`<path fill="${darkHex}" d="${commands.join('')}"/></svg>`
	);
}
