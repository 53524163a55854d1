/**
 * Data masks and the penalty rules that choose between them (ISO/IEC 18004:2015 §7.8): each mask flips the
 * data modules where its condition holds (x = column j, y = row i); the mask with the lowest penalty wins.
 */
export const MASK_CONDITIONS: ReadonlyArray<(x: number, y: number) => boolean> = [
	(x, y) => (x + y) % 2 === 0,
	(_x, y) => y % 2 === 0,
	(x) => x % 3 === 0,
	(x, y) => (x + y) % 3 === 0,
	(x, y) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
	(x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
	(x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
	(x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** Flips the unreserved modules where the mask's condition holds (applying it twice undoes it). */
export function applyMask(dark: Uint8Array, reserved: Uint8Array, size: number, mask: number): void {
	const condition = MASK_CONDITIONS[mask];
	if (!condition) throw new RangeError(`Mask ${mask} does not exist (0–7)`);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const i = y * size + x;
			if (reserved[i] === 0 && condition(x, y)) dark[i] ^= 1;
		}
	}
}

/** Penalty weights N1–N4 (§7.8.3.1, Table 11). */
const N1 = 3;
const N2 = 3;
const N3 = 40;
const N4 = 10;

/** 1:1:3:1:1 finder-like run with four light modules after it, and its mirror image, as 11-bit windows. */
const FINDER_LIKE_BEFORE_LIGHT = 0b10111010000;
const FINDER_LIKE_AFTER_LIGHT = 0b00001011101;

/** The penalty score of a whole symbol (format information included), per §7.8.3. */
export function penaltyScore(dark: Uint8Array, size: number): number {
	let score = 0;
	const at = (x: number, y: number) => dark[y * size + x];
	for (let line = 0; line < size; line++) {
		score += linePenalty((i) => at(i, line), size) + linePenalty((i) => at(line, i), size);
	}
	// Feature 2: each 2×2 block of one colour.
	for (let y = 0; y < size - 1; y++) {
		for (let x = 0; x < size - 1; x++) {
			const sum = at(x, y) + at(x + 1, y) + at(x, y + 1) + at(x + 1, y + 1);
			if (sum === 0 || sum === 4) score += N2;
		}
	}
	// Feature 4: N4 for every full 5 % by which the dark share departs from 50 %.
	let darkCount = 0;
	for (const module of dark) darkCount += module;
	const deviationPercent = Math.abs((darkCount * 100) / (size * size) - 50);
	score += Math.floor(deviationPercent / 5) * N4;
	return score;
}

/** Features 1 and 3 along one row or column: runs of five or more, and finder-like patterns. */
function linePenalty(module: (i: number) => number, size: number): number {
	let score = 0;
	let runColour = -1;
	let runLength = 0;
	let window = 0;
	for (let i = 0; i < size; i++) {
		const colour = module(i);
		if (colour === runColour) {
			runLength++;
		} else {
			if (runLength >= 5) score += N1 + runLength - 5;
			runColour = colour;
			runLength = 1;
		}
		window = ((window << 1) | colour) & 0x7ff;
		if (i >= 10 && (window === FINDER_LIKE_BEFORE_LIGHT || window === FINDER_LIKE_AFTER_LIGHT)) score += N3;
	}
	if (runLength >= 5) score += N1 + runLength - 5;
	return score;
}
