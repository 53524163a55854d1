/**
 * The one HTTP seam of the core. The n8n adapter implements `HttpSend` over
 * `httpRequestWithAuthentication`; unit tests implement it over a local server or a stub.
 * An `HttpSend` resolves for every HTTP status and rejects only with `HttpNetworkError`.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean;

export interface HttpRequest {
	method: HttpMethod;
	url: string;
	query?: Record<string, QueryValue | undefined>;
	headers?: Record<string, string>;
	/** A JSON value (sent as application/json), or a Buffer / string sent as is with `headers['content-type']`. */
	body?: unknown;
	timeoutMs?: number;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, string | undefined>;
	/** Parsed JSON when the response is JSON, otherwise the text. */
	body: unknown;
}

export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * A request that got no HTTP answer. `mayHaveReachedServer` is false only when the request
 * certainly never left (connection refused, DNS failure): only then is a non-idempotent call safe to repeat.
 */
export class HttpNetworkError extends Error {
	constructor(
		message: string,
		readonly code: string,
		readonly mayHaveReachedServer: boolean,
	) {
		super(message);
		this.name = 'HttpNetworkError';
	}
}

const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Classifies a low-level error code (Node's `err.code`) into an `HttpNetworkError`. */
export function toNetworkError(code: string | undefined, message: string): HttpNetworkError {
	const normalized = code ?? 'UNKNOWN';
	return new HttpNetworkError(message, normalized, !NEVER_SENT_CODES.has(normalized));
}
