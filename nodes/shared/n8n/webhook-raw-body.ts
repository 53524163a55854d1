/** What a webhook node reads from n8n's request: an Express request with n8n's `rawBody` and `readRawBody`. */
export interface RawBodyRequest {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

/**
 * The body as received. For webhook nodes of version > 1, n8n reads the body before `webhook()` only for the content
 * types it parses (application/json among them, which Meta sends); otherwise it is read here.
 */
export async function rawBodyOf(request: RawBodyRequest): Promise<Buffer | undefined> {
	if (request.rawBody === undefined && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			return undefined;
		}
	}
	return request.rawBody;
}

/**
 * Node versions of our webhook triggers. 1.1 behaves as 1: n8n evaluates the expression
 * `$parameter["options"]["binaryData"]` on every request to a version-1 webhook node (n8n 2.x: in a fresh expression
 * isolate, several milliseconds of CPU); from 1.1 on it does not.
 */
export const WEBHOOK_NODE_VERSIONS = { version: [1, 1.1], defaultVersion: 1.1 };
