import type { IExecuteFunctions } from 'n8n-workflow';
import { FlowMediaError, readAtMost, tooLargeError, type CdnDownload } from '../flow-media';

interface StreamResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

const DOWNLOAD_FIX =
	'WhatsApp keeps picked files on its CDN only for a while: decrypt them when the request arrives. Check that n8n can reach the cdn_url host.';

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> & { destroy?: () => void } {
	return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function destroy(body: unknown): void {
	if (typeof body === 'object' && body !== null && typeof (body as { destroy?: unknown }).destroy === 'function') {
		(body as { destroy: () => void }).destroy();
	}
}

/**
 * Downloads picked files from WhatsApp's CDN with n8n's own HTTP helper. Meta's steps (flows/reference/media_upload,
 * step 1: "Download cdn_file file from cdn_url") name no credential for it, so none is sent: no access token leaves
 * n8n for a URL that came in a request. The body is streamed and cut off past the limit.
 */
type Settled<T> = { ok: true; value: T } | { ok: false; reason: string };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: unknown): Settled<T> => ({ ok: false, reason: error instanceof Error ? error.message : String(error) }),
	);
}

function downloadError(message: string): FlowMediaError {
	return new FlowMediaError('download', message, DOWNLOAD_FIX);
}

export function cdnDownloadFor(context: IExecuteFunctions, timeoutMs: number): CdnDownload {
	return async (url, limit) => {
		const sent = await settle(
			context.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: timeoutMs,
			}) as Promise<StreamResponse>,
		);
		if (!sent.ok) throw downloadError(`the CDN could not be reached (${sent.reason})`);
		const { statusCode, headers, body } = sent.value;
		if (statusCode !== 200) {
			destroy(body);
			throw downloadError(`the CDN answered HTTP ${statusCode}`);
		}
		const declared = Number(headers?.['content-length']);
		if (Number.isFinite(declared) && declared > limit.cdnBytes) {
			destroy(body);
			throw tooLargeError(limit);
		}
		if (Buffer.isBuffer(body)) {
			if (body.length > limit.cdnBytes) throw tooLargeError(limit);
			return body;
		}
		if (!isAsyncIterable(body)) throw downloadError('the CDN answer had no body');
		const read = await readAtMost(body, limit, () => destroy(body)).then(
			(file) => file,
			(error: unknown) => (error instanceof FlowMediaError ? error : downloadError(`the download broke off (${error instanceof Error ? error.message : String(error)})`)),
		);
		if (read instanceof FlowMediaError) throw read;
		return read;
	};
}
