// A file picked in a PhotoPicker / DocumentPicker as WhatsApp sends it to the endpoint (data_exchange), per
// developers.facebook.com/docs/whatsapp/flows/reference/media_upload ("Handling media" → "Endpoint"):
//   {media_id, cdn_url, file_name, encryption_metadata: {encrypted_hash, iv, encryption_key, hmac_key, plaintext_hash}}
// all metadata base64. The completion message (nfm_reply response_json) carries another form, {file_name, mime_type,
// sha256, id}: a Cloud API media id, not encrypted, downloaded with the Media API ("Response message" section).
import { decodeBase64Strict } from '../crypto/base64-strict';
import { FlowMediaError } from './errors';

export const AES_256_KEY_BYTES = 32;
export const AES_CBC_IV_BYTES = 16;
export const SHA256_BYTES = 32;

export interface FlowMediaKeys {
	encryptionKey: Buffer;
	hmacKey: Buffer;
	iv: Buffer;
	/** SHA-256 of the CDN file (ciphertext ‖ hmac10). */
	encryptedHash: Buffer;
	/** SHA-256 of the decrypted file. */
	plaintextHash: Buffer;
}

export interface FlowMediaEntry {
	/** Where the entry sits in the parameter, e.g. "files[1]", for messages. */
	path: string;
	fileName: string;
	mediaId: string;
	cdnUrl: string;
	keys: FlowMediaKeys;
}

const ENTRY_FIX =
	'Pass the picker value exactly as WhatsApp sent it to your endpoint, e.g. {{ $json.data.photos }} after a WhatsApp Flow Endpoint trigger.';

const COMPLETION_FORM_FIX =
	'Files in the completion message are not encrypted: download them with the Cloud API Media endpoint (GET /{id} with your access token, then its url). Flow Media → Decrypt takes the files a data_exchange request carries (media_id, cdn_url, encryption_metadata).';

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entryError(message: string, fix = ENTRY_FIX): FlowMediaError {
	return new FlowMediaError('entry', message, fix);
}

function requiredString(record: JsonRecord, field: string, path: string): string {
	const value = record[field];
	if (typeof value !== 'string' || value.trim() === '') throw entryError(`${path}.${field} is missing or not a string`);
	return value.trim();
}

function base64Field(metadata: JsonRecord, field: string, path: string, bytes?: number): Buffer {
	const text = requiredString(metadata, field, path);
	const decoded = decodeBase64Strict(text);
	if (decoded === undefined || decoded.length === 0) throw entryError(`${path}.${field} is not base64`);
	if (bytes !== undefined && decoded.length !== bytes) {
		throw entryError(`${path}.${field} must be ${bytes} bytes (base64), got ${decoded.length}`);
	}
	return decoded;
}

function cdnUrlOf(record: JsonRecord, path: string): string {
	const text = requiredString(record, 'cdn_url', path);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw entryError(`${path}.cdn_url is not a URL`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw entryError(`${path}.cdn_url must be an http(s) URL`);
	return url.toString();
}

function isCompletionForm(record: JsonRecord): boolean {
	return record.encryption_metadata === undefined && typeof record.id === 'string' && typeof record.sha256 === 'string';
}

/** One entry; throws FlowMediaError('entry') naming the field that is wrong. */
export function parseFlowMediaEntry(value: unknown, path: string): FlowMediaEntry {
	if (!isRecord(value)) throw entryError(`${path} is not an object {media_id, cdn_url, file_name, encryption_metadata}`);
	if (isCompletionForm(value)) {
		throw entryError(`${path} is a file from the completion message ({file_name, mime_type, sha256, id}), not an encrypted upload`, COMPLETION_FORM_FIX);
	}
	const mediaId = requiredString(value, 'media_id', path);
	const cdnUrl = cdnUrlOf(value, path);
	const fileName = typeof value.file_name === 'string' && value.file_name.trim() !== '' ? value.file_name.trim() : mediaId;
	const metadata = value.encryption_metadata;
	const metaPath = `${path}.encryption_metadata`;
	if (!isRecord(metadata)) throw entryError(`${metaPath} is missing or not an object`);
	return {
		path,
		fileName,
		mediaId,
		cdnUrl,
		keys: {
			encryptionKey: base64Field(metadata, 'encryption_key', metaPath, AES_256_KEY_BYTES),
			hmacKey: base64Field(metadata, 'hmac_key', metaPath),
			iv: base64Field(metadata, 'iv', metaPath, AES_CBC_IV_BYTES),
			encryptedHash: base64Field(metadata, 'encrypted_hash', metaPath, SHA256_BYTES),
			plaintextHash: base64Field(metadata, 'plaintext_hash', metaPath, SHA256_BYTES),
		},
	};
}

export interface RawFlowMediaEntry {
	path: string;
	value: unknown;
}

const EMPTY_FIX = "Set it to the picker's value, e.g. {{ $json.data.photos }}, and check the field name.";

/**
 * The entries of a parameter holding one entry, an array of them (a picker's value) or either as JSON text, each
 * still to be parsed on its own (so one bad entry does not stop the others). `[]` is no files (an optional picker
 * left empty); an empty value is an error, as it usually means a wrong expression.
 */
export function flowMediaEntryValues(value: unknown, name = 'files'): RawFlowMediaEntry[] {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') throw entryError(`${name} is empty`, EMPTY_FIX);
		try {
			parsed = JSON.parse(value) as unknown;
		} catch {
			throw entryError(`${name} is neither JSON nor an expression that gives the picker's value`);
		}
	}
	if (parsed === undefined || parsed === null) throw entryError(`${name} is empty (the expression gave ${String(parsed)})`, EMPTY_FIX);
	if (Array.isArray(parsed)) return parsed.map((entry, index) => ({ path: `${name}[${index}]`, value: entry }));
	return [{ path: name, value: parsed }];
}

/** The file name and media id of an entry, as far as they can be read (for error items). */
export function describeFlowMediaEntry(value: unknown): { fileName: string | null; mediaId: string | null } {
	const text = (field: string) => (isRecord(value) && typeof value[field] === 'string' ? (value[field] as string) : null);
	return { fileName: text('file_name'), mediaId: text('media_id') ?? text('id') };
}
