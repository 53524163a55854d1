import { MessageFieldError } from './field-checks';
import { toField } from './recipient';

/** One message type's object, before it is addressed: `{ type: "text", object: { body } }` becomes `text: { body }`. */
export interface MessageContent {
	type: 'text' | 'interactive' | 'template';
	object: Record<string, unknown>;
}

/** wamid… as Meta issues them; a reply context must quote one (cloud-api/reference/messages "context object"). */
function replyContext(replyTo: string | undefined): Record<string, unknown> | undefined {
	const id = replyTo?.trim();
	if (!id) return undefined;
	if (/\s/.test(id)) throw new MessageFieldError('Reply To Message ID', 'Reply To Message ID must be one message ID (wamid…), without spaces');
	return { message_id: id };
}

/**
 * The body of POST /{phone-number-id}/messages (cloud-api/reference/messages): addressed to "+<wa_id>", as an
 * individual, optionally quoting an earlier message (`context.message_id`, shown as a reply in the chat).
 */
export function messageRequestBody(waId: string, content: MessageContent, replyTo?: string): Record<string, unknown> {
	const context = replyContext(replyTo);
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: toField(waId),
		type: content.type,
		[content.type]: content.object,
		...(context ? { context } : {}),
	};
}

/**
 * Mark an incoming message as read, optionally showing "typing…" until the next reply or 25 seconds
 * (cloud-api/guides/mark-message-as-read; cloud-api/typing-indicators).
 */
export function markAsReadBody(messageId: string, typingIndicator: boolean): Record<string, unknown> {
	const id = messageId.trim();
	if (id === '') throw new MessageFieldError('Message ID', 'Message ID is required: the wamid of the message the user sent');
	return {
		messaging_product: 'whatsapp',
		status: 'read',
		message_id: id,
		...(typingIndicator ? { typing_indicator: { type: 'text' } } : {}),
	};
}
