import { MessageFieldError } from '../../../nodes/shared/messages/field-checks';
import { normalizeWaId, toField } from '../../../nodes/shared/messages/recipient';

describe('normalizeWaId: the wa_id of a number as people type it', () => {
	it.each([
		['+1 (555) 010-7777', '15550107777'],
		['15550107777', '15550107777'],
		['0049 151 2345 678', '491512345678'],
		['+44 (0)20 7946 0958', '442079460958'],
		['+49.151.2345.678', '491512345678'],
		['  +55 11 98765-4321 ', '5511987654321'],
	])('%s → %s', (input, waId) => {
		expect(normalizeWaId(input)).toBe(waId);
	});

	it('accepts numbers stored as numbers (a sheet column)', () => {
		expect(normalizeWaId(15550107777)).toBe('15550107777');
	});

	it('puts the default country code in front of a national number', () => {
		expect(normalizeWaId('0151 2345678', { defaultCountryCode: '+49' })).toBe('491512345678');
	});

	it('refuses a national number without a default country code, naming the field', () => {
		expect(() => normalizeWaId('0151 2345678', { field: 'Phone' })).toThrow(
			new MessageFieldError('Phone', 'Phone "0151 2345678" has no country code: write it as +<country code><number>, or set a default country code'),
		);
	});

	it.each([
		['', /To is required/],
		['call me', /is not a phone number/],
		['+1 555', /has 4 digits/],
		['+1234567890123456', /has 16 digits/],
		['1555+0107777', /"\+" in the wrong place/],
	])('refuses %j', (input, message) => {
		expect(() => normalizeWaId(input)).toThrow(message);
	});

	it('sends the number with its plus sign, so Meta never prepends the business number\'s country code', () => {
		expect(toField('15550107777')).toBe('+15550107777');
	});
});
