// Default HTTP status, message and details per error code, used when a fault names only a code or only a status.
// Source: cloud-api/support/error-codes (the "HTTP Status Code" column) and graph-api/guides/error-handling.
import { GraphError, type GraphErrorFields } from './errors';

interface CatalogueEntry {
	status: number;
	message: string;
	/** WhatsApp codes carry error_data.details; generic Graph codes do not. */
	details?: string;
}

export const ERROR_CATALOGUE: Readonly<Record<number, CatalogueEntry>> = {
	// Graph API error-handling: 1 "API Unknown" (possibly temporary downtime), 2 "API Service" (temporary).
	1: { status: 500, message: 'An unknown error has occurred.' },
	2: { status: 503, message: 'An unexpected error has occurred. Please retry your request later.' },
	// Throttling errors (cloud-api/support/error-codes): all HTTP 400.
	4: { status: 400, message: '(#4) Application request limit reached' },
	80007: {
		status: 400,
		message: '(#80007) Rate limit issues',
		details: 'The WhatsApp Business Account has reached its rate limit.',
	},
	130429: {
		status: 400,
		message: '(#130429) Rate limit hit',
		details: 'Cloud API message throughput has been reached.',
	},
	131048: {
		status: 400,
		message: '(#131048) Spam rate limit hit',
		details: 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
	},
	131056: {
		status: 400,
		message: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
		details:
			'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
	},
	// Authorization errors.
	10: { status: 403, message: '(#10) Application does not have permission for this action' },
	190: { status: 401, message: 'Invalid OAuth access token - Cannot parse access token' },
	200: { status: 403, message: '(#200) Permissions error' },
	// Other errors.
	100: { status: 400, message: '(#100) Invalid parameter' },
	131000: { status: 500, message: '(#131000) Something went wrong', details: 'Something went wrong' },
	131016: { status: 503, message: '(#131016) Service unavailable', details: 'A service is temporarily unavailable.' },
	131047: {
		status: 400,
		message: '(#131047) Re-engagement message',
		details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
	},
	131026: { status: 400, message: '(#131026) Message undeliverable', details: 'Message undeliverable' },
	133004: {
		status: 503,
		message: '(#133004) Server temporarily unavailable',
		details: 'Server temporarily unavailable',
	},
};

/** The code a bare HTTP status stands for, when a fault names only a status. */
function codeForStatus(status: number): number {
	if (status === 401) return 190;
	if (status === 403) return 10;
	if (status === 429) return 130429;
	if (status === 503) return 2;
	if (status >= 500) return 1;
	return 100;
}

export interface ErrorSpec {
	status?: number;
	errorCode?: number;
	errorSubcode?: number;
	message?: string;
	details?: string;
}

/** Builds a Graph error from a partial spec, filling the rest from the catalogue. */
export function graphErrorFromSpec(spec: ErrorSpec): GraphError {
	const code = spec.errorCode ?? codeForStatus(spec.status ?? 500);
	const entry = ERROR_CATALOGUE[code];
	const status = spec.status ?? entry?.status ?? 400;
	const fields: GraphErrorFields = {
		message: spec.message ?? entry?.message ?? `(#${code}) Sandbox fault`,
		type: 'OAuthException',
		code,
	};
	const details = spec.details ?? entry?.details;
	if (details !== undefined) fields.error_data = { messaging_product: 'whatsapp', details };
	if (spec.errorSubcode !== undefined) fields.error_subcode = spec.errorSubcode;
	return new GraphError(status, fields);
}
