/**
 * Where the access token may go. A media URL from GET /{media-id} is downloaded with the access token
 * (cloud-api/reference/media "Download Media"); the token must reach Meta's own hosts only — or the host of the
 * configured base URL (a local sandbox) — never whatever host an answer names.
 */
const META_MEDIA_HOSTS = ['fbsbx.com', 'facebook.com', 'fbcdn.net', 'whatsapp.net'];

export function checkMediaDownloadUrl(url: string, graphBaseUrl: string): URL {
	if (!URL.canParse(url)) throw new Error(`Meta's media URL "${url}" is not a URL.`);
	const parsed = new URL(url);
	const base = new URL(graphBaseUrl);
	if (parsed.origin === base.origin) return parsed;
	const host = parsed.hostname.toLowerCase();
	const metaHost = META_MEDIA_HOSTS.some((domain) => host === domain || host.endsWith(`.${domain}`));
	if (parsed.protocol !== 'https:' || !metaHost) {
		throw new Error(`Refusing to send the access token to ${parsed.origin}: media URLs must be on Meta's hosts (${META_MEDIA_HOSTS.join(', ')}) or the credential's base URL.`);
	}
	return parsed;
}
