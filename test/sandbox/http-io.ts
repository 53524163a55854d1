// Reading requests and writing JSON answers; nothing here knows about Graph routes.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				reject(new BodyTooLargeError(`request body over ${limit} bytes`));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A form value Graph would read as JSON (objects and arrays may be sent JSON-encoded in form fields). */
function formValue(value: string): unknown {
	const trimmed = value.trim();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return JSON.parse(trimmed) as unknown;
		} catch {
			return value;
		}
	}
	return value;
}

/** Sets `text[body]`-style keys as nested objects, plain keys as they are. */
function setFormKey(target: Record<string, unknown>, key: string, value: unknown): void {
	const parts = /^([^[\]]+)((?:\[[^[\]]+\])+)$/.exec(key);
	if (!parts) {
		target[key] = value;
		return;
	}
	const path = [parts[1], ...[...parts[2].matchAll(/\[([^[\]]+)\]/g)].map((m) => m[1])];
	let node = target;
	for (const segment of path.slice(0, -1)) {
		const next = node[segment];
		if (isRecord(next)) {
			node = next;
		} else {
			const created: Record<string, unknown> = {};
			node[segment] = created;
			node = created;
		}
	}
	node[path[path.length - 1]] = value;
}

export function parseForm(text: string): Record<string, unknown> {
	const params: Record<string, unknown> = {};
	for (const [key, value] of new URLSearchParams(text)) setFormKey(params, key, formValue(value));
	return params;
}

export interface ParsedBody {
	/** Parameters from the body; {} when there are none or they cannot be read. */
	params: Record<string, unknown>;
	/** What to show in the call log: the parsed body, the raw text when unreadable, or null when empty. */
	logged: unknown;
}

/** Graph reads JSON bodies and form-encoded bodies alike (graph-api/overview: "POST ... JSON or form"). */
export function parseBody(contentType: string | undefined, raw: Buffer): ParsedBody {
	if (raw.length === 0) return { params: {}, logged: null };
	const text = raw.toString('utf8');
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('application/x-www-form-urlencoded')) {
		const params = parseForm(text);
		return { params, logged: params };
	}
	if (type.includes('json') || type === '' || text.trimStart().startsWith('{')) {
		try {
			const parsed = JSON.parse(text) as unknown;
			return { params: isRecord(parsed) ? parsed : {}, logged: parsed };
		} catch {
			return { params: {}, logged: text };
		}
	}
	return { params: {}, logged: text };
}

export function queryObject(params: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of params) out[key] = value;
	return out;
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(headers)) {
		if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

/** Secrets in the call log keep only their last 4 characters. */
export function redactSecret(value: string): string {
	return `****${value.slice(-4)}`;
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Readonly<Record<string, string>> = {},
): void {
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=UTF-8',
		'content-length': Buffer.byteLength(payload),
		...headers,
	});
	res.end(payload);
}
