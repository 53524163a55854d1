import { describeHttpStatus, describeMetaError, type MetaErrorEntry, type RetryRule } from './error-catalogue';
import type { HttpResponse } from '../http/types';

/**
 * An error answer from the Graph API. Meta's shape (Meta: whatsapp/cloud-api/support/error-codes,
 * graph-api/guides/error-handling):
 * `{ error: { message, type, code, error_subcode, error_user_title, error_user_msg,
 *   error_data: { messaging_product, details }, fbtrace_id } }`.
 */
export class MetaApiError extends Error {
	readonly httpStatus: number;
	/** Meta's `error.code`; undefined when the answer carried none (HTML page, empty body). */
	readonly code: number | undefined;
	readonly subcode: number | undefined;
	readonly type: string | undefined;
	/** Meta's `error_user_title`. */
	readonly title: string | undefined;
	/** Meta's `error_user_msg`. */
	readonly userMessage: string | undefined;
	/** Meta's `error_data.details`: Meta advises building on `code` and `details`, not on titles. */
	readonly details: string | undefined;
	readonly fbtraceId: string | undefined;
	/** Meta's `error.message`, or a short description of a body that was not Meta's JSON. */
	readonly metaMessage: string;
	/** The catalogue's name for the code, e.g. "Re-engagement message". */
	readonly codeTitle: string;
	/** Plain-English cause from the catalogue (a string, unlike `Error.cause`). */
	declare readonly cause: string;
	readonly fix: string;
	readonly retry: RetryRule;
	/** Whether the catalogue lists the code. */
	readonly knownCode: boolean;
	readonly docUrl: string;
	/** From a `Retry-After: <seconds>` header. */
	readonly retryAfterMs: number | undefined;
	/** The body as received. */
	readonly raw: unknown;

	constructor(init: {
		httpStatus: number;
		code?: number;
		subcode?: number;
		type?: string;
		title?: string;
		userMessage?: string;
		details?: string;
		fbtraceId?: string;
		metaMessage: string;
		retryAfterMs?: number;
		raw: unknown;
	}) {
		const entry =
			init.code === undefined
				? { ...describeHttpStatus(init.httpStatus), known: false }
				: describeMetaError(init.code, init.subcode);
		super(composeMessage(init, entry));
		this.name = 'MetaApiError';
		this.httpStatus = init.httpStatus;
		this.code = init.code;
		this.subcode = init.subcode;
		this.type = init.type;
		this.title = init.title;
		this.userMessage = init.userMessage;
		this.details = init.details;
		this.fbtraceId = init.fbtraceId;
		this.metaMessage = init.metaMessage;
		this.codeTitle = entry.title;
		this.cause = entry.cause;
		this.fix = entry.fix;
		this.retry = entry.retry;
		this.knownCode = entry.known;
		this.docUrl = `https://developers.facebook.com/docs/${entry.doc}`;
		this.retryAfterMs = init.retryAfterMs;
		this.raw = init.raw;
	}
}

function composeMessage(
	init: { httpStatus: number; code?: number; subcode?: number; metaMessage: string; details?: string },
	entry: MetaErrorEntry,
): string {
	if (init.code === undefined) return `Meta error (HTTP ${init.httpStatus}, ${entry.title}): ${init.metaMessage}`;
	const subcodeMatters = init.subcode !== undefined && describeMetaError(init.code).title !== entry.title;
	const label = `Meta error ${init.code}${subcodeMatters ? ` subcode ${init.subcode}` : ''} (${entry.title})`;
	// Meta prefixes messages with "(#code)" and often repeats the title: keep only what adds information.
	const said = [init.metaMessage.replace(/^\(#\d+\)\s*/, ''), init.details ?? '']
		.map((text) => text.trim())
		.filter((text, index, all) => text !== '' && all.indexOf(text) === index)
		.filter((text) => text.toLowerCase() !== entry.title.toLowerCase());
	return `${label}: ${said.length > 0 ? said.join(' — ') : entry.cause}`;
}

/** The `MetaApiError` for an answer, or undefined when it is a success (HTTP < 400 and no `error` member). */
export function metaErrorFromResponse(response: HttpResponse): MetaApiError | undefined {
	const failed = response.status >= 400 || hasErrorMember(parseBody(response.body).json);
	return failed ? parseMetaError(response.status, response.body, response.headers) : undefined;
}

export function parseMetaError(
	status: number,
	body: unknown,
	headers: Record<string, string | undefined> = {},
): MetaApiError {
	const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'));
	const { json, text } = parseBody(body);
	const error = isRecord(json) ? json.error : undefined;

	if (isRecord(error)) {
		const errorData = isRecord(error.error_data) ? error.error_data : {};
		return new MetaApiError({
			httpStatus: status,
			code: toInteger(error.code),
			subcode: toInteger(error.error_subcode),
			type: toText(error.type),
			title: toText(error.error_user_title),
			userMessage: toText(error.error_user_msg),
			details: toText(errorData.details),
			fbtraceId: toText(error.fbtrace_id),
			metaMessage: toText(error.message) ?? 'Meta gave no message.',
			retryAfterMs,
			raw: body,
		});
	}
	return new MetaApiError({ httpStatus: status, metaMessage: describeOtherBody(json, text), retryAfterMs, raw: body });
}

function describeOtherBody(json: unknown, text: string | undefined): string {
	if (isRecord(json) && typeof json.error === 'string') {
		const description = toText(json.error_description);
		return description ? `${json.error}: ${description}` : json.error;
	}
	if (json !== undefined) return `the answer was not a Meta error: ${truncate(JSON.stringify(json))}`;
	const trimmed = (text ?? '').trim();
	if (trimmed === '') return 'the answer had an empty body.';
	if (/^<(?:!doctype|html|head|body|\?xml)/i.test(trimmed) || /<html[\s>]/i.test(trimmed)) {
		const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
		const summary = collapse(title ?? trimmed.replace(/<[^>]*>/g, ' '));
		return `the answer was an HTML page, not JSON${summary ? ` ("${truncate(summary)}")` : ''}.`;
	}
	return `the answer was not JSON: "${truncate(collapse(trimmed))}".`;
}

interface ParsedBody {
	json?: unknown;
	text?: string;
}

function parseBody(body: unknown): ParsedBody {
	if (body === undefined || body === null) return { text: '' };
	if (body instanceof Uint8Array) return parseBody(Buffer.from(body).toString('utf8'));
	if (typeof body !== 'string') return { json: body };
	const trimmed = body.trim();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return { json: JSON.parse(trimmed) as unknown };
		} catch {
			return { text: body };
		}
	}
	return { text: body };
}

function hasErrorMember(json: unknown): boolean {
	return isRecord(json) && json.error !== undefined && json.error !== null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toInteger(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
	return undefined;
}

function toText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/** Only the delay-seconds form; an HTTP date would need a clock. */
function parseRetryAfter(value: string | undefined): number | undefined {
	if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
	return Number(value) * 1000;
}

function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max = 300): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
