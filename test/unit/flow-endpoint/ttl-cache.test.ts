import { TtlCache } from '../../../nodes/shared/flow-endpoint/ttl-cache';

describe('TtlCache', () => {
	let now = 1_000;
	const cache = () => new TtlCache<string>(100, 2, () => now);

	it('returns a value with its age until it expires', () => {
		now = 1_000;
		const c = cache();
		c.set('a', 'A');
		now = 1_060;
		expect(c.getEntry('a')).toEqual({ value: 'A', ageMs: 60 });
		now = 1_100;
		expect(c.get('a')).toBeUndefined();
		expect(c.size).toBe(0);
	});

	it('keeps at most `capacity` entries, dropping the one set longest ago', () => {
		now = 0;
		const c = cache();
		c.set('a', 'A');
		c.set('b', 'B');
		c.set('a', 'A2');
		c.set('c', 'C');
		expect([c.get('a'), c.get('b'), c.get('c')]).toEqual(['A2', undefined, 'C']);
	});

	it('setting again restarts the clock; delete removes', () => {
		now = 0;
		const c = cache();
		c.set('a', 'A');
		now = 90;
		c.set('a', 'A');
		now = 150;
		expect(c.get('a')).toBe('A');
		c.delete('a');
		expect(c.get('a')).toBeUndefined();
	});
});

describe('TtlCache.pruneExpired', () => {
	it('removes only the entries whose time is up', () => {
		let now = 0;
		const c = new TtlCache<string>(100, 10, () => now);
		c.set('a', 'A');
		now = 50;
		c.set('b', 'B');
		now = 120;
		c.pruneExpired();
		expect(c.size).toBe(1);
		expect(c.get('b')).toBe('B');
	});
});
