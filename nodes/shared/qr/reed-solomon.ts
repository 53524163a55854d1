import { gfMultiply, gfPower } from './gf256';

/**
 * Reed–Solomon error correction as QR codes use it (ISO/IEC 18004:2015 §7.5.2): the generator polynomial of
 * degree n is (x − α^0)(x − α^1)…(x − α^(n−1)); the error correction codewords are the remainder of the data
 * polynomial times x^n divided by it.
 */
export function generatorPolynomial(degree: number): Uint8Array {
	if (!Number.isInteger(degree) || degree < 1 || degree > 254) throw new RangeError(`Reed–Solomon degree ${degree} is out of range`);
	// Coefficients from the highest power down, the leading 1 left implicit: degree entries.
	const coefficients = new Uint8Array(degree);
	coefficients[degree - 1] = 1;
	for (let i = 0; i < degree; i++) {
		const root = gfPower(i);
		for (let j = 0; j < degree; j++) {
			coefficients[j] = gfMultiply(coefficients[j], root);
			if (j + 1 < degree) coefficients[j] ^= coefficients[j + 1];
		}
	}
	return coefficients;
}

export function reedSolomonRemainder(data: Uint8Array, generator: Uint8Array): Uint8Array {
	const remainder = new Uint8Array(generator.length);
	for (const byte of data) {
		const factor = byte ^ remainder[0];
		remainder.copyWithin(0, 1);
		remainder[remainder.length - 1] = 0;
		for (let i = 0; i < generator.length; i++) remainder[i] ^= gfMultiply(generator[i], factor);
	}
	return remainder;
}
