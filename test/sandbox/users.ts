// Simulated WhatsApp users as the business sees them: the messages they sent (inbound), which open the 24-hour
// customer service window for free-form messages (cloud-api/guides/send-messages#customer-service-windows:
// "a customer service window … 24 hours … each time the user messages you"), kept per business phone number.

export interface InboundMessage {
	id: string;
	at: string;
	/** The business phone number id the user wrote to. */
	phoneNumberId: string;
	waId: string;
	name: string;
	type: string;
	/** The message object as sent in the webhook. */
	message: Record<string, unknown>;
	/** Marked as read by the business (POST /{phone-number-id}/messages {status: "read"}). */
	readByBusiness?: boolean;
	/** A typing indicator was shown with the read mark. */
	typingIndicator?: boolean;
}

/** 24 hours (cloud-api/guides/send-messages#customer-service-windows). */
export const SERVICE_WINDOW_MS = 24 * 3600 * 1000;

export class UserStore {
	private readonly inbound: InboundMessage[] = [];
	/** `${phoneNumberId}:${waId}` → time the window was last opened. */
	private readonly windows = new Map<string, number>();
	/** Names users gave (profile.name in webhooks). */
	private readonly names = new Map<string, string>();

	recordInbound(message: InboundMessage): void {
		this.inbound.push(message);
		this.names.set(message.waId, message.name);
		this.openWindow(message.phoneNumberId, message.waId, Date.parse(message.at));
	}

	openWindow(phoneNumberId: string, waId: string, at: number = Date.now()): void {
		this.windows.set(`${phoneNumberId}:${waId}`, at);
	}

	/** Backdates the last user message (tests of an expired window). */
	closeWindow(phoneNumberId: string, waId: string): void {
		this.windows.delete(`${phoneNumberId}:${waId}`);
	}

	windowOpen(phoneNumberId: string, waId: string, now: number = Date.now()): boolean {
		const opened = this.windows.get(`${phoneNumberId}:${waId}`);
		return opened !== undefined && now - opened < SERVICE_WINDOW_MS;
	}

	markRead(id: string, typing: boolean): void {
		const message = this.inbound.find((m) => m.id === id);
		if (!message) return;
		message.readByBusiness = true;
		if (typing) message.typingIndicator = true;
	}

	nameOf(waId: string): string {
		return this.names.get(waId) ?? `User ${waId.slice(-4)}`;
	}

	inboundFrom(waId?: string): InboundMessage[] {
		return this.inbound.filter((m) => waId === undefined || m.waId === waId);
	}

	clear(): void {
		this.inbound.length = 0;
		this.windows.clear();
		this.names.clear();
	}
}
