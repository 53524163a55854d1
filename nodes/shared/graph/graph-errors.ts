import type { HttpNetworkError } from '../http/types';
import type { MetaApiError } from './meta-error';
import type { OperationKind } from './retry-policy';

/**
 * A call that may have created something (a message, a Flow, a registration) got no clear answer.
 * It is never repeated automatically: a second attempt could deliver the same message twice.
 */
export class GraphUnknownOutcomeError extends Error {
	/** e.g. "ECONNRESET" or "HTTP 504". */
	readonly reason: string;

	constructor(
		readonly method: string,
		readonly url: string,
		readonly attempts: number,
		readonly underlying: HttpNetworkError | MetaApiError,
	) {
		const reason = 'httpStatus' in underlying ? `HTTP ${underlying.httpStatus}` : underlying.code;
		super(
			`No clear answer from Meta for ${method} ${url} (${reason}: ${underlying.message}). ` +
				'The request may have reached Meta and taken effect: a message may have been delivered. ' +
				"It was not repeated, to avoid a duplicate. Check the message status webhook or the recipient's chat before sending it again.",
		);
		this.name = 'GraphUnknownOutcomeError';
		this.reason = reason;
	}
}

/** No answer from Meta after every allowed attempt. */
export class GraphNetworkError extends Error {
	readonly code: string;
	readonly mayHaveReachedServer: boolean;

	constructor(
		readonly method: string,
		readonly url: string,
		readonly kind: OperationKind,
		readonly attempts: number,
		readonly underlying: HttpNetworkError,
	) {
		super(
			`Could not reach Meta's Graph API for ${method} ${url} after ${attempts} attempt${attempts === 1 ? '' : 's'} ` +
				`(${underlying.code}: ${underlying.message}). Check the base URL in the credential and this machine's network access to it.`,
		);
		this.name = 'GraphNetworkError';
		this.code = underlying.code;
		this.mayHaveReachedServer = underlying.mayHaveReachedServer;
	}
}
