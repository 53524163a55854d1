// Business phone number registration (cloud-api/reference/registration, cloud-api/reference/phone-numbers; Postman
// "Request Verification Code", "Verify Code", "Register Phone", "Set Two-Step Verification Code"):
// POST /{phone-number-id}/request_code {code_method: SMS|VOICE, language}, /verify_code {code},
// /register {messaging_product: "whatsapp", pin: 6 digits, data_localization_region?}. Register (and deregister) is
// limited to 10 calls per number in 72 hours; the 11th answers 133016 (cloud-api/support/error-codes).
import { canUsePhoneNumber } from '../auth';
import { graphErrorFromSpec } from '../error-catalogue';
import { invalidParameterWithDetails, parameterNotOneOf, requiredParameter, unsupportedRequest } from '../errors';
import type { SandboxState } from '../state';
import type { GraphRoute } from './types';

export const REGISTER_CALLS_PER_WINDOW = 10;
export const REGISTER_WINDOW_MS = 72 * 60 * 60 * 1000;

/** Data localization regions Meta lists for local storage (cloud-api/overview/local-storage). */
export const DATA_LOCALIZATION_REGIONS = ['AU', 'ID', 'IN', 'JP', 'SG', 'KR', 'DE', 'CH', 'GB', 'BR', 'BH', 'ZA', 'AE', 'CA'] as const;

export interface PhoneRegistration {
	/** The last code sent by SMS / voice (what the number's owner would receive). */
	requestedCode?: string;
	codeMethod?: string;
	verified: boolean;
	registered: boolean;
	twoStepPin?: string;
	dataLocalizationRegion?: string;
	registerCalls: number[];
}

export function registrationOf(state: SandboxState, phoneNumberId: string): PhoneRegistration {
	let registration = state.registrations.get(phoneNumberId);
	if (registration === undefined) {
		registration = { verified: true, registered: true, registerCalls: [] };
		state.registrations.set(phoneNumberId, registration);
	}
	return registration;
}

/** A two-step verification PIN: exactly six digits. */
export function checkedPin(pin: unknown): string {
	if (pin === undefined || pin === '') throw requiredParameter('pin');
	const text = String(pin);
	if (!/^[0-9]{6}$/.test(text)) throw invalidParameterWithDetails('pin must be a 6-digit number');
	return text;
}

export const requestCode: GraphRoute<'phoneNumber'> = {
	method: 'POST',
	node: 'phoneNumber',
	edge: 'request_code',
	source: 'cloud-api/reference/phone-numbers (request_code); Postman "Request Verification Code"',
	handle(ctx) {
		if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw unsupportedRequest('POST', ctx.node.id);
		const method = String(ctx.params.code_method ?? '').toUpperCase();
		if (method === '') throw requiredParameter('code_method');
		if (!['SMS', 'VOICE'].includes(method)) throw parameterNotOneOf('code_method', ['SMS', 'VOICE'], String(ctx.params.code_method));
		// Meta's reference names it `language`; the Postman collection sends `locale`.
		if ((ctx.params.language ?? ctx.params.locale) === undefined) throw requiredParameter('language');
		const registration = registrationOf(ctx.state, ctx.node.id);
		registration.requestedCode = String(Math.floor(ctx.state.random.next() * 1_000_000)).padStart(6, '0');
		registration.codeMethod = method;
		return { status: 200, body: { success: true } };
	},
};

export const verifyCode: GraphRoute<'phoneNumber'> = {
	method: 'POST',
	node: 'phoneNumber',
	edge: 'verify_code',
	source: 'cloud-api/reference/phone-numbers (verify_code); Postman "Verify Code"',
	handle(ctx) {
		if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw unsupportedRequest('POST', ctx.node.id);
		if (ctx.params.code === undefined || ctx.params.code === '') throw requiredParameter('code');
		const registration = registrationOf(ctx.state, ctx.node.id);
		if (registration.requestedCode === undefined || String(ctx.params.code) !== registration.requestedCode) {
			throw invalidParameterWithDetails('The verification code is incorrect or was not requested');
		}
		registration.requestedCode = undefined;
		registration.verified = true;
		return { status: 200, body: { success: true } };
	},
};

export const registerPhoneNumber: GraphRoute<'phoneNumber'> = {
	method: 'POST',
	node: 'phoneNumber',
	edge: 'register',
	source: 'cloud-api/reference/registration; Postman "Register Phone"; 133005 / 133016 in cloud-api/support/error-codes',
	handle(ctx) {
		if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw unsupportedRequest('POST', ctx.node.id);
		if (ctx.params.messaging_product !== 'whatsapp') throw parameterNotOneOf('messaging_product', ['whatsapp'], String(ctx.params.messaging_product));
		const pin = checkedPin(ctx.params.pin);
		const region = ctx.params.data_localization_region;
		if (region !== undefined && !(DATA_LOCALIZATION_REGIONS as readonly string[]).includes(String(region))) {
			throw parameterNotOneOf('data_localization_region', DATA_LOCALIZATION_REGIONS, String(region));
		}
		const registration = registrationOf(ctx.state, ctx.node.id);
		const now = Date.now();
		registration.registerCalls = registration.registerCalls.filter((at) => at > now - REGISTER_WINDOW_MS);
		if (registration.registerCalls.length >= REGISTER_CALLS_PER_WINDOW) {
			throw graphErrorFromSpec({ status: 400, errorCode: 133016, message: '(#133016) Account register deregister rate limit exceeded', details: 'Registration attempts for this phone number exceeded the limit: 10 in 72 hours' });
		}
		registration.registerCalls.push(now);
		// With two-step verification on, the PIN must match; without, registering sets it (cloud-api/reference/registration).
		if (registration.twoStepPin !== undefined && registration.twoStepPin !== pin) {
			throw graphErrorFromSpec({ status: 400, errorCode: 133005, message: '(#133005) Two step verification PIN Mismatch', details: 'The PIN does not match the two-step verification PIN of this number' });
		}
		registration.twoStepPin = pin;
		registration.registered = true;
		if (region !== undefined) registration.dataLocalizationRegion = String(region);
		return { status: 200, body: { success: true } };
	},
};
