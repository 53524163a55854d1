/**
 * Builds Graph API URLs: `{baseUrl}/{version}/{path}`.
 * Meta: graph-api/guides/versioning (versions are written `vXX.Y` in the path).
 */
export const DEFAULT_GRAPH_VERSION = 'v25.0';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';

const VERSION = /^v?(\d{1,3})\.(\d{1,2})$/i;

/** 'v25.0' or '25.0' → 'v25.0'; blank → the default version. */
export function normaliseGraphVersion(version: string | undefined): string {
	const trimmed = (version ?? '').trim();
	if (trimmed === '') return DEFAULT_GRAPH_VERSION;
	const match = VERSION.exec(trimmed);
	if (!match) {
		throw new Error(`Graph API version "${trimmed}" is not valid: write it like "v25.0" or "25.0".`);
	}
	return `v${Number(match[1])}.${Number(match[2])}`;
}

/** Trims trailing slashes; blank → the default base URL. Accepts a path prefix (e.g. a local stand-in). */
export function normaliseGraphBaseUrl(baseUrl: string | undefined): string {
	const trimmed = (baseUrl ?? '').trim().replace(/\/+$/, '');
	if (trimmed === '') return DEFAULT_GRAPH_BASE_URL;
	const parsed = parseUrl(trimmed);
	if (!parsed) {
		throw new Error(`Graph API base URL "${trimmed}" is not a valid URL, e.g. ${DEFAULT_GRAPH_BASE_URL}.`);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new Error(`Graph API base URL "${trimmed}" must start with https:// (or http:// for a local test server).`);
	}
	if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
		throw new Error(`Graph API base URL "${trimmed}" must not contain a query, fragment or credentials.`);
	}
	const lastSegment = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
	if (VERSION.test(lastSegment)) {
		throw new Error(
			`Graph API base URL "${trimmed}" ends with a version ("${lastSegment}"): set the version separately.`,
		);
	}
	return trimmed;
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Trims slashes and URL-encodes each segment; refuses absolute URLs, `.`/`..` segments and query strings. */
export function normaliseGraphPath(path: string): string {
	const trimmed = path.trim();
	if (ABSOLUTE.test(trimmed)) {
		throw new Error(`Graph API path "${trimmed}" must be relative (e.g. "123456/messages"), not a full URL.`);
	}
	if (/[?#]/.test(trimmed)) {
		throw new Error(`Graph API path "${trimmed}" must not contain "?" or "#": pass query parameters separately.`);
	}
	const segments = trimmed.split('/').filter((segment) => segment !== '');
	for (const segment of segments) {
		if (segment === '.' || segment === '..') {
			throw new Error(`Graph API path "${trimmed}" must not contain "." or ".." segments.`);
		}
	}
	return segments.map((segment) => encodeURIComponent(segment)).join('/');
}

/** `graphUrl('https://graph.facebook.com/', '25.0', '/123/messages')` → `https://graph.facebook.com/v25.0/123/messages`. */
export function graphUrl(baseUrl: string | undefined, version: string | undefined, path: string): string {
	const root = `${normaliseGraphBaseUrl(baseUrl)}/${normaliseGraphVersion(version)}`;
	const relative = normaliseGraphPath(path);
	return relative === '' ? root : `${root}/${relative}`;
}
