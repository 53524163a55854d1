/** CRC-32 as PNG chunks use it (ISO 3309 / ITU-T V.42 polynomial, reflected 0xEDB88320; PNG spec §5.5). */
const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(...parts: Uint8Array[]): number {
	let crc = 0xffffffff;
	for (const part of parts) {
		for (const byte of part) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/** Adler-32, the checksum ending a zlib stream (RFC 1950 §8.2). */
export function adler32(data: Uint8Array): number {
	const MOD = 65521;
	let a = 1;
	let b = 0;
	// 5552 is the largest run before b can overflow 2^32 between reductions (zlib's NMAX).
	for (let start = 0; start < data.length; start += 5552) {
		const end = Math.min(start + 5552, data.length);
		for (let i = start; i < end; i++) {
			a += data[i];
			b += a;
		}
		a %= MOD;
		b %= MOD;
	}
	return ((b << 16) | a) >>> 0;
}
