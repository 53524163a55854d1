// GET /{phone-number-id}: the business phone number node.
// Follows cloud-api/reference/phone-numbers and the Postman requests "Get Phone Number By ID" and
// "Get Display Name Status (Beta)".
import { canUsePhoneNumber } from '../auth';
import { unsupportedRequest } from '../errors';
import { parseFieldsParam, selectFields } from '../fields';
import type { SeedPhoneNumber } from '../seed';
import type { GraphRoute } from './types';

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
			phoneNumberFields(ctx.node.phoneNumber),
			PHONE_NUMBER_DEFAULT_FIELDS,
			parseFieldsParam(ctx.params.fields),
			ctx.node.typeName,
		);
		return { status: 200, body };
	},
};
