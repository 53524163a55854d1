import { MessageFieldError } from './field-checks';
import { PHONE_NUMBER_LIMITS } from './limits';

export interface RecipientOptions {
	/** Digits of the country calling code for numbers written in national form ("0151 …"), e.g. "49". */
	defaultCountryCode?: string;
	/** The field name errors use. */
	field?: string;
}

/**
 * The wa_id a phone number is known by: its digits with the country calling code, nothing else. Accepts what people
 * type into sheets: "+49 (0)151 2345-678", "0049 151 2345678", "+1 (555) 010-7777", "15550107777", and, with a
 * default country code, "0151 2345678". Meta's `contacts[].wa_id` can still differ for a few countries (it reports
 * the number WhatsApp knows); pair-rate spacing and de-duplication key on this normalised form.
 */
export function normalizeWaId(input: unknown, options: RecipientOptions = {}): string {
	const field = options.field ?? 'To';
	const raw = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
	if (raw === '') throw new MessageFieldError(field, `${field} is required: the recipient's WhatsApp number`);
	// "(0)" is the national trunk prefix written inside an international number: "+44 (0)20 …" dials "+44 20 …".
	const withoutTrunk = raw.replace(/\(\s*0\s*\)/g, '');
	if (/[^0-9+\s().\-/]/.test(withoutTrunk)) {
		throw new MessageFieldError(field, `${field} "${raw}" is not a phone number (only digits, "+", spaces, dashes, dots and brackets)`);
	}
	const compact = withoutTrunk.replace(/[\s().\-/]/g, '');
	let digits: string;
	if (compact.startsWith('+')) digits = compact.slice(1);
	else if (compact.startsWith('00')) digits = compact.slice(2);
	else if (compact.startsWith('0')) {
		const countryCode = (options.defaultCountryCode ?? '').replace(/\D/g, '');
		if (countryCode === '') {
			throw new MessageFieldError(
				field,
				`${field} "${raw}" has no country code: write it as +<country code><number>, or set a default country code`,
			);
		}
		digits = countryCode + compact.replace(/^0+/, '');
	} else digits = compact;
	if (!/^[0-9]+$/.test(digits)) throw new MessageFieldError(field, `${field} "${raw}" has a "+" in the wrong place`);
	if (digits.length < PHONE_NUMBER_LIMITS.minDigits || digits.length > PHONE_NUMBER_LIMITS.maxDigits) {
		throw new MessageFieldError(
			field,
			`${field} "${raw}" has ${digits.length} digits; an international number has ${PHONE_NUMBER_LIMITS.minDigits} to ${PHONE_NUMBER_LIMITS.maxDigits}`,
		);
	}
	return digits;
}

/** What goes in a message's `to`: "+" and the wa_id, so Meta never prepends the business number's country code. */
export function toField(waId: string): string {
	return `+${waId}`;
}
