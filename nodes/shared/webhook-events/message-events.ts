import { eventErrorOf, eventErrorsOf } from './event-errors';
import { digestKey, messageKey, statusKey } from './event-key';
import { flowCompletionOf, type FlowCompletionOptions } from './flow-completion';
import { compact, isRecord, isoFromUnixSeconds, recordsOf, textOf, type JsonRecord } from './json';
import type { MediaRef, MessageDetails, RawEvent, StatusDetails, WebhookEvent } from './types';

// The `messages` field: value {messaging_product, metadata {display_phone_number, phone_number_id}, contacts?
// [{profile {name}, wa_id}], messages? [...], statuses? [...], errors? [...]}. Meta: whatsapp/cloud-api/webhooks/
// components and the Postman "Webhook Payload Reference" examples (test/fixtures/meta).

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);
/** Message types by their object's key, for messages without `type` (Meta's contacts and location examples). */
const TYPED_KEYS = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'button', 'reaction', 'order', 'system'];

function messageTypeOf(message: JsonRecord): string {
	return textOf(message.type) ?? TYPED_KEYS.find((key) => message[key] !== undefined && message[key] !== null) ?? 'unknown';
}

export interface ChangeContext {
	wabaId: string | null;
	entryTime?: number;
	field: string;
}

function mediaOf(object: JsonRecord): MediaRef {
	return compact({
		id: textOf(object.id) ?? null,
		mimeType: textOf(object.mime_type) ?? null,
		sha256: textOf(object.sha256) ?? null,
		caption: textOf(object.caption),
		filename: textOf(object.filename),
		animated: typeof object.animated === 'boolean' ? object.animated : undefined,
		voice: typeof object.voice === 'boolean' ? object.voice : undefined,
	});
}

interface Classified {
	type: string;
	details: MessageDetails;
}

/** The event type and the readable parts of one inbound message. */
function classifyMessage(message: JsonRecord): Classified {
	const metaType = messageTypeOf(message);
	const details: MessageDetails = { id: textOf(message.id) ?? null, type: metaType };
	if (isRecord(message.context)) details.context = message.context;
	const object = isRecord(message[metaType]) ? (message[metaType] as JsonRecord) : {};

	if (metaType === 'text') details.text = textOf(object.body);
	if (MEDIA_TYPES.has(metaType)) {
		details.media = mediaOf(object);
		if (details.media.caption !== undefined) details.text = details.media.caption;
	}
	if (metaType === 'button') {
		details.reply = compact({ payload: textOf(object.payload), title: textOf(object.text) });
		details.text = textOf(object.text);
	}
	if (metaType === 'reaction') {
		// Meta's reference spells it message_id; the Postman example has "messsage_id".
		details.reaction = { messageId: textOf(object.message_id) ?? textOf(object.messsage_id) ?? null, emoji: textOf(object.emoji) ?? null };
	}
	if (message.errors !== undefined) details.errors = eventErrorsOf(message.errors);

	if (metaType === 'interactive') {
		const kind = textOf(object.type) ?? 'unknown';
		const reply = isRecord(object[kind]) ? (object[kind] as JsonRecord) : {};
		if (kind === 'button_reply' || kind === 'list_reply') {
			details.reply = compact({ id: textOf(reply.id), title: textOf(reply.title), description: textOf(reply.description) });
			details.text = textOf(reply.title);
		}
		// nfm_reply named "flow" is a completed WhatsApp Flow; other names (address_message, …) stay messages.
		if (kind === 'nfm_reply') {
			const name = textOf(reply.name) ?? 'flow';
			return { type: name === 'flow' ? 'flow.completed' : `message.interactive.${name}`, details };
		}
		return { type: `message.interactive.${kind}`, details };
	}
	return { type: `message.${metaType}`, details };
}

/** The change's value with only this event's message, status or errors (and the sender's contact). */
function narrowedValue(value: JsonRecord, key: 'messages' | 'statuses' | 'errors', items: JsonRecord[], contact?: JsonRecord): JsonRecord {
	const rest = Object.fromEntries(Object.entries(value).filter(([name]) => !['messages', 'statuses', 'contacts', 'errors'].includes(name)));
	return { ...rest, ...(contact ? { contacts: [contact] } : {}), [key]: items };
}

export function messagesFieldEvents(value: JsonRecord, change: ChangeContext, options: FlowCompletionOptions): WebhookEvent[] {
	const metadata = isRecord(value.metadata) ? value.metadata : {};
	const base = {
		field: change.field,
		wabaId: change.wabaId,
		phoneNumberId: textOf(metadata.phone_number_id) ?? null,
		displayPhoneNumber: textOf(metadata.display_phone_number) ?? null,
	};
	const raw = (narrowed: JsonRecord): RawEvent => compact({ entryId: change.wabaId, entryTime: change.entryTime, field: change.field, value: narrowed });
	const contacts = recordsOf(value.contacts);
	const events: WebhookEvent[] = [];

	for (const message of recordsOf(value.messages)) {
		const from = textOf(message.from) ?? null;
		const contact = contacts.find((c) => textOf(c.wa_id) === from) ?? (contacts.length === 1 ? contacts[0] : undefined);
		const profile = isRecord(contact?.profile) ? contact.profile : {};
		const { type, details } = classifyMessage(message);
		const event: WebhookEvent = {
			type,
			...base,
			eventKey: details.id ? messageKey(details.id) : digestKey(change.field, [change.wabaId, change.entryTime, message]),
			waId: from ?? textOf(contact?.wa_id) ?? null,
			senderName: textOf(profile.name) ?? null,
			timestamp: isoFromUnixSeconds(message.timestamp) ?? null,
			message: details,
			raw: raw(narrowedValue(value, 'messages', [message], contact)),
		};
		if (type === 'flow.completed') {
			const interactive = isRecord(message.interactive) ? message.interactive : {};
			event.flow = flowCompletionOf(interactive, details.context, event.waId, options);
		}
		events.push(event);
	}

	for (const status of recordsOf(value.statuses)) {
		const state = textOf(status.status) ?? 'unknown';
		const messageId = textOf(status.id) ?? null;
		const errors = status.errors === undefined ? undefined : eventErrorsOf(status.errors);
		const details: StatusDetails = compact({
			messageId,
			status: state,
			recipientId: textOf(status.recipient_id) ?? null,
			pricing: isRecord(status.pricing) ? status.pricing : undefined,
			conversation: isRecord(status.conversation) ? status.conversation : undefined,
			bizOpaqueCallbackData: textOf(status.biz_opaque_callback_data),
			error: errors?.[0],
			errors,
		});
		events.push({
			type: `status.${state}`,
			...base,
			eventKey: messageId ? statusKey(messageId, state) : digestKey(change.field, [change.wabaId, change.entryTime, status]),
			waId: details.recipientId,
			senderName: null,
			timestamp: isoFromUnixSeconds(status.timestamp) ?? null,
			status: details,
			raw: raw(narrowedValue(value, 'statuses', [status])),
		});
	}

	const valueErrors = recordsOf(value.errors);
	if (valueErrors.length > 0) {
		events.push({
			type: 'error',
			...base,
			eventKey: digestKey(change.field, [change.wabaId, change.entryTime, valueErrors]),
			waId: null,
			senderName: null,
			timestamp: isoFromUnixSeconds(change.entryTime) ?? null,
			errors: valueErrors.map(eventErrorOf),
			raw: raw(narrowedValue(value, 'errors', valueErrors)),
		});
	}
	return events;
}
