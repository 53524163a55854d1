import { BitBuffer } from './bit-buffer';
import {
	byteModeCountBits,
	dataCodewords,
	ecBlockCount,
	ecCodewordsPerBlock,
	MAX_VERSION,
	totalCodewords,
	type ErrorCorrectionLevel,
} from './qr-tables';
import { generatorPolynomial, reedSolomonRemainder } from './reed-solomon';

/** Mode indicator of byte mode (ISO/IEC 18004:2015 §7.4.2, Table 2). */
const BYTE_MODE = 0b0100;
/** Pad codewords 11101100 and 00010001, alternating (§7.4.10). */
const PAD_CODEWORDS = [0xec, 0x11];

/** Bits a byte-mode segment of `length` bytes takes in a symbol of `version`. */
export function byteSegmentBits(length: number, version: number): number {
	return 4 + byteModeCountBits(version) + 8 * length;
}

/** The data codewords of one byte-mode segment: mode, count, data, terminator, bit padding and pad codewords (§7.4). */
export function dataCodewordsFor(bytes: Uint8Array, version: number, level: ErrorCorrectionLevel): Uint8Array {
	const capacityBits = dataCodewords(version, level) * 8;
	if (byteSegmentBits(bytes.length, version) > capacityBits) {
		throw new RangeError(`${bytes.length} bytes do not fit in version ${version}-${level}`);
	}
	const buffer = new BitBuffer();
	buffer.append(BYTE_MODE, 4);
	buffer.append(bytes.length, byteModeCountBits(version));
	for (const byte of bytes) buffer.append(byte, 8);
	buffer.append(0, Math.min(4, capacityBits - buffer.length));
	buffer.append(0, (8 - (buffer.length % 8)) % 8);
	for (let i = 0; buffer.length < capacityBits; i++) buffer.append(PAD_CODEWORDS[i % 2], 8);
	return buffer.toBytes();
}

/**
 * Splits the data codewords into the version's blocks, adds each block's error correction codewords and
 * interleaves them (§7.5.2, §7.6): data codeword i of every block in turn, then error correction codeword i.
 * Shorter blocks come first; the longer ones have one more data codeword.
 */
export function interleavedCodewords(data: Uint8Array, version: number, level: ErrorCorrectionLevel): Uint8Array {
	if (data.length !== dataCodewords(version, level)) throw new RangeError('Wrong number of data codewords for the version');
	const blockCount = ecBlockCount(version, level);
	const ecLength = ecCodewordsPerBlock(version, level);
	const total = totalCodewords(version);
	const shortBlocks = blockCount - (total % blockCount);
	const shortDataLength = Math.floor(total / blockCount) - ecLength;
	const generator = generatorPolynomial(ecLength);

	const dataBlocks: Uint8Array[] = [];
	const ecBlocks: Uint8Array[] = [];
	let offset = 0;
	for (let block = 0; block < blockCount; block++) {
		const length = shortDataLength + (block < shortBlocks ? 0 : 1);
		const blockData = data.subarray(offset, offset + length);
		offset += length;
		dataBlocks.push(blockData);
		ecBlocks.push(reedSolomonRemainder(blockData, generator));
	}

	const result = new Uint8Array(total);
	let position = 0;
	for (let i = 0; i <= shortDataLength; i++) {
		for (const block of dataBlocks) if (i < block.length) result[position++] = block[i];
	}
	for (let i = 0; i < ecLength; i++) {
		for (const block of ecBlocks) result[position++] = block[i];
	}
	return result;
}

/** The smallest version in [minVersion, MAX_VERSION] whose capacity holds the bytes at this level, if any. */
export function smallestVersionFor(byteLength: number, level: ErrorCorrectionLevel, minVersion = 1): number | undefined {
	for (let version = minVersion; version <= MAX_VERSION; version++) {
		if (byteSegmentBits(byteLength, version) <= dataCodewords(version, level) * 8) return version;
	}
	return undefined;
}
