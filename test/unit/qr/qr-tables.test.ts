import {
	alignmentPatternCentres,
	dataCodewords,
	ecBlockCount,
	ecCodewordsPerBlock,
	ERROR_CORRECTION_LEVELS,
	totalCodewords,
} from '../../../nodes/shared/qr/qr-tables';

// qrcode (npm) carries its own copy of the standard's tables: an independent transcription to check ours against.
/* eslint-disable @typescript-eslint/no-require-imports */
const theirEcc = require('qrcode/lib/core/error-correction-code') as {
	getBlocksCount(version: number, level: unknown): number;
	getTotalCodewordsCount(version: number, level: unknown): number;
};
const theirLevels = require('qrcode/lib/core/error-correction-level') as Record<string, unknown>;
const theirAlignment = require('qrcode/lib/core/alignment-pattern') as { getRowColCoords(version: number): number[] };
const theirUtils = require('qrcode/lib/core/utils') as { getSymbolTotalCodewords(version: number): number };
/* eslint-enable @typescript-eslint/no-require-imports */

const versions = Array.from({ length: 40 }, (_, i) => i + 1);

describe('QR code version tables (ISO/IEC 18004:2015 Table 9, Annex E)', () => {
	it.each(versions)('version %i: codewords, blocks and alignment centres agree with an independent transcription', (version) => {
		expect(totalCodewords(version)).toBe(theirUtils.getSymbolTotalCodewords(version));
		expect(alignmentPatternCentres(version)).toEqual(theirAlignment.getRowColCoords(version));
		for (const level of ERROR_CORRECTION_LEVELS) {
			expect(ecBlockCount(version, level)).toBe(theirEcc.getBlocksCount(version, theirLevels[level]));
			expect(ecCodewordsPerBlock(version, level) * ecBlockCount(version, level)).toBe(theirEcc.getTotalCodewordsCount(version, theirLevels[level]));
		}
	});

	it('gives the standard\'s data capacities at the corners: 1-L 19, 1-H 9, 40-L 2956, 40-H 1276 codewords', () => {
		expect(dataCodewords(1, 'L')).toBe(19);
		expect(dataCodewords(1, 'H')).toBe(9);
		expect(dataCodewords(40, 'L')).toBe(2956);
		expect(dataCodewords(40, 'H')).toBe(1276);
	});
});
