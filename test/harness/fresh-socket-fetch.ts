/**
 * fetch, once more when the first attempt died on a kept-alive socket that n8n closed just then (undici's
 * "other side closed" before any answer: n8n did not read the request). Seen under load after idle periods.
 */
export async function fetchOnFreshSocket(url: string, init: RequestInit): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause;
		if (cause?.code !== 'UND_ERR_SOCKET') throw error;
		return await fetch(url, init);
	}
}
