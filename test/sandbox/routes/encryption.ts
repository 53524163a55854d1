// POST / GET /{phone-number-id}/whatsapp_business_encryption: the business public key of a phone number
// (cloud-api/reference/whatsapp-business-encryption; Postman "Set Encryption Public Key" sends business_public_key
// form-urlencoded and answers {"success": true}; "Get Encryption Public Key" answers
// {"data": [{"business_public_key", "business_public_key_signature_status": "VALID"}]}).
import { canUsePhoneNumber } from '../auth';
import { invalidParameterWithDetails, permissionDenied, requiredParameter, unsupportedRequest } from '../errors';
import { publicKeyProblem } from '../encryption-keys';
import type { GraphRoute } from './types';

export const setBusinessPublicKey: GraphRoute<'phoneNumber'> = {
	method: 'POST',
	node: 'phoneNumber',
	edge: 'whatsapp_business_encryption',
	source: 'cloud-api/reference/whatsapp-business-encryption; Postman "Set Encryption Public Key"',
	handle(ctx) {
		if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw permissionDenied();
		const pem = ctx.rawParams.business_public_key ?? ctx.params.business_public_key;
		if (typeof pem !== 'string' || pem.trim() === '') throw requiredParameter('business_public_key');
		const problem = publicKeyProblem(pem);
		// Meta's exact answer to a malformed key is not documented: code 100 with the reason (guess).
		if (problem !== null) throw invalidParameterWithDetails(`business_public_key must be a 2048-bit RSA public key in PEM format: ${problem}`);
		ctx.state.keys.set(ctx.node.id, pem);
		return { status: 200, body: { success: true } };
	},
};

export const getBusinessPublicKey: GraphRoute<'phoneNumber'> = {
	method: 'GET',
	node: 'phoneNumber',
	edge: 'whatsapp_business_encryption',
	source: 'cloud-api/reference/whatsapp-business-encryption; Postman "Get Encryption Public Key"',
	handle(ctx) {
		if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw unsupportedRequest('GET', ctx.node.id);
		const stored = ctx.state.keys.get(ctx.node.id);
		// Before any upload the list is empty (guess: Meta's reference shows only the uploaded case).
		const data = stored ? [{ business_public_key: stored.pem, business_public_key_signature_status: stored.status }] : [];
		return { status: 200, body: { data } };
	},
};
