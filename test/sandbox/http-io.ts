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

/** A file part of a multipart/form-data body. */
export interface UploadedFile {
	/** The part's form field name, e.g. "file". */
	field: string;
	/** The filename given in Content-Disposition, if any. */
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export interface ParsedBody {
	/** Parameters from the body; {} when there are none or they cannot be read. */
	params: Record<string, unknown>;
	/** What to show in the call log: the parsed body, the raw text when unreadable, or null when empty. */
	logged: unknown;
	/** File parts of a multipart body, by field name (the last one wins). */
	files: Record<string, UploadedFile>;
	/**
	 * Top-level form and multipart text fields exactly as sent, before JSON-looking values are parsed (a Flow JSON
	 * sent as `flow_json` keeps its own line and column numbers).
	 */
	rawFields: Record<string, string>;
}

function headerParam(header: string, name: string): string | undefined {
	const match = new RegExp(`(?:^|;)\\s*${name}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`(?:^|;)\\s*${name}=([^;\\s]+)`, 'i').exec(header);
	return match?.[1];
}

/**
 * multipart/form-data (RFC 7578), as Postman's "Update Flow JSON" and "Upload Media" send it: text parts become
 * parameters (read like form values), parts with a filename become files.
 */
export function parseMultipart(
	contentType: string,
	raw: Buffer,
): { params: Record<string, unknown>; files: Record<string, UploadedFile>; rawFields: Record<string, string> } {
	const params: Record<string, unknown> = {};
	const files: Record<string, UploadedFile> = {};
	const rawFields: Record<string, string> = {};
	const boundary = headerParam(contentType, 'boundary');
	if (boundary === undefined) return { params, files, rawFields };
	const delimiter = Buffer.from(`--${boundary}`);
	let position = raw.indexOf(delimiter);
	while (position !== -1) {
		let start = position + delimiter.length;
		if (raw.subarray(start, start + 2).toString() === '--') break;
		if (raw.subarray(start, start + 2).toString() === '\r\n') start += 2;
		const next = raw.indexOf(delimiter, start);
		if (next === -1) break;
		// The part ends with CRLF before the next delimiter.
		const part = raw.subarray(start, next >= 2 && raw.subarray(next - 2, next).toString() === '\r\n' ? next - 2 : next);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headers: Record<string, string> = {};
			for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
				const colon = line.indexOf(':');
				if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
			}
			const data = part.subarray(headerEnd + 4);
			const disposition = headers['content-disposition'] ?? '';
			const field = headerParam(disposition, 'name');
			const filename = headerParam(disposition, 'filename');
			if (field !== undefined) {
				if (filename !== undefined) {
					files[field] = { field, filename, contentType: headers['content-type'], data: Buffer.from(data) };
				} else {
					rawFields[field] = data.toString('utf8');
					setFormKey(params, field, formValue(rawFields[field]));
				}
			}
		}
		position = next;
	}
	return { params, files, rawFields };
}

/** Graph reads JSON bodies and form-encoded bodies alike (graph-api/overview: "POST ... JSON or form"). */
export function parseBody(contentType: string | undefined, raw: Buffer): ParsedBody {
	if (raw.length === 0) return { params: {}, logged: null, files: {}, rawFields: {} };
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('multipart/form-data')) {
		const { params, files, rawFields } = parseMultipart(contentType ?? '', raw);
		const logged = {
			...params,
			...Object.fromEntries(
				Object.values(files).map((f) => [f.field, `[file ${f.filename ?? ''} ${f.contentType ?? ''} ${f.data.length} bytes]`]),
			),
		};
		return { params, logged, files, rawFields };
	}
	const text = raw.toString('utf8');
	if (type.includes('application/x-www-form-urlencoded')) {
		const params = parseForm(text);
		return { params, logged: params, files: {}, rawFields: Object.fromEntries(new URLSearchParams(text)) };
	}
	if (type.includes('json') || type === '' || text.trimStart().startsWith('{')) {
		try {
			const parsed = JSON.parse(text) as unknown;
			return { params: isRecord(parsed) ? parsed : {}, logged: parsed, files: {}, rawFields: {} };
		} catch {
			return { params: {}, logged: text, files: {}, rawFields: {} };
		}
	}
	return { params: {}, logged: text, files: {}, rawFields: {} };
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

/** A non-JSON answer (downloads: Flow JSON assets, media). */
export function sendBytes(res: ServerResponse, status: number, data: Buffer, headers: Readonly<Record<string, string>>): void {
	res.writeHead(status, { 'content-length': data.length, ...headers });
	res.end(data);
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
