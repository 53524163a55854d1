import { TtlCache } from './ttl-cache';

export interface KeptSecretsOptions {
	/** How long read secrets are used without reading them again. */
	ttlMs: number;
	/** A refusal made with secrets at least this old is decided again with freshly read ones. */
	rereadAfterMs: number;
	capacity?: number;
	now?: () => number;
}

/**
 * Secrets that are expensive to read (n8n credentials), kept per key for a short time. A decision that refuses the
 * request may be the fault of stale secrets (a rotated key, a new app secret), so it is made again with freshly read
 * ones, unless the kept ones are younger than `rereadAfterMs`: a flood of refused requests then costs at most one
 * read per `rereadAfterMs`. Concurrent reads of one key are shared. Replaced secrets keep working for at most `ttlMs`.
 */
export class KeptSecrets<S> {
	private readonly cache: TtlCache<S>;
	private readonly pending = new Map<string, Promise<S>>();

	constructor(private readonly options: KeptSecretsOptions) {
		this.cache = new TtlCache<S>(options.ttlMs, options.capacity ?? 256, options.now);
	}

	async decide<D>(
		key: string,
		read: () => Promise<S>,
		decide: (secrets: S) => Promise<D>,
		isRefusal: (decision: D) => boolean,
		same: (a: S, b: S) => boolean,
	): Promise<D> {
		const kept = this.cache.getEntry(key);
		if (kept === undefined) return await decide(await this.readAndKeep(key, read));
		const decision = await decide(kept.value);
		if (!isRefusal(decision) || kept.ageMs < this.options.rereadAfterMs) return decision;
		const fresh = await this.readAndKeep(key, read);
		return same(kept.value, fresh) ? decision : await decide(fresh);
	}

	private async readAndKeep(key: string, read: () => Promise<S>): Promise<S> {
		let pending = this.pending.get(key);
		if (pending === undefined) {
			pending = read().then((secrets) => {
				this.cache.set(key, secrets);
				return secrets;
			});
			this.pending.set(key, pending);
			const forget = () => this.pending.delete(key);
			pending.then(forget, forget);
		}
		return await pending;
	}
}
