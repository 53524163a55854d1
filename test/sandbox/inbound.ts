// A simulated user writes to a business phone number: the sandbox records the message (it opens the 24-hour
// window) and sends the `messages` webhook Meta would send (whatsapp/cloud-api/webhooks/components "messages";
// text message example: {from, id, timestamp, type: "text", text: {body}}; a reply carries context {from, id}).
import { newWamid } from './message-ids';
import type { SandboxState } from './state';
import { toWaId } from './state';
import { inboundMessageValue, unixSeconds } from './webhook-payloads';
import { webhookEnvelope, type WebhookDelivery } from './webhooks';
import type { InboundMessage } from './users';

export interface InboundInput {
	waId: string;
	/** Profile name; default "User NNNN" or the name the user gave before. */
	name?: string;
	/** Business phone number id written to; default the seed's first. */
	phoneNumberId?: string;
	/** The message's type and its object, e.g. {type: "text", text: {body}}. */
	content: Record<string, unknown> & { type: string };
	/** The business message replied to (context.id). */
	replyTo?: string;
}

export function userSends(state: SandboxState, input: InboundInput): { message: InboundMessage; delivery: WebhookDelivery } {
	const phoneNumberId = input.phoneNumberId ?? state.seed.phoneNumbers[0].id;
	const phone = state.phoneNumber(phoneNumberId);
	if (!phone) throw new Error(`no business phone number ${phoneNumberId}`);
	const waId = toWaId(input.waId);
	const name = input.name ?? state.users.nameOf(waId);
	const id = newWamid(waId);
	const at = new Date();
	const message: Record<string, unknown> = { from: waId, id, timestamp: unixSeconds(at) };
	if (input.replyTo !== undefined) message.context = { from: toWaId(phone.displayPhoneNumber), id: input.replyTo };
	Object.assign(message, input.content);
	const record: InboundMessage = { id, at: at.toISOString(), phoneNumberId, waId, name, type: input.content.type, message };
	state.users.recordInbound(record);
	const delivery = state.webhooks.send(
		webhookEnvelope(state.seed.wabaId, [{ field: 'messages', value: inboundMessageValue(phone, { waId, name }, message) }]),
	);
	return { message: record, delivery };
}
