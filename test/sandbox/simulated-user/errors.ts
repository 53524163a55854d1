// Why a simulated user cannot do what a test asked, with the HTTP status the sandbox API answers it with.

export type SimulatedUserErrorCode =
	/** No delivered message to this user opens a flow. */
	| 'no-flow-message'
	/** The message's flow (or its template) no longer exists. */
	| 'flow-not-found'
	/** The flow exists but the app would not open it (BLOCKED, never published, endpoint flow without endpoint_uri). */
	| 'flow-not-openable'
	/** An endpoint flow, and the business phone number has no public key to encrypt requests with. */
	| 'no-public-key'
	/** A step before `openLastFlow`. */
	| 'no-open-flow';

const HTTP_STATUS: Record<SimulatedUserErrorCode, number> = {
	'no-flow-message': 404,
	'flow-not-found': 404,
	'flow-not-openable': 409,
	'no-public-key': 409,
	'no-open-flow': 409,
};

export class SimulatedUserError extends Error {
	constructor(
		readonly code: SimulatedUserErrorCode,
		message: string,
	) {
		super(message);
	}

	get httpStatus(): number {
		return HTTP_STATUS[this.code];
	}
}
