import {
	DEFAULT_OPT_IN_KEYWORDS,
	DEFAULT_OPT_OUT_KEYWORDS,
	keywordMatcher,
	normaliseKeyword,
} from '../../../nodes/shared/webhook-events/consent';

const matcher = keywordMatcher({ optOut: DEFAULT_OPT_OUT_KEYWORDS, optIn: DEFAULT_OPT_IN_KEYWORDS });

describe('consent keywords', () => {
	it.each([
		['STOP', 'opt_out'],
		['stop', 'opt_out'],
		['  Stop!  ', 'opt_out'],
		['Unsubscribe.', 'opt_out'],
		['opt-out', 'opt_out'],
		['RET', 'opt_out'], // Turkish (İYS)
		['Abonelikten çık', 'opt_out'],
		['baja', 'opt_out'], // Spanish
		['Darme de baja', 'opt_out'],
		['sair', 'opt_out'], // Portuguese
		['Descadastrar', 'opt_out'],
		['STOPP', 'opt_out'], // German
		['abmelden', 'opt_out'],
		['start', 'opt_in'],
		['Başla', 'opt_in'],
		['BASLA', 'opt_in'],
		['alta', 'opt_in'],
		['Anmelden', 'opt_in'],
	])('"%s" is %s', (text, action) => {
		expect(matcher.match(text)?.action).toBe(action);
	});

	it.each(['please stop sending me this', "don't stop", 'stopwatch', 'Start time?', '', '🛑', 'STOP '.repeat(20)])('"%s" is no keyword', (text) => {
		expect(matcher.match(text)).toBeUndefined();
	});

	it('names the configured keyword that matched', () => {
		expect(matcher.match('ABONELIKTEN CIK')).toEqual({ action: 'opt_out', keyword: 'ABONELİKTEN ÇIK' });
	});

	it('folds case, accents, the Turkish dotted and dotless i, and punctuation', () => {
		expect(normaliseKeyword('İptal')).toBe('IPTAL');
		expect(normaliseKeyword('ıptal')).toBe('IPTAL');
		expect(normaliseKeyword('Opt-Out!!')).toBe('OPT OUT');
		expect(normaliseKeyword('Désabonner')).toBe('DESABONNER');
	});

	it('uses the configured lists, and a word in both counts as opt-out', () => {
		const custom = keywordMatcher({ optOut: ['CANCEL', 'PAUSE'], optIn: ['RESUME', 'PAUSE'] });
		expect(custom.match('cancel')?.action).toBe('opt_out');
		expect(custom.match('resume')?.action).toBe('opt_in');
		expect(custom.match('pause')?.action).toBe('opt_out');
		expect(custom.match('stop')).toBeUndefined();
	});
});
