import { randomBytes } from 'node:crypto';

/**
 * Request bodies for Graph calls. Most endpoints take JSON; a few take form fields
 * (Meta: cloud-api/reference/whatsapp-business-encryption) or multipart uploads
 * (Meta: flows/reference/flowsapi — POST /{FLOW_ID}/assets; cloud-api/reference/media).
 */
export type FormValue = string | number | boolean;

export interface MultipartField {
	name: string;
	value: string;
}

export interface MultipartFile {
	name: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

export type MultipartPart = MultipartField | MultipartFile;

export type RequestBody =
	| { kind: 'json'; value: unknown }
	| { kind: 'form'; fields: Record<string, FormValue> }
	| { kind: 'multipart'; parts: MultipartPart[] };

export interface EncodedBody {
	/** For `HttpRequest.body`: a JSON object, or a string / Buffer sent as is. */
	body: unknown;
	headers: Record<string, string>;
}

export function encodeBody(body: RequestBody, boundary?: string): EncodedBody {
	switch (body.kind) {
		case 'json':
			return {
				// HttpRequest sends objects as JSON and strings as is, so a bare JSON scalar is serialised here.
				body: typeof body.value === 'object' && body.value !== null ? body.value : JSON.stringify(body.value),
				headers: { 'content-type': 'application/json' },
			};
		case 'form':
			return {
				body: encodeForm(body.fields),
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
			};
		case 'multipart': {
			// Drawn only here: a broadcast encodes hundreds of JSON bodies a second.
			const separator = boundary ?? randomBoundary();
			return {
				body: encodeMultipart(body.parts, separator),
				headers: { 'content-type': `multipart/form-data; boundary=${separator}` },
			};
		}
	}
}

export function encodeForm(fields: Record<string, FormValue>): string {
	return new URLSearchParams(Object.entries(fields).map(([key, value]): [string, string] => [key, String(value)])).toString();
}

const CRLF = '\r\n';

/** RFC 7578 multipart/form-data, assembled by hand so the core needs no dependency. */
export function encodeMultipart(parts: MultipartPart[], boundary: string): Buffer {
	if (!/^[A-Za-z0-9'()+_,\-./:=?]{1,70}$/.test(boundary)) {
		throw new Error('A multipart boundary must be 1 to 70 characters from the RFC 2046 set.');
	}
	const delimiter = Buffer.from(`--${boundary}`);
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const content = isFile(part) ? part.data : Buffer.from(part.value, 'utf8');
		if (content.includes(delimiter)) {
			throw new Error(`Multipart part "${part.name}" contains the boundary; use another boundary.`);
		}
		let head = `--${boundary}${CRLF}Content-Disposition: form-data; name="${quote(part.name)}"`;
		if (isFile(part)) {
			head += `; filename="${quote(part.filename)}"${CRLF}Content-Type: ${singleLine(part.contentType)}`;
		}
		chunks.push(Buffer.from(head + CRLF + CRLF, 'utf8'), content, Buffer.from(CRLF));
	}
	chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
	return Buffer.concat(chunks);
}

function isFile(part: MultipartPart): part is MultipartFile {
	return 'data' in part;
}

/** Escaping of names in Content-Disposition as browsers do it (WHATWG HTML, multipart/form-data encoding). */
function quote(value: string): string {
	return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function singleLine(value: string): string {
	if (/[\r\n]/.test(value)) throw new Error('A multipart content type must be a single line.');
	return value;
}

function randomBoundary(): string {
	return `----n8nWhatsAppFlows${randomBytes(12).toString('hex')}`;
}
