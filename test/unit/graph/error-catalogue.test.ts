import { describeMetaError, META_ERROR_CATALOGUE } from '../../../nodes/shared/graph/error-catalogue';

// Every code of META-FACTS.md plus the common Graph / Cloud API ones, with the retry rule each must carry.
const EXPECTED: Array<[code: number, subcode: number | undefined, retry: 'backoff' | 'never' | 'reads-only']> = [
	[4, undefined, 'backoff'],
	[80007, undefined, 'backoff'],
	[130429, undefined, 'backoff'],
	[131056, undefined, 'backoff'],
	[131047, undefined, 'never'],
	[131026, undefined, 'never'],
	[131049, undefined, 'never'],
	[131048, undefined, 'never'],
	[131050, undefined, 'never'],
	[132000, undefined, 'never'],
	[132001, undefined, 'never'],
	[132005, undefined, 'never'],
	[132007, undefined, 'never'],
	[132012, undefined, 'never'],
	[132015, undefined, 'never'],
	[132016, undefined, 'never'],
	[132068, undefined, 'never'],
	[132069, undefined, 'never'],
	[133016, undefined, 'never'],
	[139003, undefined, 'never'],
	[139004, undefined, 'never'],
	[139006, undefined, 'never'],
	[190, undefined, 'never'],
	[190, 463, 'never'],
	[190, 460, 'never'],
	[10, undefined, 'never'],
	[200, undefined, 'never'],
	[100, undefined, 'never'],
	[100, 33, 'never'],
	[368, undefined, 'never'],
	[131000, undefined, 'reads-only'],
	[131005, undefined, 'never'],
	[131008, undefined, 'never'],
	[131009, undefined, 'never'],
	[131021, undefined, 'never'],
	[131031, undefined, 'never'],
	[131042, undefined, 'never'],
	[131051, undefined, 'never'],
	[131052, undefined, 'never'],
	[131053, undefined, 'never'],
	[133010, undefined, 'never'],
	[133005, undefined, 'never'],
	[2, undefined, 'backoff'],
	[1, undefined, 'reads-only'],
];

describe('error catalogue', () => {
	it.each(EXPECTED)('lists code %p (subcode %p) with retry %p', (code, subcode, retry) => {
		const key = subcode === undefined ? String(code) : `${code}/${subcode}`;
		expect(META_ERROR_CATALOGUE[key]).toBeDefined();
		const entry = describeMetaError(code, subcode);
		expect(entry.known).toBe(true);
		expect(entry.retry).toBe(retry);
	});

	it.each(Object.entries(META_ERROR_CATALOGUE))('entry %p has a title, a one-sentence cause, a fix and a doc', (_key, entry) => {
		expect(entry.title.length).toBeGreaterThan(3);
		expect(entry.cause).toMatch(/^[A-Z].*\.$/);
		expect(entry.cause.replace(/\be\.g\./g, '').match(/\.\s/g)).toBeNull();
		expect(entry.fix.length).toBeGreaterThan(10);
		expect(entry.doc).toMatch(/^(graph-api|whatsapp)\//);
	});

	it('gives subcodes their own meaning and falls back to the code for unlisted subcodes', () => {
		expect(describeMetaError(190, 463).title).toBe('Access token expired');
		expect(describeMetaError(190, 460).title).toMatch(/password/);
		expect(describeMetaError(190, 999).title).toBe('Invalid access token');
		expect(describeMetaError(130429, 2494055).title).toBe('Throughput limit reached');
	});

	it('covers the 200-299 permission range and every 132xxx code', () => {
		expect(describeMetaError(294).title).toBe('API permission missing');
		expect(describeMetaError(132999)).toMatchObject({ known: true, retry: 'never' });
		expect(describeMetaError(132999).cause).toContain('132999');
	});

	it('gives an unknown code a generic entry that names it', () => {
		const entry = describeMetaError(424242);
		expect(entry).toMatchObject({ known: false, retry: 'never', title: 'Unknown Meta error' });
		expect(entry.cause).toContain('424242');
		expect(entry.fix).toContain('424242');
	});
});
