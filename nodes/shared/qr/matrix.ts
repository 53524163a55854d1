import { alignmentPatternCentres, FORMAT_BITS, symbolSize, type ErrorCorrectionLevel } from './qr-tables';

/**
 * A QR symbol being built: module colours plus which modules belong to function patterns (finder, separator,
 * timing, alignment, format and version information), which data placement and masking skip.
 * Coordinates are (x = column, y = row) from the top-left corner.
 */
export class SymbolMatrix {
	readonly size: number;
	readonly dark: Uint8Array;
	readonly reserved: Uint8Array;

	constructor(readonly version: number) {
		this.size = symbolSize(version);
		this.dark = new Uint8Array(this.size * this.size);
		this.reserved = new Uint8Array(this.size * this.size);
		this.drawFunctionPatterns();
	}

	isDark(x: number, y: number): boolean {
		return this.dark[y * this.size + x] === 1;
	}

	isReserved(x: number, y: number): boolean {
		return this.reserved[y * this.size + x] === 1;
	}

	private setFunction(x: number, y: number, dark: boolean): void {
		const i = y * this.size + x;
		this.dark[i] = dark ? 1 : 0;
		this.reserved[i] = 1;
	}

	private drawFunctionPatterns(): void {
		const size = this.size;
		// Timing patterns (§6.3.5): row 6 and column 6 alternate, dark on even coordinates.
		for (let i = 0; i < size; i++) {
			this.setFunction(6, i, i % 2 === 0);
			this.setFunction(i, 6, i % 2 === 0);
		}
		// Finder patterns with their light separators (§6.3.3, §6.3.4).
		this.drawFinder(3, 3);
		this.drawFinder(size - 4, 3);
		this.drawFinder(3, size - 4);
		// Alignment patterns (§6.3.6), except where they would overlap a finder pattern.
		const centres = alignmentPatternCentres(this.version);
		const last = centres.length - 1;
		centres.forEach((cy, i) =>
			centres.forEach((cx, j) => {
				const overlapsFinder = (i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0);
				if (!overlapsFinder) this.drawAlignment(cx, cy);
			}),
		);
		// Reserve the format areas now (drawn with the mask later) and draw the version information.
		this.drawFormatBits(0);
		this.drawVersionBits();
	}

	/** A 7×7 finder centred at (cx, cy) and its one-module light border, clipped to the symbol. */
	private drawFinder(cx: number, cy: number): void {
		for (let dy = -4; dy <= 4; dy++) {
			for (let dx = -4; dx <= 4; dx++) {
				const x = cx + dx;
				const y = cy + dy;
				if (x < 0 || y < 0 || x >= this.size || y >= this.size) continue;
				const ring = Math.max(Math.abs(dx), Math.abs(dy));
				this.setFunction(x, y, ring !== 2 && ring !== 4);
			}
		}
	}

	private drawAlignment(cx: number, cy: number): void {
		for (let dy = -2; dy <= 2; dy++) {
			for (let dx = -2; dx <= 2; dx++) this.setFunction(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
		}
	}

	/**
	 * Format information (§7.9): the level's two bits and the mask number, BCH(15,5)-protected with generator
	 * 0x537, XORed with 0x5412, drawn twice; plus the dark module at (8, size − 8).
	 */
	drawFormatBits(mask: number, level: ErrorCorrectionLevel = 'L'): void {
		const data = (FORMAT_BITS[level] << 3) | mask;
		let remainder = data;
		for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
		const bits = ((data << 10) | remainder) ^ 0x5412;
		const bit = (i: number) => ((bits >>> i) & 1) === 1;
		const size = this.size;
		// Around the top-left finder: bits 0–7 down column 8 (skipping the timing row), 8–14 leftwards along row 8.
		for (let i = 0; i <= 5; i++) this.setFunction(8, i, bit(i));
		this.setFunction(8, 7, bit(6));
		this.setFunction(8, 8, bit(7));
		this.setFunction(7, 8, bit(8));
		for (let i = 9; i < 15; i++) this.setFunction(14 - i, 8, bit(i));
		// The copy: bits 0–7 along row 8 from the right edge, bits 8–14 up column 8 from the bottom.
		for (let i = 0; i < 8; i++) this.setFunction(size - 1 - i, 8, bit(i));
		for (let i = 8; i < 15; i++) this.setFunction(8, size - 15 + i, bit(i));
		this.setFunction(8, size - 8, true);
	}

	/** Version information for versions 7 and up (§7.10): 6 bits, BCH(18,6) with generator 0x1F25, in two 6×3 blocks. */
	private drawVersionBits(): void {
		if (this.version < 7) return;
		let remainder = this.version;
		for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
		const bits = (this.version << 12) | remainder;
		for (let i = 0; i < 18; i++) {
			const dark = ((bits >>> i) & 1) === 1;
			const a = this.size - 11 + (i % 3);
			const b = Math.floor(i / 3);
			this.setFunction(a, b, dark);
			this.setFunction(b, a, dark);
		}
	}

	/**
	 * Places the codewords (§7.7.3): two-module-wide columns from the right edge, alternately upwards and
	 * downwards, skipping the vertical timing column; bits most significant first; leftover modules stay light.
	 */
	placeCodewords(codewords: Uint8Array): void {
		const totalBits = codewords.length * 8;
		let bitIndex = 0;
		for (let right = this.size - 1; right >= 1; right -= 2) {
			if (right === 6) right = 5;
			const upward = ((right + 1) & 2) === 0;
			for (let step = 0; step < this.size; step++) {
				const y = upward ? this.size - 1 - step : step;
				for (let j = 0; j < 2; j++) {
					const x = right - j;
					if (this.isReserved(x, y)) continue;
					if (bitIndex < totalBits) {
						this.dark[y * this.size + x] = (codewords[bitIndex >>> 3] >>> (7 - (bitIndex & 7))) & 1;
						bitIndex++;
					}
				}
			}
		}
		if (bitIndex !== totalBits) throw new Error('The codewords do not fill the symbol');
	}
}
