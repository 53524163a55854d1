import { describeMetaError } from '../graph/error-catalogue';
import { isRecord, numberOf, recordsOf, textOf } from './json';
import type { EventError } from './types';

// Error objects of webhooks (statuses[].errors, messages[].errors, value.errors). Meta:
// whatsapp/cloud-api/webhooks/components ("errors": code, title, message, error_data.details, href) and
// whatsapp/cloud-api/support/error-codes for what each code means.

export function eventErrorOf(raw: unknown): EventError {
	const error = isRecord(raw) ? raw : {};
	const code = numberOf(error.code);
	const data = isRecord(error.error_data) ? error.error_data : {};
	const described = code === undefined ? undefined : describeMetaError(code);
	return {
		code: code ?? null,
		title: textOf(error.title) ?? null,
		message: textOf(error.message) ?? null,
		// Older payloads put `details` on the error itself (Postman "Received Unknown Messages").
		details: textOf(data.details) ?? textOf(error.details) ?? null,
		cause: described?.cause ?? 'Meta reported an error without a code.',
		fix: described?.fix ?? "Read Meta's title and details.",
		doc: `https://developers.facebook.com/docs/${described?.doc ?? 'whatsapp/cloud-api/support/error-codes'}`,
		known: described?.known ?? false,
	};
}

export function eventErrorsOf(raw: unknown): EventError[] {
	return recordsOf(raw).map(eventErrorOf);
}
