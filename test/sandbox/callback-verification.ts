// Meta's verification request to a callback URL before it accepts it (graph-api/webhooks/getting-started,
// "Verification Requests"): GET <url>?hub.mode=subscribe&hub.challenge=<number>&hub.verify_token=<token>; the
// endpoint must answer 200 with the challenge as its body. An alternate callback URL is given with its verify_token
// for this check (whatsapp/webhooks/override: "Alternate callback URL verification token").
// A failed check is Graph error 2200, e.g. "(#2200) Callback verification failed with the following errors: HTTP
// Status Code = 404; HTTP Message = Not Found" (as reported in fbsamples/original-coast-clothing#84), or "Response
// does not match challenge, expected value=…, received=…" (the App Dashboard's wording).
import { randomInt } from 'node:crypto';
import { GraphError } from './errors';
import type { SandboxState } from './state';

export interface CallbackVerification {
	at: string;
	url: string;
	/** HTTP status of the answer; null = none. */
	status: number | null;
	ok: boolean;
	problem?: string;
}

function verificationFailed(problem: string): GraphError {
	return new GraphError(400, {
		message: `(#2200) Callback verification failed with the following errors: ${problem}`,
		type: 'OAuthException',
		code: 2200,
	});
}

/** Sends the verification request; throws GraphError 2200 unless the callback echoes the challenge with 200. */
export async function verifyCallbackUrl(state: SandboxState, url: string, verifyToken: string): Promise<void> {
	// Not from state.random: that sequence drives fault rates, which tests expect to be reproducible.
	const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
	const target = new URL(url);
	target.searchParams.set('hub.mode', 'subscribe');
	target.searchParams.set('hub.challenge', challenge);
	target.searchParams.set('hub.verify_token', verifyToken);
	const record: CallbackVerification = { at: new Date().toISOString(), url, status: null, ok: false };
	state.callbackVerifications.push(record);
	let problem: string | undefined;
	try {
		const signal = AbortSignal.any([state.lifetime.signal, AbortSignal.timeout(state.config.webhooks.timeoutMs)]);
		const response = await fetch(target, { method: 'GET', signal });
		const body = (await response.text()).slice(0, 200);
		record.status = response.status;
		if (response.status !== 200) problem = `HTTP Status Code = ${response.status}; HTTP Message = ${response.statusText}`;
		else if (body !== challenge) problem = `Response does not match challenge, expected value="${challenge}", received="${body}"`;
	} catch (error: unknown) {
		const e = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string } };
		problem = e.name === 'TimeoutError' ? 'Operation timed out' : `Couldn't connect to server (${e.cause?.code ?? e.message ?? 'error'})`;
	}
	if (problem !== undefined) {
		record.problem = problem;
		throw verificationFailed(problem);
	}
	record.ok = true;
}
