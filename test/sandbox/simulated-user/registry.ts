// The sandbox's simulated users, one per wa_id, and the CDN their picked files go to: WhatsApp's CDN holds them
// encrypted for the endpoint to download (flows/reference/media_upload: cdn_url with encryption_metadata), served
// here at /__cdn/flow-media/{id} without a token, as the CDN's signed URLs need none.
import { InMemoryCdn } from '../client';
import { toWaId, type SandboxState } from '../state';
import { SimulatedUser } from './simulated-user';

export const FLOW_MEDIA_CDN_KIND = 'flow-media';

export class SimulatedUsers {
	private readonly users = new Map<string, SimulatedUser>();
	private cdnValue: InMemoryCdn | undefined;

	constructor(private readonly state: SandboxState) {}

	/** The user with this number (any formatting); created on first use. */
	get(waIdOrNumber: string): SimulatedUser {
		const waId = toWaId(waIdOrNumber);
		let user = this.users.get(waId);
		if (!user) {
			user = new SimulatedUser(this.state, waId, () => this.cdn);
			this.users.set(waId, user);
		}
		return user;
	}

	/** Created on first use, once the sandbox knows its own URL. */
	get cdn(): InMemoryCdn {
		this.cdnValue ??= new InMemoryCdn(`${this.state.baseUrl}/__cdn/${FLOW_MEDIA_CDN_KIND}/`);
		return this.cdnValue;
	}

	/** An encrypted file picked in a flow, by its CDN id. */
	cdnFile(id: string): Uint8Array | undefined {
		return this.cdnValue?.getById(id);
	}

	clear(): void {
		this.users.clear();
		this.cdnValue = undefined;
	}
}
