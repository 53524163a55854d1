// POST /{phone-number-id}/messages — sending a message. Follows cloud-api/reference/messages and the Postman
// requests "Send Text Message", "Send Reply to Text Message" and "Send Text Message with Preview URL" (which omits
// `type`: it defaults to text). Validation errors: cloud-api/support/error-codes (100 Invalid parameter, HTTP 400).
import { randomBytes } from 'node:crypto';
import { canUsePhoneNumber } from '../auth';
import {
	invalidParameterWithDetails,
	notSimulated,
	parameterNotOneOf,
	parameterTooLong,
	parameterWrongType,
	permissionDenied,
	requiredParameter,
} from '../errors';
import { isRecord } from '../http-io';
import { toWaId, type RecordedMessage } from '../state';
import type { GraphRoute } from './types';

/** Message types of cloud-api/reference/messages; only `text` is simulated so far. */
export const MESSAGE_TYPES = [
	'audio', 'contacts', 'document', 'image', 'interactive', 'location', 'reaction', 'sticker', 'template', 'text', 'video',
] as const;

/** cloud-api/reference/messages, text object: body "Maximum 4096 characters". */
export const TEXT_BODY_MAX = 4096;

/** A message id shaped like Meta's (Postman example "wamid.gBGGSFcCNEOPAgkO_KJ55r4w_ww"): wamid. + base64url. */
export function newWamid(waId: string): string {
	return `wamid.${Buffer.concat([Buffer.from(`${waId}:`, 'utf8'), randomBytes(18)]).toString('base64url')}`;
}

function present(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/** Booleans arrive as JSON booleans or, form-encoded, as "true"/"false". */
function readBoolean(value: unknown, name: string): boolean {
	if (value === undefined) return false;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw parameterWrongType(name, 'boolean');
}

export const sendMessage: GraphRoute<'phoneNumber'> = {
	method: 'POST',
	node: 'phoneNumber',
	edge: 'messages',
	source: 'cloud-api/reference/messages; Postman "Send Text Message"',
	handle(ctx) {
		if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw permissionDenied();
		const p = ctx.params;

		if (!present(p.messaging_product)) throw requiredParameter('messaging_product');
		if (p.messaging_product !== 'whatsapp') {
			throw parameterNotOneOf('messaging_product', ['WHATSAPP'], String(p.messaging_product));
		}
		// recipient_type: optional, "individual" by default (groups are not simulated).
		if (p.recipient_type !== undefined && p.recipient_type !== 'individual') {
			throw parameterNotOneOf('recipient_type', ['INDIVIDUAL'], String(p.recipient_type));
		}

		if (!present(p.to)) throw requiredParameter('to');
		if (typeof p.to !== 'string' && typeof p.to !== 'number') throw parameterWrongType('to', 'string');
		const to = String(p.to);
		const waId = toWaId(to);
		if (waId === '') throw invalidParameterWithDetails(`Invalid value for parameter 'to': ${to}`);

		const type = p.type === undefined ? 'text' : String(p.type);
		if (!(MESSAGE_TYPES as readonly string[]).includes(type)) {
			throw parameterNotOneOf('type', MESSAGE_TYPES.map((t) => t.toUpperCase()), type);
		}
		if (type !== 'text') throw notSimulated(`message type "${type}"`);

		const text = p.text;
		if (text !== undefined && !isRecord(text)) throw parameterWrongType('text', 'object');
		const body = text?.body;
		if (!present(body)) throw requiredParameter("text['body']");
		if (typeof body !== 'string') throw parameterWrongType("text['body']", 'string');
		// Characters, not UTF-16 code units: an emoji counts once.
		if ([...body].length > TEXT_BODY_MAX) throw parameterTooLong("text['body']", TEXT_BODY_MAX);
		const previewUrl = readBoolean(text?.preview_url, "text['preview_url']");

		let context: RecordedMessage['context'];
		if (p.context !== undefined) {
			if (!isRecord(p.context) || typeof p.context.message_id !== 'string') {
				throw requiredParameter("context['message_id']");
			}
			context = { message_id: p.context.message_id };
		}

		const message: RecordedMessage = {
			id: newWamid(waId),
			at: new Date().toISOString(),
			phoneNumberId: ctx.node.id,
			to,
			waId,
			type,
			text: { body, preview_url: previewUrl },
			request: p,
		};
		if (context) message.context = context;
		ctx.state.recordMessage(message);

		return {
			status: 200,
			body: {
				messaging_product: 'whatsapp',
				contacts: [{ input: to, wa_id: waId }],
				messages: [{ id: message.id }],
			},
		};
	},
};
