import { adler32 } from './checksums';

/** Largest LEN of a stored (uncompressed) deflate block (RFC 1951 §3.2.4). */
const MAX_STORED_BLOCK = 0xffff;

/**
 * A zlib stream (RFC 1950) whose deflate data (RFC 1951) is only stored blocks: valid for any inflater, no
 * compression. The package may not use node:zlib, and a QR code's pixels are small.
 */
export function zlibStored(data: Uint8Array): Uint8Array {
	const blockCount = Math.max(1, Math.ceil(data.length / MAX_STORED_BLOCK));
	const out = new Uint8Array(2 + blockCount * 5 + data.length + 4);
	// CMF 0x78: deflate with a 32 KiB window; FLG 0x01: fastest level, no dictionary, (CMF·256 + FLG) % 31 = 0.
	out[0] = 0x78;
	out[1] = 0x01;
	let position = 2;
	for (let block = 0; block < blockCount; block++) {
		const start = block * MAX_STORED_BLOCK;
		const length = Math.min(MAX_STORED_BLOCK, data.length - start);
		// Block header: BFINAL in bit 0, BTYPE 00 (stored); the rest of the byte is padding.
		out[position++] = block === blockCount - 1 ? 1 : 0;
		out[position++] = length & 0xff;
		out[position++] = length >>> 8;
		out[position++] = ~length & 0xff;
		out[position++] = (~length >>> 8) & 0xff;
		out.set(data.subarray(start, start + length), position);
		position += length;
	}
	const checksum = adler32(data);
	out[position++] = checksum >>> 24;
	out[position++] = (checksum >>> 16) & 0xff;
	out[position++] = (checksum >>> 8) & 0xff;
	out[position++] = checksum & 0xff;
	return out;
}
