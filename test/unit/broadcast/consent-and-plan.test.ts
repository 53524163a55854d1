import { parseConsentValues, saysYes } from '../../../nodes/shared/broadcast/consent';
import { skipRepeatedRecipients, type PreparedItem } from '../../../nodes/shared/broadcast/plan';

describe('the consent gate', () => {
	it.each([true, 1, 'yes', 'YES ', 'y', 'true', 'opt-in', 'opted_in', 'subscribed', 'x', '✓'])('%j says yes', (value) => {
		expect(saysYes(value)).toBe(true);
	});

	it.each([false, 0, 2, '', ' ', 'no', 'n', 'false', 'unsubscribed', 'maybe', null, undefined, {}])('%j does not', (value) => {
		expect(saysYes(value)).toBe(false);
	});

	it('takes the yes-values the user lists instead', () => {
		const accepted = parseConsentValues('ja, oui');
		expect(saysYes('Ja', accepted)).toBe(true);
		expect(saysYes('yes', accepted)).toBe(false);
		expect(parseConsentValues(' , ')).toContain('yes');
	});
});

describe('one message per number', () => {
	const items: Array<PreparedItem<string>> = [
		{ kind: 'send', waId: '1', message: 'a' },
		{ kind: 'skip', reason: 'no_consent', waId: '2' },
		{ kind: 'send', waId: '1', message: 'b' },
		{ kind: 'send', waId: '2', message: 'c' },
	];

	it('passes over later items to a number already in the broadcast', () => {
		expect(skipRepeatedRecipients(items, true).map((item) => (item.kind === 'skip' ? item.reason : item.kind))).toEqual([
			'send',
			'no_consent',
			'duplicate_recipient',
			'send',
		]);
	});

	it('counts a number an item was already sent to (a re-run of the same list)', () => {
		const rerun: Array<PreparedItem<string>> = [
			{ kind: 'send', waId: '1', message: 'a' },
			{ kind: 'skip', reason: 'already_sent', waId: '1' },
		];
		expect(skipRepeatedRecipients(rerun, true)[0]).toEqual({ kind: 'skip', reason: 'duplicate_recipient', waId: '1' });
	});

	it('sends every item when asked to', () => {
		expect(skipRepeatedRecipients(items, false)).toBe(items);
	});
});
