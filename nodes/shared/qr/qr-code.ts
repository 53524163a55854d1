import { dataCodewordsFor, interleavedCodewords, smallestVersionFor } from './codewords';
import { applyMask, MASK_CONDITIONS, penaltyScore } from './masking';
import { SymbolMatrix } from './matrix';
import { dataCodewords, ERROR_CORRECTION_LEVELS, MAX_VERSION, MIN_VERSION, type ErrorCorrectionLevel } from './qr-tables';

export interface QrOptions {
	/** Error correction level; default M (recovers about 15 % of the symbol). */
	errorCorrection?: ErrorCorrectionLevel;
	/** Smallest version to use (1–40); the smallest that fits is chosen from here. */
	minVersion?: number;
	/** Largest version allowed (1–40). */
	maxVersion?: number;
	/** Force a mask (0–7) instead of choosing the one with the lowest penalty. */
	mask?: number;
	/**
	 * Raise the error correction level while the data still fits the same version (free robustness, as
	 * most encoders do). Default false: the level asked for is kept.
	 */
	boostErrorCorrection?: boolean;
}

/** An encoded QR code: `size`×`size` modules, row-major, 1 = dark. Draw it with a quiet zone of 4 modules. */
export interface QrCode {
	version: number;
	size: number;
	errorCorrection: ErrorCorrectionLevel;
	mask: number;
	modules: Uint8Array;
}

export class QrCapacityError extends RangeError {
	constructor(
		readonly byteLength: number,
		readonly errorCorrection: ErrorCorrectionLevel,
		readonly maxVersion: number,
	) {
		const capacity = dataCodewords(maxVersion, errorCorrection) - (maxVersion <= 9 ? 2 : 3);
		super(
			`The text is ${byteLength} bytes in UTF-8; a QR code of version ${maxVersion} at error correction ${errorCorrection} holds at most ${capacity}. ` +
				'Shorten it or choose a lower error correction level.',
		);
		this.name = 'QrCapacityError';
	}
}

/** Encodes text (as UTF-8) or bytes in byte mode (ISO/IEC 18004:2015 §7.4.5). */
export function encodeQr(input: string | Uint8Array, options: QrOptions = {}): QrCode {
	const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
	let level = options.errorCorrection ?? 'M';
	if (!ERROR_CORRECTION_LEVELS.includes(level)) throw new RangeError(`Error correction level must be one of L, M, Q, H (got ${String(level)})`);
	const minVersion = checkedVersion(options.minVersion ?? MIN_VERSION, 'minVersion');
	const maxVersion = checkedVersion(options.maxVersion ?? MAX_VERSION, 'maxVersion');
	if (minVersion > maxVersion) throw new RangeError('minVersion is larger than maxVersion');
	if (options.mask !== undefined && !(Number.isInteger(options.mask) && options.mask >= 0 && options.mask <= 7)) {
		throw new RangeError(`mask must be 0–7 (got ${options.mask})`);
	}

	const version = smallestVersionFor(bytes.length, level, minVersion);
	if (version === undefined || version > maxVersion) throw new QrCapacityError(bytes.length, level, maxVersion);
	if (options.boostErrorCorrection) {
		for (const higher of ERROR_CORRECTION_LEVELS.slice(ERROR_CORRECTION_LEVELS.indexOf(level) + 1)) {
			if (smallestVersionFor(bytes.length, higher, version) === version) level = higher;
		}
	}

	const matrix = new SymbolMatrix(version);
	matrix.placeCodewords(interleavedCodewords(dataCodewordsFor(bytes, version, level), version, level));

	const mask = options.mask ?? bestMask(matrix, level);
	applyMask(matrix.dark, matrix.reserved, matrix.size, mask);
	matrix.drawFormatBits(mask, level);
	return { version, size: matrix.size, errorCorrection: level, mask, modules: matrix.dark };
}

/** The mask with the lowest penalty, the format information drawn as it would be (§7.8.3). */
function bestMask(matrix: SymbolMatrix, level: ErrorCorrectionLevel): number {
	let best = 0;
	let bestScore = Infinity;
	for (let mask = 0; mask < MASK_CONDITIONS.length; mask++) {
		applyMask(matrix.dark, matrix.reserved, matrix.size, mask);
		matrix.drawFormatBits(mask, level);
		const score = penaltyScore(matrix.dark, matrix.size);
		if (score < bestScore) {
			best = mask;
			bestScore = score;
		}
		applyMask(matrix.dark, matrix.reserved, matrix.size, mask);
	}
	return best;
}

function checkedVersion(value: number, name: string): number {
	if (!Number.isInteger(value) || value < MIN_VERSION || value > MAX_VERSION) throw new RangeError(`${name} must be a whole number from 1 to 40`);
	return value;
}

export function isDarkModule(code: QrCode, x: number, y: number): boolean {
	return code.modules[y * code.size + x] === 1;
}
