import { SANDBOX_ACCESS_TOKEN, SANDBOX_WABA_ID } from '../../sandbox/seed';

/** The sandbox's own API (/__sandbox/…) and plain Graph calls to it, for e2e tests. */
export interface SandboxCall {
	seq: number;
	method: string;
	path: string;
	body: unknown;
	status: number | null;
	faultId?: string;
}

export interface SandboxMessage {
	id: string;
	waId: string;
	to: string;
	type: string;
	status: string;
	content: Record<string, unknown>;
	request: Record<string, unknown>;
	context?: { message_id: string };
}

export class SandboxApi {
	constructor(readonly url: string) {}

	async call<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
		const response = await fetchOnceMore(`${this.url}/__sandbox/${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`sandbox ${method} ${route}: ${response.status} ${text}`);
		return (text === '' ? undefined : JSON.parse(text)) as T;
	}

	/** A Graph call with the sandbox's access token, as the Cloud API credential makes it. */
	async graph<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetchOnceMore(`${this.url}/v25.0/${path}`, {
			method,
			headers: { 'content-type': 'application/json', authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = (await response.json()) as T;
		if (!response.ok) throw new Error(`graph ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	}

	/** Creates a template (unless one of that name exists) and waits until the sandbox's review approves it. */
	async approvedTemplate(template: { name: string; language?: string; category?: string; components: unknown[]; [key: string]: unknown }): Promise<void> {
		const path = `${SANDBOX_WABA_ID}/message_templates`;
		const named = async () => (await this.graph<{ data: Array<{ status: string }> }>('GET', `${path}?name=${template.name}`)).data;
		if ((await named()).length === 0) await this.graph('POST', path, { language: 'en_US', category: 'MARKETING', ...template });
		for (let i = 0; i < 50; i++) {
			if ((await named())[0]?.status === 'APPROVED') return;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`template ${template.name} was not approved`);
	}

	async messagesTo(waId: string): Promise<SandboxMessage[]> {
		return await this.call<SandboxMessage[]>('GET', `messages?to=${waId}`);
	}

	async allMessages(): Promise<SandboxMessage[]> {
		return await this.call<SandboxMessage[]>('GET', 'messages');
	}

	async sendCalls(): Promise<SandboxCall[]> {
		return await this.call<SandboxCall[]>('GET', 'calls?method=POST&path=%2Fmessages');
	}

	async addFault(fault: Record<string, unknown>): Promise<string> {
		return (await this.call<{ id: string }>('POST', 'faults', fault)).id;
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', 'faults');
	}

	async configure(config: Record<string, unknown>): Promise<void> {
		await this.call('POST', 'config', config);
	}

	/** The user writes to the business: opens the 24-hour window; answers the inbound message's wamid. */
	async userWrites(waId: string, text: string): Promise<string> {
		return (await this.call<{ id: string }>('POST', `users/${waId}/send-text`, { text })).id;
	}

	async openWindow(waId: string): Promise<void> {
		await this.call('POST', `users/${waId}/open-window`, {});
	}
}

/**
 * fetch, tried once more when the connection fails: a keep-alive connection idle through a long broadcast may be
 * closed by the server just as it is reused (ECONNRESET / "other side closed"), before the request was read.
 */
async function fetchOnceMore(url: string, init: RequestInit): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch {
		return await fetch(url, init);
	}
}
