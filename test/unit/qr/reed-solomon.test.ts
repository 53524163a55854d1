import { gfMultiply, gfPower } from '../../../nodes/shared/qr/gf256';
import { generatorPolynomial, reedSolomonRemainder } from '../../../nodes/shared/qr/reed-solomon';

describe('GF(256) and Reed–Solomon as QR codes use them', () => {
	it('has α^8 = x^4 + x^3 + x^2 + 1 (the field polynomial 0x11D) and α^255 = 1', () => {
		expect(gfPower(8)).toBe(0x1d);
		expect(gfPower(255)).toBe(1);
		expect(gfMultiply(gfPower(100), gfPower(200))).toBe(gfPower(300));
		expect(gfMultiply(0, 0x53)).toBe(0);
	});

	it('builds the degree-7 generator polynomial of ISO/IEC 18004 Annex A (exponents 87 229 146 149 238 102 21)', () => {
		const log = new Map<number, number>();
		for (let p = 0; p < 255; p++) log.set(gfPower(p), p);
		expect([...generatorPolynomial(7)].map((c) => log.get(c))).toEqual([87, 229, 146, 149, 238, 102, 21]);
	});

	it('computes the error correction codewords of the standard\'s worked example "01234567", version 1-M (Annex I)', () => {
		const data = Uint8Array.from([0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11]);
		const ec = reedSolomonRemainder(data, generatorPolynomial(10));
		expect(Buffer.from(ec).toString('hex')).toBe('a524d4c1ed36c7872c55');
	});
});
