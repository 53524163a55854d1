import type {
	IAdditionalCredentialOptions,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { toNetworkError, type HttpRequest, type HttpResponse, type HttpSend } from '../http/types';

type RequestingContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

const DEFAULT_TIMEOUT_MS = 30_000;

function errorCode(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const candidate = error as { code?: unknown; cause?: { code?: unknown } };
	if (typeof candidate.code === 'string') return candidate.code;
	if (typeof candidate.cause?.code === 'string') return candidate.cause.code;
	return undefined;
}

function normaliseHeaders(headers: unknown): Record<string, string | undefined> {
	const result: Record<string, string | undefined> = {};
	if (typeof headers !== 'object' || headers === null) return result;
	for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
	}
	return result;
}

function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	const trimmed = body.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return body;
	}
}

function compactQuery(query: HttpRequest['query']): IDataObject | undefined {
	if (!query) return undefined;
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(query)) if (value !== undefined) result[key] = value;
	return result;
}

/**
 * The core's `HttpSend` over n8n's `httpRequestWithAuthentication`: the credential adds its own auth header.
 * `credentialOptions.credentialsDecrypted` spares n8n reading and decrypting the credential again on every call
 * (a broadcast makes up to 1,000 calls a second).
 */
export function httpSendWithCredential(context: RequestingContext, credentialType: string, credentialOptions?: IAdditionalCredentialOptions): HttpSend {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const isRaw = Buffer.isBuffer(request.body) || typeof request.body === 'string';
		const options: IHttpRequestOptions = {
			method: request.method as IHttpRequestMethods,
			url: request.url,
			qs: compactQuery(request.query),
			headers: { accept: 'application/json', ...(request.headers ?? {}) },
			body: request.body as IHttpRequestOptions['body'],
			json: !isRaw,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		};
		if (request.body === undefined) delete options.body;
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, options, credentialOptions)) as {
				statusCode: number;
				headers: unknown;
				body: unknown;
			};
			return { status: response.statusCode, headers: normaliseHeaders(response.headers), body: parseBody(response.body) };
		} catch (error) {
			throw toNetworkError(errorCode(error), (error as Error).message);
		}
	};
}

/**
 * Credential tests only get n8n's `request` helper (no `httpRequest`), and no credential auth: the caller passes
 * the headers itself.
 */
export function httpSendForCredentialTest(context: ICredentialTestFunctions, headers: Record<string, string>): HttpSend {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		try {
			const isRaw = Buffer.isBuffer(request.body) || typeof request.body === 'string';
			const response = (await context.helpers.request({
				method: request.method,
				uri: request.url,
				qs: compactQuery(request.query),
				headers: { accept: 'application/json', ...headers, ...(request.headers ?? {}) },
				body: request.body,
				json: !isRaw,
				resolveWithFullResponse: true,
				simple: false,
				timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			})) as { statusCode: number; headers: unknown; body: unknown };
			return { status: response.statusCode, headers: normaliseHeaders(response.headers), body: parseBody(response.body) };
		} catch (error) {
			throw toNetworkError(errorCode(error), (error as Error).message);
		}
	};
}
