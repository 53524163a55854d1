import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

export interface DownloadedFile {
	data: Buffer;
	contentType?: string;
}

/**
 * Downloads a file as bytes through n8n's HTTP helpers: with the credential's auth header (Meta's media URLs need
 * the access token) or without (public CDN links such as a QR code image). Non-2xx answers throw, naming the status.
 */
export async function downloadFile(context: IExecuteFunctions, url: string, credentialType?: string): Promise<DownloadedFile> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 120_000,
	};
	const response = (
		credentialType
			? await context.helpers.httpRequestWithAuthentication.call(context, credentialType, options)
			: await context.helpers.httpRequest(options)
	) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
	const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
	if (response.statusCode < 200 || response.statusCode >= 300) {
		// Meta answers 404 once a media URL has expired (5 minutes) or the token is wrong (cloud-api/reference/media).
		throw new Error(`Downloading ${new URL(url).origin}${new URL(url).pathname} failed with HTTP ${response.statusCode}: ${data.toString('utf8').slice(0, 200)}`);
	}
	const contentType = response.headers['content-type'];
	return { data, ...(typeof contentType === 'string' ? { contentType } : {}) };
}
