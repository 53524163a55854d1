import { encodeQr, ERROR_CORRECTION_LEVELS, QrCapacityError, type ErrorCorrectionLevel } from '../../../nodes/shared/qr';
import { decodeRgba, decodeWithZxing, firstReading, rgbaOf } from './decode';

// qrcode (npm) is an independent encoder: with the same version and mask, the symbol must be the same module for module.
/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const theirs = require('qrcode') as {
	create(segments: Array<{ data: Uint8Array; mode: 'byte' }>, options: { errorCorrectionLevel: string; version?: number; maskPattern?: number }): {
		version: number;
		maskPattern: number;
		modules: { size: number; data: Uint8Array };
	};
};

/** A deterministic text of `length` bytes mixing ASCII, multi-byte UTF-8 and URL characters. */
function sampleText(length: number, seed: number): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.~:/?#[]@!$&\'()*+,;=%';
	let state = seed * 2654435761;
	let text = '';
	while (Buffer.byteLength(text) < length) {
		state = (state * 1103515245 + 12345) >>> 0;
		text += state % 17 === 0 ? 'é' : alphabet[state % alphabet.length];
	}
	while (Buffer.byteLength(text) > length) text = text.slice(0, -1);
	return text;
}

describe('QR encoder (byte mode, ISO/IEC 18004:2015)', () => {
	it('encodes a wa.me link that an independent decoder reads back', () => {
		const link = 'https://wa.me/15550100001?text=Hello%20Sandbox%20Shop%2C%20I%27d%20like%20to%20order';
		const code = encodeQr(link, { errorCorrection: 'M' });
		expect(code.size).toBe(code.version * 4 + 17);
		expect(decodeRgba(rgbaOf(code))?.text).toBe(link);
	});

	it('picks the smallest version that holds the data: 17 bytes fit 1-L, 18 need version 2', () => {
		expect(encodeQr('a'.repeat(17), { errorCorrection: 'L' }).version).toBe(1);
		expect(encodeQr('a'.repeat(18), { errorCorrection: 'L' }).version).toBe(2);
		expect(encodeQr('a'.repeat(2953), { errorCorrection: 'L' }).version).toBe(40);
		expect(encodeQr('a', { minVersion: 5 }).version).toBe(5);
	});

	it('refuses data beyond the largest version, naming the size and the limit', () => {
		expect(() => encodeQr('a'.repeat(2954), { errorCorrection: 'L' })).toThrow(QrCapacityError);
		expect(() => encodeQr('a'.repeat(1274), { errorCorrection: 'H' })).toThrow(/1274 bytes.*at most 1273/);
		expect(() => encodeQr('a'.repeat(30), { maxVersion: 1 })).toThrow(/version 1 at error correction M holds at most 14/);
	});

	it('validates its options', () => {
		expect(() => encodeQr('x', { errorCorrection: 'X' as ErrorCorrectionLevel })).toThrow(/L, M, Q, H/);
		expect(() => encodeQr('x', { minVersion: 0 })).toThrow(/minVersion/);
		expect(() => encodeQr('x', { minVersion: 5, maxVersion: 4 })).toThrow(/larger than maxVersion/);
		expect(() => encodeQr('x', { mask: 8 })).toThrow(/mask must be 0–7/);
	});

	it('raises the error correction level within the same version when asked to', () => {
		const plain = encodeQr('hi', { errorCorrection: 'L' });
		const boosted = encodeQr('hi', { errorCorrection: 'L', boostErrorCorrection: true });
		expect(plain.errorCorrection).toBe('L');
		expect(boosted).toMatchObject({ version: 1, errorCorrection: 'H' });
	});

	it('chooses the mask with the lowest penalty (forcing any other mask never scores lower)', () => {
		const { penaltyScore } = jest.requireActual<typeof import('../../../nodes/shared/qr/masking')>('../../../nodes/shared/qr/masking');
		for (const text of ['https://wa.me/15550100001', sampleText(100, 3), sampleText(400, 9)]) {
			const chosen = encodeQr(text);
			const chosenScore = penaltyScore(chosen.modules, chosen.size);
			for (let mask = 0; mask < 8; mask++) {
				const forced = encodeQr(text, { mask });
				expect(penaltyScore(forced.modules, forced.size)).toBeGreaterThanOrEqual(chosenScore);
			}
		}
	});

	describe.each(ERROR_CORRECTION_LEVELS)('at error correction %s', (level) => {
		it.each(Array.from({ length: 40 }, (_, i) => i + 1))('version %i matches an independent encoder module for module and decodes', (version) => {
			// Near the version's capacity, so that every version is exercised (filled bytes vary with the version).
			const capacity = capacityOf(version, level);
			const bytes = Buffer.from(sampleText(Math.max(1, capacity - (version % 5)), version * 7 + level.charCodeAt(0)));
			const ours = encodeQr(bytes, { errorCorrection: level, minVersion: version, maxVersion: version });
			expect(ours.version).toBe(version);
			const reference = theirs.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: level, version, maskPattern: ours.mask });
			expect(reference.version).toBe(version);
			expect(Buffer.from(ours.modules).equals(Buffer.from(reference.modules.data))).toBe(true);
			expect(firstReading(ours, [2, 1, 3], decodeWithZxing)?.bytes.equals(bytes)).toBe(true);
		});
	});

	// jsQR is slower (about 0.5 s a symbol): a sample of versions, one level each. Not version 23: jsQR's table has
	// a wrong alignment centre there (cozmo/jsQR#251) and it reads no version-23 symbol at all; ZXing reads ours above.
	it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 21, 27, 32, 36, 40])('jsQR reads version %i too', (version) => {
		const level = ERROR_CORRECTION_LEVELS[version % 4];
		const text = sampleText(capacityOf(version, level), version);
		const decoded = firstReading(encodeQr(text, { errorCorrection: level, minVersion: version, maxVersion: version }), [1, 2, 3], decodeRgba);
		expect(decoded).toMatchObject({ version, text });
	});

	it('decodes across 300 varied inputs with every mask and level', () => {
		for (let i = 0; i < 300; i++) {
			const text = sampleText(1 + ((i * 37) % 500), i);
			const code = encodeQr(text, { errorCorrection: ERROR_CORRECTION_LEVELS[i % 4], mask: i % 8 });
			expect(firstReading(code, [2, 1, 3], decodeWithZxing)?.text).toBe(text);
		}
	});
});

/** Bytes a byte-mode segment can hold in the version (data codewords minus mode and count fields). */
function capacityOf(version: number, level: ErrorCorrectionLevel): number {
	const { dataCodewords } = jest.requireActual<typeof import('../../../nodes/shared/qr/qr-tables')>('../../../nodes/shared/qr/qr-tables');
	return dataCodewords(version, level) - (version <= 9 ? 2 : 3);
}
