import { checkVariants, pickVariant, stablePosition, type Variant } from '../../../nodes/shared/broadcast/variants';

const recipients = Array.from({ length: 10_000 }, (_, i) => `4915${String(i).padStart(8, '0')}`);

describe('A/B variants by a stable hash and weights', () => {
	const ab: Array<Variant<string>> = [
		{ name: 'A', weight: 70, value: 'spring_sale_a' },
		{ name: 'B', weight: 30, value: 'spring_sale_b' },
	];

	it('gives a recipient the same variant on every run', () => {
		for (const recipient of recipients.slice(0, 100)) {
			expect(pickVariant(ab, recipient, 'spring').name).toBe(pickVariant(ab, recipient, 'spring').name);
		}
	});

	it('splits recipients by the weights (70/30 within 2 points over 10,000)', () => {
		const inA = recipients.filter((r) => pickVariant(ab, r, 'spring').name === 'A').length;
		expect(inA / recipients.length).toBeGreaterThan(0.68);
		expect(inA / recipients.length).toBeLessThan(0.72);
	});

	it('draws a different split for a different experiment name', () => {
		const moved = recipients.filter((r) => pickVariant(ab, r, 'spring').name !== pickVariant(ab, r, 'autumn').name).length;
		expect(moved).toBeGreaterThan(3000);
	});

	it('never picks a variant of weight 0', () => {
		const off: Array<Variant<string>> = [{ name: 'A', weight: 1, value: 'a' }, { name: 'B', weight: 0, value: 'b' }];
		expect(recipients.every((r) => pickVariant(off, r, 'x').name === 'A')).toBe(true);
	});

	it('positions recipients uniformly in [0, 1)', () => {
		const positions = recipients.map((r) => stablePosition('x', r));
		expect(Math.min(...positions)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...positions)).toBeLessThan(1);
		const mean = positions.reduce((a, b) => a + b, 0) / positions.length;
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
	});

	it.each([
		[[{ name: '', weight: 1, value: 1 }], 'Variant 1: the name is required'],
		[[{ name: 'A-very-long-variant-name', weight: 1, value: 1 }], 'longer than 16 characters'],
		[[{ name: 'A', weight: 1, value: 1 }, { name: 'A', weight: 1, value: 2 }], 'Variant 2: the name "A" is used twice'],
		[[{ name: 'A', weight: -1, value: 1 }], 'the weight must be a number ≥ 0'],
		[[{ name: 'A', weight: 0, value: 1 }], 'at least one weight must be above 0'],
	])('refuses variants %j', (variants, message) => {
		expect(() => checkVariants(variants)).toThrow(message);
	});
});
