// The `value` objects of the webhooks the sandbox sends, in Meta's shapes:
// - messages (whatsapp/cloud-api/webhooks/components; Postman collection "Webhooks" examples):
//   {messaging_product, metadata: {display_phone_number, phone_number_id}, contacts?: [{profile: {name}, wa_id}],
//    messages?: [...], statuses?: [...]}; display_phone_number in digits; timestamps are Unix seconds as strings.
// - flows (flows/reference/flowswebhooks "Flow status change"):
//   {event: "FLOW_STATUS_CHANGE", message, flow_id, old_status, new_status}.
import type { SeedPhoneNumber } from './seed';
import { toWaId } from './state';

export function unixSeconds(date: Date = new Date()): string {
	return String(Math.floor(date.getTime() / 1000));
}

function messagesValue(phone: SeedPhoneNumber, rest: Record<string, unknown>): Record<string, unknown> {
	return {
		messaging_product: 'whatsapp',
		metadata: { display_phone_number: toWaId(phone.displayPhoneNumber), phone_number_id: phone.id },
		...rest,
	};
}

export type OutgoingStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusError {
	code: number;
	title: string;
	message: string;
	details: string;
}

/**
 * A status update for an outgoing message. `pricing` follows per-message pricing (since July 2025:
 * {billable, pricing_model: "PMP", type, category}); the conversation object is omitted (guess for PMP).
 */
export function statusValue(
	phone: SeedPhoneNumber,
	input: { messageId: string; recipientId: string; status: OutgoingStatus; category: string; error?: StatusError },
): Record<string, unknown> {
	const status: Record<string, unknown> = {
		id: input.messageId,
		status: input.status,
		timestamp: unixSeconds(),
		recipient_id: input.recipientId,
	};
	if (input.status === 'failed' && input.error) {
		status.errors = [
			{ code: input.error.code, title: input.error.title, message: input.error.message, error_data: { details: input.error.details } },
		];
	} else if (input.status !== 'failed') {
		const free = input.category === 'service';
		status.pricing = { billable: !free, pricing_model: 'PMP', type: free ? 'free_customer_service' : 'regular', category: input.category };
	}
	return messagesValue(phone, { statuses: [status] });
}

/** An inbound message from a user (contacts + messages). `message` holds from/id/timestamp/type and the type's object. */
export function inboundMessageValue(phone: SeedPhoneNumber, user: { waId: string; name: string }, message: Record<string, unknown>): Record<string, unknown> {
	return messagesValue(phone, { contacts: [{ profile: { name: user.name }, wa_id: user.waId }], messages: [message] });
}

export function flowStatusValue(flow: { id: string; name: string }, oldStatus: string, newStatus: string): Record<string, unknown> {
	return {
		event: 'FLOW_STATUS_CHANGE',
		message: `Flow ${flow.name} changed status from ${oldStatus} to ${newStatus}`,
		flow_id: flow.id,
		old_status: oldStatus,
		new_status: newStatus,
	};
}
