import { createHash } from 'node:crypto';

// Meta redelivers a notification it could not deliver with the same content (graph-api/webhooks/getting-started:
// retried "with decreasing frequency", for up to 7 days on WhatsApp: whatsapp/cloud-api/guides/set-up-webhooks).
// So each event's key is taken from what identifies it in that content: a message's wamid, a status's message id
// and state, else a digest of the notification itself.

export function messageKey(messageId: string): string {
	return `message:${messageId}`;
}

/** A message goes through sent, delivered, read (or failed): one event per state. */
export function statusKey(messageId: string, status: string): string {
	return `status:${messageId}:${status}`;
}

/** For notifications without an id of their own (templates, flows, errors): their WABA, time and content. */
export function digestKey(field: string, parts: unknown[]): string {
	const digest = createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
	return `${field}:${digest}`;
}
