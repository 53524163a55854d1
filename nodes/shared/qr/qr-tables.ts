/**
 * The QR code's per-version constants (ISO/IEC 18004:2015): symbol size, error correction blocks (Table 9),
 * alignment pattern centres (Annex E) and the byte-mode character count field (Table 3).
 */
export type ErrorCorrectionLevel = 'L' | 'M' | 'Q' | 'H';

export const ERROR_CORRECTION_LEVELS: readonly ErrorCorrectionLevel[] = ['L', 'M', 'Q', 'H'];

/** The two format-information bits of each level (§7.9.1, Table 12). */
export const FORMAT_BITS: Readonly<Record<ErrorCorrectionLevel, number>> = { L: 1, M: 0, Q: 3, H: 2 };

export const MIN_VERSION = 1;
export const MAX_VERSION = 40;

// Table 9, per level, indexed by version (index 0 unused): error correction codewords in each block …
const EC_CODEWORDS_PER_BLOCK: Readonly<Record<ErrorCorrectionLevel, readonly number[]>> = {
	L: [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
	M: [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
	Q: [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
	H: [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
};

// … and the number of blocks.
const EC_BLOCKS: Readonly<Record<ErrorCorrectionLevel, readonly number[]>> = {
	L: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
	M: [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
	Q: [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
	H: [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
};

export function symbolSize(version: number): number {
	return version * 4 + 17;
}

export function ecCodewordsPerBlock(version: number, level: ErrorCorrectionLevel): number {
	return EC_CODEWORDS_PER_BLOCK[level][version];
}

export function ecBlockCount(version: number, level: ErrorCorrectionLevel): number {
	return EC_BLOCKS[level][version];
}

/**
 * Modules left for data and error correction once the function patterns, format and version information are
 * drawn (the "number of data modules" of Table 1, remainder bits included).
 */
export function rawDataModules(version: number): number {
	let modules = (16 * version + 128) * version + 64;
	if (version >= 2) {
		const alignments = Math.floor(version / 7) + 2;
		modules -= (25 * alignments - 10) * alignments - 55;
		if (version >= 7) modules -= 36;
	}
	return modules;
}

/** All codewords of the symbol (data + error correction). */
export function totalCodewords(version: number): number {
	return Math.floor(rawDataModules(version) / 8);
}

export function dataCodewords(version: number, level: ErrorCorrectionLevel): number {
	return totalCodewords(version) - ecCodewordsPerBlock(version, level) * ecBlockCount(version, level);
}

/**
 * Row / column coordinates of the alignment pattern centres (Annex E, Table E.1): 6, then evenly spaced up to
 * size − 7, with an even step; version 32 is the one exception to the rounding.
 */
export function alignmentPatternCentres(version: number): number[] {
	if (version === 1) return [];
	const count = Math.floor(version / 7) + 2;
	const last = symbolSize(version) - 7;
	const step = version === 32 ? 26 : Math.ceil((last - 6) / (count - 1) / 2) * 2;
	const centres = [6];
	for (let i = count - 2; i >= 0; i--) centres.push(last - i * step);
	return centres;
}

/** Length of the character count field in byte mode (Table 3): 8 bits up to version 9, then 16. */
export function byteModeCountBits(version: number): number {
	return version <= 9 ? 8 : 16;
}
