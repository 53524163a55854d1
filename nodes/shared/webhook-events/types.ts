import type { JsonRecord } from './json';

// The typed events the WhatsApp Cloud Trigger emits, one per message, status, template or flow notification of a
// webhook POST. Meta: whatsapp/cloud-api/webhooks/components (messages field), flows/reference/flowswebhooks (flows
// field, nfm_reply), business-management-api/message-templates (template fields).

/** The original notification of one event: Meta's change narrowed to this event (one message, one status). */
export interface RawEvent {
	/** entry[].id: the WhatsApp Business Account id. */
	entryId: string | null;
	/** entry[].time (Unix seconds), when Meta sends it. */
	entryTime?: number;
	field: string;
	value: JsonRecord;
}

/** Meta's error with what it means for the user (nodes/shared/graph/error-catalogue.ts). */
export interface EventError {
	code: number | null;
	title: string | null;
	message: string | null;
	details: string | null;
	/** Meta's plain-language meaning of the code, and what to do. */
	cause: string;
	fix: string;
	/** developers.facebook.com/docs/… page of the code. */
	doc: string;
	/** False when the catalogue does not list the code (generic cause and fix). */
	known: boolean;
}

export interface MediaRef {
	id: string | null;
	mimeType: string | null;
	sha256: string | null;
	caption?: string;
	filename?: string;
	animated?: boolean;
	voice?: boolean;
}

export interface MessageDetails {
	id: string | null;
	/** Meta's message type: text, image, interactive, button, reaction, location, … */
	type: string;
	/** The text a person would read: the body, a caption, a pressed button's title. */
	text?: string;
	context?: JsonRecord;
	media?: MediaRef;
	/** A pressed reply button, a picked list row, or a template quick-reply button. */
	reply?: { id?: string; title?: string; description?: string; payload?: string };
	reaction?: { messageId: string | null; emoji: string | null };
	errors?: EventError[];
}

export interface StatusDetails {
	messageId: string | null;
	status: string;
	recipientId: string | null;
	pricing?: JsonRecord;
	conversation?: JsonRecord;
	bizOpaqueCallbackData?: string;
	/** The first of `errors`, with its plain cause (failed statuses). */
	error?: EventError;
	errors?: EventError[];
}

export type FlowTokenReason =
	| 'missing'
	| 'malformed'
	| 'unsupported_version'
	| 'bad_signature'
	| 'expired'
	| 'recipient_mismatch'
	| 'flow_mismatch'
	| 'secret_unusable';

/** The flow_token of a completed flow, checked as a token signed by "WhatsApp Flows → Flow Token → Create". */
export interface FlowTokenCheckOutput {
	present: boolean;
	valid: boolean;
	reason?: FlowTokenReason;
	/** Decoded only when the signature verified (also for an expired token, or one sent to someone else). */
	recordId?: string;
	variant?: string;
	flowId?: string;
	recipient?: string;
	expiresAt?: string;
}

/** A file picked in the flow (PhotoPicker / DocumentPicker), as a Cloud API media id. Meta: flows/reference/media_upload */
export interface FlowMedia {
	/** The response_json key it came in. */
	field: string;
	id: string;
	fileName: string | null;
	mimeType: string | null;
	sha256: string | null;
}

export interface FlowDetails {
	/** flows field: FLOW_STATUS_CHANGE, ENDPOINT_ERROR_RATE, …; "nfm_reply" for a completed flow. */
	event: string;
	id: string | null;
	message?: string;
	// flow.completed (nfm_reply)
	responseJson?: JsonRecord | null;
	responseJsonError?: string;
	flowToken?: string | null;
	token?: FlowTokenCheckOutput;
	media?: FlowMedia[];
	/** The flow message this completes (context.id). */
	replyTo?: string | null;
	// flow.status_change
	oldStatus?: string | null;
	newStatus?: string | null;
	// alerts
	alertState?: string;
	threshold?: number;
	errorRate?: number;
	errors?: JsonRecord[];
	p50Latency?: number;
	p90Latency?: number;
	requestsCount?: number;
	availability?: number;
	warning?: string;
}

export interface TemplateDetails {
	event?: string;
	id: string | null;
	name?: string;
	language?: string;
	reason?: string;
	previousQualityScore?: string;
	newQualityScore?: string;
	previousCategory?: string;
	newCategory?: string;
}

export interface ConsentDetails {
	action: 'opt_out' | 'opt_in';
	/** keyword: the person wrote a keyword; meta_131050: Meta reported "user stopped marketing messages". */
	source: 'keyword' | 'meta_131050';
	/** all: every message from this business; marketing: marketing templates only (131050). */
	scope: 'all' | 'marketing';
	/** The configured keyword that matched. */
	keyword?: string;
}

export interface WebhookEvent {
	/** message.text, message.image, message.interactive.button_reply, flow.completed, status.delivered, … */
	type: string;
	/** Meta's change field: messages, flows, message_template_status_update, … */
	field: string;
	/** The same for every redelivery of this event: the dedupe key. */
	eventKey: string;
	wabaId: string | null;
	phoneNumberId: string | null;
	displayPhoneNumber: string | null;
	/** The WhatsApp user: the sender of a message, the recipient of a status. */
	waId: string | null;
	senderName: string | null;
	/** When it happened (ISO 8601): the message or status timestamp, else entry.time. */
	timestamp: string | null;
	/** For consent events: the type the event had before the keyword or 131050 made it a consent event. */
	sourceType?: string;
	message?: MessageDetails;
	status?: StatusDetails;
	flow?: FlowDetails;
	template?: TemplateDetails;
	consent?: ConsentDetails;
	/** Errors Meta put on the change itself (value.errors). */
	errors?: EventError[];
	raw: RawEvent;
}
