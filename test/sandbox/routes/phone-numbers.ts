// GET /{phone-number-id}: the business phone number node.
// Follows cloud-api/reference/phone-numbers and the Postman requests "Get Phone Number By ID" and
// "Get Display Name Status (Beta)".
// POST /{phone-number-id} {webhook_configuration: {override_callback_uri, verify_token}}: the number's alternate
// callback URL (whatsapp/webhooks/override); an empty override_callback_uri removes it.
import { canUsePhoneNumber } from '../auth';
import { verifyCallbackUrl } from '../callback-verification';
import { invalidParameterWithDetails, notSimulated, parameterTooLong, requiredParameter, unsupportedRequest } from '../errors';
import { parseFieldsParam, selectFields } from '../fields';
import type { SeedPhoneNumber } from '../seed';
import type { SandboxState } from '../state';
import { checkedPin, registrationOf } from './registration';
import type { GraphRoute } from './types';

/** whatsapp/webhooks/override: "Maximum 200 characters." (phone number and WABA alternate callback URLs). */
export const OVERRIDE_URI_MAX_LENGTH = 200;

/**
 * GET ?fields=webhook_configuration (whatsapp/webhooks/override, "Get phone number alternate callback"):
 * {phone_number?, whatsapp_business_account?, application}; whatsapp_business_account "is only included if the WABA
 * associated with the business phone number also has an alternate callback URL set".
 */
export function webhookConfiguration(state: SandboxState, phoneNumberId: string): Record<string, string> {
	const config: Record<string, string> = {};
	const phone = state.phoneOverrides.get(phoneNumberId)?.overrideCallbackUri;
	if (phone !== undefined) config.phone_number = phone;
	const waba = state.subscriptions.find((s) => s.appId === state.seed.app.id)?.overrideCallbackUri;
	if (waba !== undefined) config.whatsapp_business_account = waba;
	if (state.config.webhooks.callbackUrl !== null) config.application = state.config.webhooks.callbackUrl;
	return config;
}

/** Checks an alternate callback URL as Meta does: an http(s) URL of at most 200 characters, with its verify token. */
export function checkOverrideUri(uri: unknown, verifyToken: unknown, name: string): { uri: string; verifyToken: string } {
	if (typeof uri !== 'string' || !/^https?:\/\//.test(uri)) throw invalidParameterWithDetails(`${name} must be an https URL`);
	if (uri.length > OVERRIDE_URI_MAX_LENGTH) throw parameterTooLong(name, OVERRIDE_URI_MAX_LENGTH);
	if (typeof verifyToken !== 'string' || verifyToken === '') throw requiredParameter('verify_token');
	return { uri, verifyToken };
}

/** Default fields, in the order of Meta's reference example (the Postman example shows four of them). */
export const PHONE_NUMBER_DEFAULT_FIELDS = [
	'verified_name',
	'code_verification_status',
	'display_phone_number',
	'quality_rating',
	'platform_type',
	'throughput',
	'id',
] as const;

export function phoneNumberFields(p: SeedPhoneNumber): Record<string, unknown> {
	return {
		id: p.id,
		verified_name: p.verifiedName,
		code_verification_status: p.codeVerificationStatus,
		display_phone_number: p.displayPhoneNumber,
		quality_rating: p.qualityRating,
		platform_type: p.platformType,
		throughput: { level: p.throughputLevel },
		name_status: p.nameStatus,
		status: 'CONNECTED',
		messaging_limit_tier: p.messagingLimitTier,
		is_official_business_account: false,
		account_mode: 'LIVE',
	};
}

export const getPhoneNumber: GraphRoute<'phoneNumber'> = {
	method: 'GET',
	node: 'phoneNumber',
	edge: null,
	source: 'cloud-api/reference/phone-numbers; Postman "Get Phone Number By ID"',
	handle(ctx) {
		// Without the asset permission Graph answers as if the object did not exist (code 100, subcode 33).
		if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw unsupportedRequest('GET', ctx.node.id);
		const body = selectFields(
			{ ...phoneNumberFields(ctx.node.phoneNumber), webhook_configuration: webhookConfiguration(ctx.state, ctx.node.id) },
			PHONE_NUMBER_DEFAULT_FIELDS,
			parseFieldsParam(ctx.params.fields),
			ctx.node.typeName,
		);
		return { status: 200, body };
	},
};

export const updatePhoneNumber: GraphRoute<'phoneNumber'> = {
	method: 'POST',
	node: 'phoneNumber',
	edge: null,
	source: 'whatsapp/webhooks/override ("Set / Delete phone number alternate callback")',
	async handle(ctx) {
		if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw unsupportedRequest('POST', ctx.node.id);
		let config = ctx.params.webhook_configuration;
		// Form bodies carry the object as JSON text, as Graph reads it.
		if (typeof config === 'string') {
			try {
				config = JSON.parse(config) as unknown;
			} catch {
				throw invalidParameterWithDetails('webhook_configuration must be a JSON object');
			}
		}
		// Two-step verification: POST /{phone-number-id} {pin} (Postman "Set Two-Step Verification Code").
		if (config === undefined && ctx.params.pin !== undefined) {
			registrationOf(ctx.state, ctx.node.id).twoStepPin = checkedPin(ctx.params.pin);
			return { status: 200, body: { success: true } };
		}
		if (config === undefined) throw notSimulated(`POST /{phone-number-id} with ${Object.keys(ctx.params).join(', ') || 'no parameters'}`);
		if (typeof config !== 'object' || config === null) throw invalidParameterWithDetails('webhook_configuration must be an object');
		const { override_callback_uri: uri, verify_token: verifyToken } = config as Record<string, unknown>;
		if (uri === '') {
			ctx.state.phoneOverrides.delete(ctx.node.id);
			return { status: 200, body: { success: true } };
		}
		const checked = checkOverrideUri(uri, verifyToken, "webhook_configuration['override_callback_uri']");
		await verifyCallbackUrl(ctx.state, checked.uri, checked.verifyToken);
		ctx.state.phoneOverrides.set(ctx.node.id, { overrideCallbackUri: checked.uri, verifyToken: checked.verifyToken });
		return { status: 200, body: { success: true } };
	},
};
