import {
	HttpNetworkError,
	toNetworkError,
	type HttpMethod,
	type HttpRequest,
	type HttpSend,
	type QueryValue,
} from '../http/types';
import { encodeBody, type RequestBody } from './bodies';
import { GraphNetworkError, GraphUnknownOutcomeError } from './graph-errors';
import { graphUrl, normaliseGraphBaseUrl, normaliseGraphVersion } from './graph-url';
import { MetaApiError, metaErrorFromResponse } from './meta-error';
import { nextCursor, pageItems } from './paging';
import { classifyFailure, type OperationKind } from './retry-policy';

export type GraphQuery = Record<string, QueryValue | undefined>;

export interface GraphRequest {
	method: HttpMethod;
	/** Relative to the version, e.g. "123456/messages". */
	path: string;
	query?: GraphQuery;
	body?: RequestBody;
	/** Defaults: GET → 'read', DELETE → 'write', anything else → 'send' (the safe assumption). */
	kind?: OperationKind;
	timeoutMs?: number;
}

export interface RetryInfo {
	method: HttpMethod;
	url: string;
	kind: OperationKind;
	/** The attempt that failed, from 1. */
	attempt: number;
	delayMs: number;
	error: MetaApiError | HttpNetworkError;
}

export interface GraphClientOptions {
	send: HttpSend;
	baseUrl?: string;
	version?: string;
	sleep: (ms: number) => Promise<void>;
	/** In [0, 1); used for backoff jitter. */
	random?: () => number;
	/** Attempts per call, the first included. */
	maxAttempts?: number;
	maxDelayMs?: number;
	onRetry?: (info: RetryInfo) => void;
}

export interface PaginateOptions {
	/** Stop after this many items in total. */
	limit?: number;
	/** Items per page, sent as Graph's `limit` parameter. */
	pageSize?: number;
}

export interface GraphClient {
	request<T = unknown>(request: GraphRequest): Promise<T>;
	paginate<T = unknown>(path: string, query?: GraphQuery, options?: PaginateOptions): AsyncGenerator<T>;
	listAll<T = unknown>(path: string, query?: GraphQuery, options?: PaginateOptions): Promise<T[]>;
}

export const DEFAULT_MAX_ATTEMPTS = 4;
/** 64 s: the third pair-rate-limit wait Meta asks for (4^3 s). Meta: whatsapp/throughput */
export const DEFAULT_MAX_DELAY_MS = 64_000;

export function createGraphClient(options: GraphClientOptions): GraphClient {
	const baseUrl = normaliseGraphBaseUrl(options.baseUrl);
	const version = normaliseGraphVersion(options.version);
	const maxAttempts = positiveInteger(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, 'maxAttempts');
	const maxDelayMs = Math.max(0, options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
	const random = options.random ?? Math.random;

	async function request<T>(req: GraphRequest): Promise<T> {
		const kind = req.kind ?? defaultKind(req.method);
		const url = graphUrl(baseUrl, version, req.path);
		const encoded = req.body ? encodeBody(req.body) : undefined;
		const httpRequest: HttpRequest = {
			method: req.method,
			url,
			...(req.query ? { query: req.query } : {}),
			...(encoded ? { body: encoded.body, headers: encoded.headers } : {}),
			...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
		};

		for (let attempt = 1; ; attempt++) {
			let failure: MetaApiError | HttpNetworkError;
			try {
				const response = await options.send(httpRequest);
				const error = metaErrorFromResponse(response);
				if (!error) return response.body as T;
				failure = error;
			} catch (thrown) {
				failure = asNetworkError(thrown);
			}

			const decision = classifyFailure(failure, kind, attempt, random);
			if (decision.action === 'unknown') throw new GraphUnknownOutcomeError(req.method, url, attempt, failure);
			if (decision.action === 'fail' || attempt >= maxAttempts) {
				if (failure instanceof MetaApiError) throw failure;
				throw new GraphNetworkError(req.method, url, kind, attempt, failure);
			}
			const delayMs = Math.min(decision.delayMs, maxDelayMs);
			options.onRetry?.({ method: req.method, url, kind, attempt, delayMs, error: failure });
			await options.sleep(delayMs);
		}
	}

	async function* paginate<T>(path: string, query: GraphQuery = {}, paging: PaginateOptions = {}): AsyncGenerator<T> {
		const limit = paging.limit === undefined ? Infinity : nonNegativeInteger(paging.limit, 'limit');
		const firstQuery: GraphQuery = { ...query };
		if (paging.pageSize !== undefined) firstQuery.limit = positiveInteger(paging.pageSize, 'pageSize');

		let yielded = 0;
		let after: string | undefined;
		const seen = new Set<string>();
		while (yielded < limit) {
			const pageQuery = after === undefined ? firstQuery : { ...firstQuery, after };
			const page = await request<unknown>({ method: 'GET', path, query: pageQuery, kind: 'read' });
			for (const item of pageItems<T>(page, path)) {
				if (yielded >= limit) return;
				yield item;
				yielded++;
			}
			after = nextCursor(page);
			if (after === undefined) return;
			if (seen.has(after)) {
				throw new Error(`Meta returned the paging cursor for ${path} twice; stopped to avoid an endless loop.`);
			}
			seen.add(after);
		}
	}

	async function listAll<T>(path: string, query?: GraphQuery, paging?: PaginateOptions): Promise<T[]> {
		const items: T[] = [];
		for await (const item of paginate<T>(path, query, paging)) items.push(item);
		return items;
	}

	return { request, paginate, listAll };
}

function defaultKind(method: HttpMethod): OperationKind {
	if (method === 'GET') return 'read';
	if (method === 'DELETE') return 'write';
	return 'send';
}

/** `HttpSend` should reject only with `HttpNetworkError`; anything else is treated as "may have reached Meta". */
function asNetworkError(thrown: unknown): HttpNetworkError {
	if (thrown instanceof HttpNetworkError) return thrown;
	const code = typeof thrown === 'object' && thrown !== null && 'code' in thrown ? thrown.code : undefined;
	const message = thrown instanceof Error ? thrown.message : String(thrown);
	return toNetworkError(typeof code === 'string' ? code : undefined, message);
}

function positiveInteger(value: number, name: string): number {
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1.`);
	return value;
}

function nonNegativeInteger(value: number, name: string): number {
	if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of at least 0.`);
	return value;
}
