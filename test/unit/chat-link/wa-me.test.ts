import { phoneNumberForLink, waMeLink } from '../../../nodes/shared/chat-link/wa-me';

describe('wa.me click-to-chat links', () => {
	it('writes the number as digits in international format and URL-encodes the prefilled text', () => {
		expect(waMeLink('+1 (555) 010-0001', 'Hi! Is the 50% offer still on? 👋')).toBe('https://wa.me/15550100001?text=Hi!%20Is%20the%2050%25%20offer%20still%20on%3F%20%F0%9F%91%8B');
		expect(waMeLink('4915123456789')).toBe('https://wa.me/4915123456789');
		expect(waMeLink('', 'Tell a friend: https://example.com/?a=1&b=2')).toBe('https://wa.me/?text=Tell%20a%20friend%3A%20https%3A%2F%2Fexample.com%2F%3Fa%3D1%26b%3D2');
	});

	it('round-trips the text through URL decoding', () => {
		const text = 'Line 1\nLine 2 & more + "quotes" # é ß 中文';
		const link = new URL(waMeLink('15550100001', text));
		expect(link.searchParams.get('text')).toBe(text);
	});

	it('refuses numbers WhatsApp cannot open, saying why', () => {
		expect(() => phoneNumberForLink('0049 151 2345678')).toThrow(/starts with 0: .*without 00/);
		expect(() => phoneNumberForLink('+1 555 CALL NOW')).toThrow(/not a phone number/);
		expect(() => phoneNumberForLink('12345')).toThrow(/5 digits; an international number has 7 to 15/);
		expect(() => phoneNumberForLink('1234567890123456')).toThrow(/16 digits/);
		expect(() => waMeLink(undefined, '')).toThrow(/needs a phone number, a prefilled text, or both/);
	});
});
