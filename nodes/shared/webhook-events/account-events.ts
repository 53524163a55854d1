import { digestKey } from './event-key';
import { compact, isoFromUnixSeconds, numberOf, recordsOf, textOf, type JsonRecord } from './json';
import type { ChangeContext } from './message-events';
import type { FlowDetails, TemplateDetails, WebhookEvent } from './types';

// Notifications about the account rather than a conversation: they carry no phone number and, for webhook
// overrides, always go to the app's callback URL (whatsapp/webhooks/override, "Supported webhook fields").

/** flows field. Meta: flows/reference/flowswebhooks (status change, client / endpoint alerts, version warning). */
const FLOW_EVENT_TYPES: Record<string, string> = {
	FLOW_STATUS_CHANGE: 'flow.status_change',
	ENDPOINT_ERROR_RATE: 'flow.endpoint_alert',
	ENDPOINT_LATENCY: 'flow.endpoint_alert',
	ENDPOINT_AVAILABILITY: 'flow.endpoint_alert',
	CLIENT_ERROR_RATE: 'flow.client_alert',
	FLOW_VERSION_EXPIRY_WARNING: 'flow.version_warning',
};

/** Template fields. Meta: business-management-api/message-templates and whatsapp/webhooks (template webhooks). */
const TEMPLATE_FIELD_TYPES: Record<string, string> = {
	message_template_status_update: 'template.status',
	message_template_quality_update: 'template.quality',
	message_template_components_update: 'template.components',
	template_category_update: 'template.category',
};

function flowDetails(value: JsonRecord): FlowDetails {
	return compact({
		event: textOf(value.event) ?? 'unknown',
		id: textOf(value.flow_id) ?? null,
		message: textOf(value.message),
		oldStatus: value.event === 'FLOW_STATUS_CHANGE' ? (textOf(value.old_status) ?? null) : undefined,
		newStatus: value.event === 'FLOW_STATUS_CHANGE' ? (textOf(value.new_status) ?? null) : undefined,
		alertState: textOf(value.alert_state),
		threshold: numberOf(value.threshold),
		errorRate: numberOf(value.error_rate),
		errors: value.errors === undefined ? undefined : recordsOf(value.errors),
		p50Latency: numberOf(value.p50_latency),
		p90Latency: numberOf(value.p90_latency),
		requestsCount: numberOf(value.requests_count),
		availability: numberOf(value.availability),
		warning: textOf(value.warning),
	});
}

function templateDetails(value: JsonRecord): TemplateDetails {
	return compact({
		event: textOf(value.event),
		id: textOf(value.message_template_id) ?? null,
		name: textOf(value.message_template_name),
		language: textOf(value.message_template_language),
		reason: textOf(value.reason),
		previousQualityScore: textOf(value.previous_quality_score),
		newQualityScore: textOf(value.new_quality_score),
		previousCategory: textOf(value.previous_category),
		newCategory: textOf(value.new_category),
	});
}

export function accountFieldEvent(value: JsonRecord, change: ChangeContext): WebhookEvent {
	const event: WebhookEvent = {
		type: change.field,
		field: change.field,
		eventKey: digestKey(change.field, [change.wabaId, change.entryTime, value]),
		wabaId: change.wabaId,
		phoneNumberId: null,
		displayPhoneNumber: null,
		waId: null,
		senderName: null,
		timestamp: isoFromUnixSeconds(change.entryTime) ?? null,
		raw: compact({ entryId: change.wabaId, entryTime: change.entryTime, field: change.field, value }),
	};
	if (change.field === 'flows') {
		event.flow = flowDetails(value);
		event.type = FLOW_EVENT_TYPES[event.flow.event] ?? 'flow.other';
	} else if (TEMPLATE_FIELD_TYPES[change.field] !== undefined) {
		event.template = templateDetails(value);
		event.type = TEMPLATE_FIELD_TYPES[change.field];
	}
	return event;
}
