import { attemptSend } from '../../../nodes/shared/broadcast/send-outcome';
import { GraphNetworkError, GraphUnknownOutcomeError } from '../../../nodes/shared/graph/graph-errors';
import { parseMetaError } from '../../../nodes/shared/graph/meta-error';
import { toNetworkError } from '../../../nodes/shared/http/types';

const options = { now: () => 1_700_000_000_000, random: () => 1 };
const metaError = (status: number, code: number) => parseMetaError(status, { error: { message: `(#${code}) x`, code } });
const failing = (error: unknown) => async () => {
	throw error;
};

describe('attemptSend: what one send came to, and whether to try again', () => {
	it('reports the message id and the wa_id Meta answered', async () => {
		const outcome = await attemptSend(async () => ({ contacts: [{ wa_id: '15550107777' }], messages: [{ id: 'wamid.1' }] }), 1, options);
		expect(outcome).toEqual({ kind: 'final', result: { status: 'sent', messageId: 'wamid.1', waId: '15550107777', sentAt: 1_700_000_000_000 } });
	});

	it.each([
		['130429 throughput (the pacer slows down; the message waits for the next second)', 400, 130429, 1000],
		['4 too many calls', 400, 4, 2000],
		['80007 WABA rate limit', 400, 80007, 2000],
		['131056 pair rate (4^n s)', 400, 131056, 4000],
		['HTTP 429', 429, 2, 2000],
		['HTTP 500 with Meta\'s body', 500, 1, 2000],
		['HTTP 503 code 2', 503, 2, 2000],
	])('retries %s: Meta did not take the message', async (_what, status, code, delayMs) => {
		const outcome = await attemptSend(failing(metaError(status, code)), 1, options);
		expect(outcome).toMatchObject({ kind: 'retry', afterMs: delayMs, result: { status: 'failed', failure: { code, retrySafe: true } } });
	});

	it('marks the answers that mean "you send too fast" (130429, 80007, 4, HTTP 429), not the pair rate or a 5xx', async () => {
		for (const [status, code] of [[400, 130429], [400, 80007], [400, 4], [429, 130429]]) {
			expect(await attemptSend(failing(metaError(status, code)), 1, options)).toMatchObject({ kind: 'retry', throttled: true });
		}
		for (const [status, code] of [[400, 131056], [503, 2]]) {
			expect(await attemptSend(failing(metaError(status, code)), 1, options)).not.toHaveProperty('throttled');
		}
	});

	it('waits longer on each later attempt, at most 64 s', async () => {
		expect(await attemptSend(failing(metaError(400, 131056)), 2, options)).toMatchObject({ afterMs: 16_000 });
		expect(await attemptSend(failing(metaError(400, 131056)), 4, options)).toMatchObject({ afterMs: 64_000 });
		expect(await attemptSend(failing(metaError(503, 2)), 7, options)).toMatchObject({ afterMs: 64_000 });
		expect(await attemptSend(failing(metaError(400, 130429)), 7, options)).toMatchObject({ afterMs: 1000 });
	});

	it.each([
		['131047 outside the 24-hour window', 131047],
		['131026 undeliverable', 131026],
		['132000 template parameters', 132000],
		['131050 the user stopped marketing messages', 131050],
	])('does not retry %s, and says a resend would not duplicate it', async (_what, code) => {
		const outcome = await attemptSend(failing(metaError(400, code)), 1, options);
		expect(outcome).toMatchObject({ kind: 'final', result: { status: 'failed', failure: { code, retrySafe: true } } });
	});

	it('never retries when the connection broke after sending: the outcome is unknown, a resend unsafe', async () => {
		const reset = toNetworkError('ECONNRESET', 'socket hang up');
		const outcome = await attemptSend(failing(new GraphUnknownOutcomeError('POST', 'u', 1, reset)), 1, options);
		expect(outcome).toMatchObject({ kind: 'final', result: { status: 'unknown', failure: { code: null, retrySafe: false } } });
		if (outcome.result.status === 'unknown') expect(outcome.result.failure.cause).toContain('ECONNRESET');
	});

	it('retries a request that never left (connection refused)', async () => {
		const refused = toNetworkError('ECONNREFUSED', 'connect ECONNREFUSED');
		const outcome = await attemptSend(failing(new GraphNetworkError('POST', 'u', 'send', 1, refused)), 1, options);
		expect(outcome).toMatchObject({ kind: 'retry', afterMs: 2000, result: { status: 'failed', failure: { title: 'Meta not reached', retrySafe: true } } });
	});
});
