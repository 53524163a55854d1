// Where picked files go: WhatsApp's CDN holds them encrypted for the endpoint to download
// (developers.facebook.com/docs/whatsapp/flows/reference/media_upload: up to 20 days). The sandbox can serve this
// in-memory store over HTTP (`get(url)` / `getById(id)`), or pass its own MediaCdn.
import { randomBytes } from './web-crypto';
import { toHex } from './bytes';

export interface MediaCdn {
	/** Stores an encrypted file; answers the URL it can be downloaded from. */
	put(bytes: Uint8Array): Promise<string> | string;
}

export class InMemoryCdn implements MediaCdn {
	private readonly files = new Map<string, Uint8Array>();

	/** `baseUrl` ends where the file id starts, e.g. "http://127.0.0.1:5690/__sandbox/cdn/". */
	constructor(readonly baseUrl = 'https://mmg.sandbox.invalid/v/') {}

	put(bytes: Uint8Array): string {
		const id = toHex(randomBytes(16));
		this.files.set(id, bytes.slice());
		return `${this.baseUrl}${id}`;
	}

	getById(id: string): Uint8Array | undefined {
		return this.files.get(id);
	}

	get(url: string): Uint8Array | undefined {
		return url.startsWith(this.baseUrl) ? this.getById(url.slice(this.baseUrl.length)) : undefined;
	}

	get size(): number {
		return this.files.size;
	}
}
