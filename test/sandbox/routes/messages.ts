// POST /{phone-number-id}/messages — sending a message, or marking one as read. Follows cloud-api/reference/messages
// and the Postman requests "Send Text Message", "Send Reply Button", "Send List Message", "Send … Flow …",
// "Send Message Template Text", "Send Image Message by ID", "Send Reply with Reaction Message" and "Mark Message As
// Read" (a PUT in Postman; Meta's reference uses POST: both are served). Validation errors: cloud-api/support/
// error-codes (100 Invalid parameter, HTTP 400). Then, in order: sending limits (130429, 131056, synchronous), the
// 24-hour window for free-form messages (131047, by default in a `failed` status webhook as the Cloud API reports
// it), and status webhooks (sent → delivered → read).
import { canUsePhoneNumber } from '../auth';
import { graphErrorFromSpec } from '../error-catalogue';
import {
	invalidParameterWithDetails,
	notSimulated,
	parameterNotOneOf,
	parameterWrongType,
	permissionDenied,
	requiredParameter,
} from '../errors';
import { isRecord } from '../http-io';
import { newWamid } from '../message-ids';
import { scheduleStatuses } from '../message-statuses';
import { flowOf, validateInteractive } from '../message-types/interactive';
import { mediaValidator } from '../message-types/media';
import { validateReaction } from '../message-types/reaction';
import { validateTemplate } from '../message-types/template';
import { validateText } from '../message-types/text';
import { present, type MessageValidator } from '../message-types/types';
import { toWaId, type RecordedMessage } from '../state';
import type { GraphContext, GraphResult, GraphRoute } from './types';

export { newWamid } from '../message-ids';
export { TEXT_BODY_MAX } from '../message-types/text';

/** Message types of cloud-api/reference/messages. */
export const MESSAGE_TYPES = [
	'audio', 'contacts', 'document', 'image', 'interactive', 'location', 'reaction', 'sticker', 'template', 'text', 'video',
] as const;

const VALIDATORS: Partial<Record<(typeof MESSAGE_TYPES)[number], MessageValidator>> = {
	text: validateText,
	interactive: validateInteractive,
	template: validateTemplate,
	reaction: validateReaction,
	image: mediaValidator('image'),
	audio: mediaValidator('audio'),
	video: mediaValidator('video'),
	document: mediaValidator('document'),
	sticker: mediaValidator('sticker'),
};

/**
 * Mark as read (cloud-api/guides/mark-message-as-read; typing indicators: cloud-api/typing-indicators):
 * {messaging_product, status: "read", message_id, typing_indicator?: {type: "text"}} → {"success": true}.
 * The message must be one a user sent to this number.
 */
function markAsRead(ctx: GraphContext<Extract<GraphContext['node'], { kind: 'phoneNumber' }>>): GraphResult {
	const p = ctx.params;
	if (p.status !== 'read') throw parameterNotOneOf('status', ['READ'], String(p.status));
	if (!present(p.message_id)) throw requiredParameter('message_id');
	const inbound = ctx.state.users.inboundFrom().find((m) => m.id === p.message_id && m.phoneNumberId === ctx.node.id);
	if (!inbound) throw invalidParameterWithDetails(`Invalid message_id: ${String(p.message_id)}`);
	if (p.typing_indicator !== undefined) {
		if (!isRecord(p.typing_indicator) || p.typing_indicator.type !== 'text') {
			throw parameterNotOneOf("typing_indicator['type']", ['TEXT'], String(isRecord(p.typing_indicator) ? p.typing_indicator.type : p.typing_indicator));
		}
	}
	ctx.state.users.markRead(inbound.id, p.typing_indicator !== undefined);
	return { status: 200, body: { success: true } };
}

function handleSend(ctx: GraphContext<Extract<GraphContext['node'], { kind: 'phoneNumber' }>>): GraphResult {
	if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw permissionDenied();
	const p = ctx.params;

	if (!present(p.messaging_product)) throw requiredParameter('messaging_product');
	if (p.messaging_product !== 'whatsapp') {
		throw parameterNotOneOf('messaging_product', ['WHATSAPP'], String(p.messaging_product));
	}
	if (p.status !== undefined) return markAsRead(ctx);
	// recipient_type: optional, "individual" by default (groups are not simulated).
	if (p.recipient_type !== undefined && p.recipient_type !== 'individual') {
		throw parameterNotOneOf('recipient_type', ['INDIVIDUAL'], String(p.recipient_type));
	}

	if (!present(p.to)) throw requiredParameter('to');
	if (typeof p.to !== 'string' && typeof p.to !== 'number') throw parameterWrongType('to', 'string');
	const to = String(p.to);
	const waId = toWaId(to);
	if (waId === '') throw invalidParameterWithDetails(`Invalid value for parameter 'to': ${to}`);

	// `type` defaults to text (Postman "Send Text Message with Preview URL" omits it).
	const type = p.type === undefined ? 'text' : String(p.type);
	if (!(MESSAGE_TYPES as readonly string[]).includes(type)) {
		throw parameterNotOneOf('type', MESSAGE_TYPES.map((t) => t.toUpperCase()), type);
	}
	const validator = VALIDATORS[type as (typeof MESSAGE_TYPES)[number]];
	if (!validator) throw notSimulated(`message type "${type}"`);
	const content = validator(p[type], ctx);

	let context: RecordedMessage['context'];
	if (p.context !== undefined) {
		if (!isRecord(p.context) || typeof p.context.message_id !== 'string') {
			throw requiredParameter("context['message_id']");
		}
		context = { message_id: p.context.message_id };
	}

	const limited = ctx.state.limiter.check(ctx.state.config.messaging, ctx.node.id, waId);
	if (limited) throw limited;

	const outsideWindow = content.freeForm && ctx.state.config.messaging.enforceWindow && !ctx.state.users.windowOpen(ctx.node.id, waId);
	if (outsideWindow && ctx.state.config.messaging.windowError === 'sync') throw graphErrorFromSpec({ errorCode: 131047 });
	ctx.state.limiter.record(ctx.node.id, waId);

	const message: RecordedMessage = {
		id: newWamid(waId),
		at: new Date().toISOString(),
		phoneNumberId: ctx.node.id,
		to,
		waId,
		type,
		content: content.object,
		request: p,
		status: 'accepted',
		category: content.category,
	};
	if (type === 'text') message.text = content.object as RecordedMessage['text'];
	if (context) message.context = context;
	ctx.state.recordMessage(message);
	if (type === 'interactive' && content.object.type === 'flow') flowOf(content.object, ctx)?.sends.push(Date.now());

	if (outsideWindow) {
		const spec = graphErrorFromSpec({ errorCode: 131047 });
		scheduleStatuses(ctx.state, message, {
			code: 131047,
			title: 'Re-engagement message',
			message: 'Re-engagement message',
			details: spec.fields.error_data?.details ?? '',
		});
	} else {
		scheduleStatuses(ctx.state, message);
	}

	return {
		status: 200,
		body: {
			messaging_product: 'whatsapp',
			contacts: [{ input: to, wa_id: waId }],
			messages: [{ id: message.id }],
		},
	};
}

export const sendMessage: GraphRoute<'phoneNumber'> = {
	method: 'POST',
	node: 'phoneNumber',
	edge: 'messages',
	source: 'cloud-api/reference/messages; Postman "Send Text Message", "Mark Message As Read"',
	handle: handleSend,
};

/** Postman's "Mark Message As Read" uses PUT. */
export const sendMessagePut: GraphRoute<'phoneNumber'> = { ...sendMessage, method: 'PUT' };
