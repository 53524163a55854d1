import { createGraphClient, type GraphClient } from '../../../nodes/shared/graph/graph-client';
import { toNetworkError, type HttpRequest, type HttpResponse, type HttpSend } from '../../../nodes/shared/http/types';
import { SANDBOX_ACCESS_TOKEN, startSandbox, type Sandbox } from '../../sandbox';

/** The core's HttpSend over fetch, with the sandbox's token: what the n8n adapter does, without n8n. */
export function fetchSend(token = SANDBOX_ACCESS_TOKEN): HttpSend {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const url = new URL(request.url);
		for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
		const raw = Buffer.isBuffer(request.body) || typeof request.body === 'string';
		const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(request.headers ?? {}) };
		if (request.body !== undefined && !raw) headers['content-type'] = 'application/json';
		try {
			const response = await fetch(url, {
				method: request.method,
				headers,
				body: request.body === undefined ? undefined : raw ? (request.body as string | Buffer) : JSON.stringify(request.body),
			});
			const text = await response.text();
			let body: unknown = text;
			try {
				body = JSON.parse(text) as unknown;
			} catch {
				// not JSON: keep the text
			}
			return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body };
		} catch (error) {
			throw toNetworkError((error as { cause?: { code?: string } }).cause?.code, (error as Error).message);
		}
	};
}

export function sandboxClient(sandbox: Sandbox, token?: string): GraphClient {
	return createGraphClient({ send: fetchSend(token), baseUrl: sandbox.url, version: 'v25.0', sleep: async () => undefined, maxAttempts: 1 });
}

export async function downloadText(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return await response.text();
}

export { startSandbox, type Sandbox };
