// Helpers shared by the sandbox's own tests: real HTTP with fetch, and Meta's Postman examples as the reference.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphErrorEnvelope } from './errors';
import type { Sandbox } from './server';

export interface HttpAnswer<T = unknown> {
	status: number;
	headers: Headers;
	body: T;
}

export interface GraphCallOptions {
	token?: string;
	/** JSON body. */
	json?: unknown;
	/** Form-encoded body. */
	form?: Record<string, string>;
	signal?: AbortSignal;
}

/** Calls `${sandbox.url}${path}`; `path` includes the version, e.g. "/v21.0/123". */
export async function call<T = unknown>(
	sandbox: Sandbox,
	method: string,
	path: string,
	options: GraphCallOptions = {},
): Promise<HttpAnswer<T>> {
	const headers: Record<string, string> = {};
	if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
	let body: string | undefined;
	if (options.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.json);
	} else if (options.form !== undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	}
	const res = await fetch(`${sandbox.url}${path}`, { method, headers, body, signal: options.signal });
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: (text === '' ? null : JSON.parse(text)) as T };
}

export function get<T = unknown>(sandbox: Sandbox, path: string, options: GraphCallOptions = {}): Promise<HttpAnswer<T>> {
	return call<T>(sandbox, 'GET', path, options);
}

export function post<T = unknown>(sandbox: Sandbox, path: string, options: GraphCallOptions = {}): Promise<HttpAnswer<T>> {
	return call<T>(sandbox, 'POST', path, options);
}

/** Asserts Meta's error envelope: exactly these keys, a random fbtrace_id, and returns the error for further checks. */
export function expectGraphError(answer: HttpAnswer, status: number, code: number): GraphErrorEnvelope['error'] {
	expect(answer.status).toBe(status);
	expect(Object.keys(answer.body as object)).toEqual(['error']);
	const error = (answer.body as GraphErrorEnvelope).error;
	expect(error.code).toBe(code);
	expect(typeof error.message).toBe('string');
	expect(typeof error.type).toBe('string');
	expect(error.fbtrace_id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
	const allowed = ['message', 'type', 'code', 'error_data', 'error_subcode', 'error_user_title', 'error_user_msg', 'fbtrace_id'];
	for (const key of Object.keys(error)) expect(allowed).toContain(key);
	return error;
}

// --- Meta's Postman collection (test/fixtures/meta) ---

interface PostmanItem {
	name: string;
	item?: PostmanItem[];
	request?: { method?: string; body?: { raw?: string } };
	response?: { body?: string }[];
}

const COLLECTIONS = {
	cloud: join(__dirname, '..', 'fixtures', 'meta', 'whatsapp-cloud-api.postman_collection.json'),
	flows: join(__dirname, '..', 'fixtures', 'meta', 'whatsapp-flows-api.postman_collection.json'),
};

/** A request of one of Meta's collections (test/fixtures/meta) by name. */
export function postmanItem(collectionName: keyof typeof COLLECTIONS, name: string): PostmanItem {
	const collection = JSON.parse(readFileSync(COLLECTIONS[collectionName], 'utf8')) as { item: PostmanItem[] };
	const item = findItem(collection.item, name);
	if (!item) throw new Error(`no Postman request "${name}"`);
	return item;
}

function findItem(items: PostmanItem[], name: string): PostmanItem | undefined {
	for (const item of items) {
		if (item.name === name && item.request) return item;
		const inner = item.item ? findItem(item.item, name) : undefined;
		if (inner) return inner;
	}
	return undefined;
}

export interface PostmanExample {
	/** The request body with {{variables}} replaced. */
	requestBody: unknown;
	/** The first saved example response. */
	responseBody: unknown;
}

/** A request of Meta's Cloud API collection by name, e.g. "Send Text Message". */
export function postmanExample(name: string, variables: Record<string, string> = {}): PostmanExample {
	const item = postmanItem('cloud', name);
	const raw = (item.request?.body?.raw ?? '').replace(/\{\{([^}]+)\}\}/g, (_m, key: string) => variables[key] ?? `{{${key}}}`);
	const response = item.response?.[0]?.body;
	return {
		requestBody: raw.trim() === '' ? undefined : (JSON.parse(raw) as unknown),
		responseBody: response === undefined ? undefined : (JSON.parse(response) as unknown),
	};
}
