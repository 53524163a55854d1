// Status webhooks for an accepted outgoing message (whatsapp/cloud-api/webhooks/components "statuses"; Postman
// "Status: Message Sent / Delivered", "Status: Message Failed"): sent, delivered, then read if the user reads, each
// as its own webhook after the configured delays; or one `failed` with the error (e.g. 131047 outside the window).
import type { RecordedMessage, SandboxState } from './state';
import { statusValue, type OutgoingStatus, type StatusError } from './webhook-payloads';
import { webhookEnvelope } from './webhooks';

function emit(state: SandboxState, message: RecordedMessage, status: OutgoingStatus, error?: StatusError): void {
	message.status = status;
	if (!state.config.webhooks.statuses) return;
	const phone = state.phoneNumber(message.phoneNumberId);
	if (!phone) return;
	const value = statusValue(phone, { messageId: message.id, recipientId: message.waId, status, category: message.category, error });
	state.webhooks.send(webhookEnvelope(state.seed.wabaId, [{ field: 'messages', value }]));
}

/** Schedules sent → delivered → read (config.webhooks), or a single failed status when `failure` is given. */
export function scheduleStatuses(state: SandboxState, message: RecordedMessage, failure?: StatusError): void {
	const cfg = state.config.webhooks;
	const w = state.webhooks;
	if (failure) {
		// Known at once in the sandbox; reported by the webhook after the "sent" delay.
		message.status = 'failed';
		message.errors = [failure];
		w.later(w.scaled(cfg.statusDelaysMs.sent), () => emit(state, message, 'failed', failure));
		return;
	}
	const sentAt = w.scaled(cfg.statusDelaysMs.sent);
	const deliveredAt = sentAt + w.scaled(cfg.statusDelaysMs.delivered);
	const readAt = deliveredAt + w.scaled(cfg.statusDelaysMs.read);
	// One timer per step, each scheduled after the previous one ran, so the order holds even with zero delays.
	w.later(sentAt, () => {
		emit(state, message, 'sent');
		w.later(deliveredAt - sentAt, () => {
			emit(state, message, 'delivered');
			if (cfg.readReceipts) w.later(readAt - deliveredAt, () => emit(state, message, 'read'));
		});
	});
}
