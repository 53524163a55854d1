import { HttpNetworkError, toNetworkError, type HttpRequest, type HttpResponse, type HttpSend } from '../../../nodes/shared/http/types';

export type Scripted = HttpResponse | HttpNetworkError;

/** An `HttpSend` that answers from a script, one entry per call, and records every request. */
export function scriptedSend(...script: Scripted[]): HttpSend & { calls: HttpRequest[] } {
	const calls: HttpRequest[] = [];
	const send = async (request: HttpRequest): Promise<HttpResponse> => {
		calls.push(request);
		const next = script.shift();
		if (next === undefined) throw new Error(`Unexpected call #${calls.length}: ${request.method} ${request.url}`);
		if (next instanceof HttpNetworkError) throw next;
		return next;
	};
	return Object.assign(send, { calls });
}

/** A `sleep` that returns at once and records what it was asked to wait. */
export function recordingSleep(): ((ms: number) => Promise<void>) & { delays: number[] } {
	const delays: number[] = [];
	const sleep = async (ms: number): Promise<void> => {
		delays.push(ms);
	};
	return Object.assign(sleep, { delays });
}

export function ok(body: unknown, status = 200): HttpResponse {
	return { status, headers: { 'content-type': 'application/json' }, body };
}

/** Meta's error answer shape (Meta: whatsapp/cloud-api/support/error-codes). */
export function metaError(status: number, code: number, message = `(#${code}) error`, extra: Record<string, unknown> = {}): HttpResponse {
	return {
		status,
		headers: { 'content-type': 'application/json' },
		body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123', ...extra } },
	};
}

export function networkError(code: string): HttpNetworkError {
	return toNetworkError(code, `simulated ${code}`);
}
