import { equalsConstantTime } from '../../../nodes/shared/crypto/constant-time';

describe('equalsConstantTime', () => {
	it('is true for equal strings and equal buffers', () => {
		expect(equalsConstantTime('sha256=abc', 'sha256=abc')).toBe(true);
		expect(equalsConstantTime(Buffer.from([1, 2, 3]), Buffer.from([1, 2, 3]))).toBe(true);
		expect(equalsConstantTime('', '')).toBe(true);
	});

	it('compares a string with a buffer by its UTF-8 bytes', () => {
		expect(equalsConstantTime('Kadıköy', Buffer.from('Kadıköy', 'utf8'))).toBe(true);
	});

	it('is false for values that differ in one byte', () => {
		expect(equalsConstantTime('abcdef', 'abcdeg')).toBe(false);
		expect(equalsConstantTime(Buffer.from([0, 0]), Buffer.from([0, 1]))).toBe(false);
	});

	it('returns false instead of throwing when the lengths differ', () => {
		expect(equalsConstantTime('abc', 'abcd')).toBe(false);
		expect(equalsConstantTime('', 'a')).toBe(false);
		expect(equalsConstantTime(Buffer.alloc(32), Buffer.alloc(31))).toBe(false);
	});
});
