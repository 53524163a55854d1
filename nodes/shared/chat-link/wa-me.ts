/**
 * Click-to-chat links (WhatsApp Help Center "How to use click to chat", faq.whatsapp.com/5913398998672934):
 * https://wa.me/<number> with the full number in international format — digits only, no "+", no leading zeros,
 * brackets or dashes — and ?text=<URL-encoded text> for a prefilled message; https://wa.me/?text=… without a
 * number lets the user pick the chat.
 */
export const WA_ME_BASE = 'https://wa.me/';

/** ITU-T E.164: at most 15 digits, country code first (which never starts with 0). */
const E164_MAX_DIGITS = 15;
const MIN_DIGITS = 7;

export function phoneNumberForLink(input: string): string {
	const compact = input.trim().replace(/[\s().\-/]/g, '');
	const digits = compact.startsWith('+') ? compact.slice(1) : compact;
	if (!/^\d+$/.test(digits)) throw new Error(`"${input}" is not a phone number: use digits in international format, e.g. +1 555 010 0001.`);
	if (digits.startsWith('0')) {
		throw new Error(`"${input}" starts with 0: write the number in international format, country code first, without 00 or a trunk 0 (e.g. 4915123456789).`);
	}
	if (digits.length < MIN_DIGITS || digits.length > E164_MAX_DIGITS) {
		throw new Error(`"${input}" has ${digits.length} digits; an international number has ${MIN_DIGITS} to ${E164_MAX_DIGITS}.`);
	}
	return digits;
}

/** The wa.me link; `phoneNumber` empty or undefined leaves the chat to the user. */
export function waMeLink(phoneNumber: string | undefined, text?: string): string {
	const number = phoneNumber === undefined || phoneNumber.trim() === '' ? '' : phoneNumberForLink(phoneNumber);
	const query = text === undefined || text === '' ? '' : `?text=${encodeURIComponent(text)}`;
	if (number === '' && query === '') throw new Error('A wa.me link needs a phone number, a prefilled text, or both.');
	return `${WA_ME_BASE}${number}${query}`;
}
