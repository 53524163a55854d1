/**
 * Arithmetic in GF(2^8) with the QR code's field polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D)
 * (ISO/IEC 18004:2015 §7.5.2, "Generating the error correction codewords").
 */
const FIELD_POLYNOMIAL = 0x11d;

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);

(function buildTables() {
	let value = 1;
	for (let power = 0; power < 255; power++) {
		EXP[power] = value;
		LOG[value] = power;
		value <<= 1;
		if (value & 0x100) value ^= FIELD_POLYNOMIAL;
	}
	// A second period so that EXP[LOG[a] + LOG[b]] needs no modulo.
	for (let power = 255; power < 512; power++) EXP[power] = EXP[power - 255];
})();

export function gfMultiply(a: number, b: number): number {
	if (a === 0 || b === 0) return 0;
	return EXP[LOG[a] + LOG[b]];
}

/** α^power for power ≥ 0. */
export function gfPower(power: number): number {
	return EXP[power % 255];
}
