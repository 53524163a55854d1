import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Reads a text file from a signed download link, such as a Flow asset's download_url (Meta:
 * whatsapp/flows/reference/flowsapi "List Assets"): the link carries its own token, so no credential is sent along.
 */
export async function downloadText(context: IExecuteFunctions, url: string): Promise<string> {
	const body = (await context.helpers.httpRequest({ method: 'GET', url, json: false, encoding: 'text', timeout: 30_000 })) as unknown;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	// n8n may have parsed a JSON answer already; the caller compares meaning, not bytes.
	return JSON.stringify(body);
}
