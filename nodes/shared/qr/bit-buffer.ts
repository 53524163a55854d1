/** Bits appended most significant first, read out as bytes. */
export class BitBuffer {
	private readonly bits: number[] = [];

	get length(): number {
		return this.bits.length;
	}

	append(value: number, bitCount: number): void {
		if (bitCount < 0 || bitCount > 31 || value >>> bitCount !== 0) throw new RangeError(`${value} does not fit in ${bitCount} bits`);
		for (let i = bitCount - 1; i >= 0; i--) this.bits.push((value >>> i) & 1);
	}

	/** The bits as bytes; the length must be a multiple of 8. */
	toBytes(): Uint8Array {
		if (this.bits.length % 8 !== 0) throw new Error('The bit buffer does not end on a byte boundary');
		const bytes = new Uint8Array(this.bits.length / 8);
		this.bits.forEach((bit, i) => {
			bytes[i >>> 3] |= bit << (7 - (i & 7));
		});
		return bytes;
	}
}
