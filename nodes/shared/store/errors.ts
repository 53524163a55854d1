export type StoreErrorCode = 'STORE_UNAVAILABLE' | 'STORE_CONTENTION' | 'STORE_REJECTED';

export abstract class StoreError extends Error {
	abstract readonly code: StoreErrorCode;
}

/** The backend could not be reached or failed (network error, 5xx, 429). Whether to fail open or closed is the caller's decision. */
export class StoreUnavailableError extends StoreError {
	readonly code = 'STORE_UNAVAILABLE';

	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'StoreUnavailableError';
	}
}

/** The operation lost the race to concurrent writers too many times in a row and gave up. */
export class StoreContentionError extends StoreError {
	readonly code = 'STORE_CONTENTION';

	constructor(message: string) {
		super(message);
		this.name = 'StoreContentionError';
	}
}

/** The backend refused the request for a reason retrying will not fix: credentials, scopes, input, storage cap. */
export class StoreRejectedError extends StoreError {
	readonly code = 'STORE_REJECTED';

	constructor(
		message: string,
		readonly status?: number,
	) {
		super(message);
		this.name = 'StoreRejectedError';
	}
}
