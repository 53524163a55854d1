import { HttpNetworkError, toNetworkError } from '../../../nodes/shared/http/types';
import { GraphNetworkError, GraphUnknownOutcomeError } from '../../../nodes/shared/graph/graph-errors';
import { parseMetaError } from '../../../nodes/shared/graph/meta-error';
import { classifyFailure, exponentialBackoff, isRetrySafe, type OperationKind } from '../../../nodes/shared/graph/retry-policy';

const KINDS: OperationKind[] = ['read', 'write', 'send'];
const noJitter = (): number => 1;

function answer(status: number, code?: number) {
	return parseMetaError(status, code === undefined ? '' : { error: { message: `(#${code}) x`, code } });
}

type Expected = 'retry' | 'fail' | 'unknown';

// [description, status, code, read, write, send]
const ANSWERS: Array<[string, number, number | undefined, Expected, Expected, Expected]> = [
	['4 too many calls', 400, 4, 'retry', 'retry', 'retry'],
	['80007 WABA rate limit', 400, 80007, 'retry', 'retry', 'retry'],
	['130429 throughput', 400, 130429, 'retry', 'retry', 'retry'],
	['131056 pair rate', 400, 131056, 'retry', 'retry', 'retry'],
	['2 temporary service error', 503, 2, 'retry', 'retry', 'retry'],
	['1 unknown on 400', 400, 1, 'retry', 'retry', 'fail'],
	['1 unknown on 500', 500, 1, 'retry', 'retry', 'retry'],
	['131000 generic on 400', 400, 131000, 'retry', 'retry', 'fail'],
	['131000 generic on 500', 500, 131000, 'retry', 'retry', 'retry'],
	['131047 re-engagement', 400, 131047, 'fail', 'fail', 'fail'],
	['131026 undeliverable', 400, 131026, 'fail', 'fail', 'fail'],
	['131050 marketing opt-out', 400, 131050, 'fail', 'fail', 'fail'],
	['131049 not delivered', 400, 131049, 'fail', 'fail', 'fail'],
	['131048 spam rate', 400, 131048, 'fail', 'fail', 'fail'],
	['132000 template params', 400, 132000, 'fail', 'fail', 'fail'],
	['132001 template missing', 404, 132001, 'fail', 'fail', 'fail'],
	['132005 template too long', 400, 132005, 'fail', 'fail', 'fail'],
	['132007 template policy', 400, 132007, 'fail', 'fail', 'fail'],
	['132012 template format', 400, 132012, 'fail', 'fail', 'fail'],
	['132015 template paused', 400, 132015, 'fail', 'fail', 'fail'],
	['132016 template disabled', 400, 132016, 'fail', 'fail', 'fail'],
	['132068 flow blocked', 400, 132068, 'fail', 'fail', 'fail'],
	['132069 flow throttled', 400, 132069, 'fail', 'fail', 'fail'],
	['132999 any 132xxx, even on 500', 500, 132999, 'fail', 'fail', 'fail'],
	['133016 registration limit', 400, 133016, 'fail', 'fail', 'fail'],
	['139003 flow status', 400, 139003, 'fail', 'fail', 'fail'],
	['139004 flow not draft', 400, 139004, 'fail', 'fail', 'fail'],
	['139006 metrics unavailable', 400, 139006, 'fail', 'fail', 'fail'],
	['190 invalid token', 401, 190, 'fail', 'fail', 'fail'],
	['10 permission', 403, 10, 'fail', 'fail', 'fail'],
	['200 permission', 403, 200, 'fail', 'fail', 'fail'],
	['100 invalid parameter', 400, 100, 'fail', 'fail', 'fail'],
	['368 blocked', 403, 368, 'fail', 'fail', 'fail'],
	['131005 access denied', 403, 131005, 'fail', 'fail', 'fail'],
	['131008 missing parameter', 400, 131008, 'fail', 'fail', 'fail'],
	['131009 invalid parameter', 400, 131009, 'fail', 'fail', 'fail'],
	['131021 recipient is sender', 400, 131021, 'fail', 'fail', 'fail'],
	['131031 account locked', 403, 131031, 'fail', 'fail', 'fail'],
	['131042 payment issue', 400, 131042, 'fail', 'fail', 'fail'],
	['131051 unsupported type', 400, 131051, 'fail', 'fail', 'fail'],
	['131052 media download', 400, 131052, 'fail', 'fail', 'fail'],
	['131053 media upload', 400, 131053, 'fail', 'fail', 'fail'],
	['133005 PIN mismatch', 400, 133005, 'fail', 'fail', 'fail'],
	['133010 not registered', 400, 133010, 'fail', 'fail', 'fail'],
	['unknown code on 400 (validation)', 400, 555555, 'fail', 'fail', 'fail'],
	['unknown code on 500', 500, 555555, 'retry', 'retry', 'retry'],
	['HTTP 429 without a code', 429, undefined, 'retry', 'retry', 'retry'],
	['HTTP 500 without a code', 500, undefined, 'retry', 'retry', 'retry'],
	['HTTP 503 without a code', 503, undefined, 'retry', 'retry', 'retry'],
	['HTTP 502 without a code (gateway may have forwarded it)', 502, undefined, 'retry', 'retry', 'unknown'],
	['HTTP 504 without a code (gateway may have forwarded it)', 504, undefined, 'retry', 'retry', 'unknown'],
	['HTTP 400 without a code', 400, undefined, 'fail', 'fail', 'fail'],
	['HTTP 404 without a code', 404, undefined, 'fail', 'fail', 'fail'],
];

describe('classifyFailure: Meta answers', () => {
	describe.each(ANSWERS)('%s', (_name, status, code, read, write, send) => {
		it.each(KINDS.map((kind, index) => [kind, [read, write, send][index]] as const))('%s → %s', (kind, expected) => {
			expect(classifyFailure(answer(status, code), kind, 1, noJitter).action).toBe(expected);
		});
	});
});

// [network code, read, write, send]
const NETWORK: Array<[string, Expected, Expected, Expected]> = [
	['ECONNRESET', 'retry', 'retry', 'unknown'],
	['ETIMEDOUT', 'retry', 'retry', 'unknown'],
	['ECONNABORTED', 'retry', 'retry', 'unknown'],
	['EPIPE', 'retry', 'retry', 'unknown'],
	['UNKNOWN', 'retry', 'retry', 'unknown'],
	['ECONNREFUSED', 'retry', 'retry', 'retry'],
	['ENOTFOUND', 'retry', 'retry', 'retry'],
	['EAI_AGAIN', 'retry', 'retry', 'retry'],
];

describe('classifyFailure: no answer', () => {
	describe.each(NETWORK)('%s', (code, read, write, send) => {
		it.each(KINDS.map((kind, index) => [kind, [read, write, send][index]] as const))('%s → %s', (kind, expected) => {
			expect(classifyFailure(toNetworkError(code, 'x'), kind, 1, noJitter).action).toBe(expected);
		});
	});
});

describe('retry delays', () => {
	it('waits 4 s, 16 s, 64 s after the 1st, 2nd, 3rd pair-rate-limit error, as Meta asks (4^n seconds)', () => {
		const delays = [1, 2, 3].map((attempt) => classifyFailure(answer(400, 131056), 'send', attempt, noJitter));
		expect(delays).toEqual([
			{ action: 'retry', delayMs: 4_000 },
			{ action: 'retry', delayMs: 16_000 },
			{ action: 'retry', delayMs: 64_000 },
		]);
	});

	it('backs off exponentially (2^n s) with jitter between half and all of it', () => {
		expect([1, 2, 3, 4].map((attempt) => exponentialBackoff(attempt, () => 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
		expect([1, 2, 3, 4].map((attempt) => exponentialBackoff(attempt, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000]);
		expect(exponentialBackoff(3, () => 0.5)).toBe(6_000);
	});

	it('waits at least what Retry-After asks', () => {
		const throttled = parseMetaError(429, '', { 'retry-after': '30' });
		expect(classifyFailure(throttled, 'read', 1, noJitter)).toEqual({ action: 'retry', delayMs: 30_000 });
	});
});

describe('isRetrySafe', () => {
	const reset = toNetworkError('ECONNRESET', 'socket hang up');
	const refused = toNetworkError('ECONNREFUSED', 'connect ECONNREFUSED');

	it('says a refused call (any Meta error answer) can be sent again without a duplicate', () => {
		expect(isRetrySafe(answer(400, 131047))).toBe(true);
		expect(isRetrySafe(answer(429, 130429))).toBe(true);
	});

	it('says an unknown outcome cannot', () => {
		expect(isRetrySafe(new GraphUnknownOutcomeError('POST', 'https://x/v25.0/1/messages', 1, reset))).toBe(false);
	});

	it('follows whether a network failure may have reached Meta', () => {
		expect(isRetrySafe(new GraphNetworkError('POST', 'u', 'send', 4, refused))).toBe(true);
		expect(isRetrySafe(new GraphNetworkError('GET', 'u', 'read', 4, reset))).toBe(true);
		expect(isRetrySafe(refused)).toBe(true);
		expect(isRetrySafe(reset)).toBe(false);
		expect(isRetrySafe(new HttpNetworkError('x', 'ETIMEDOUT', true))).toBe(false);
	});

	it('says no for anything else', () => {
		expect(isRetrySafe(new Error('boom'))).toBe(false);
		expect(isRetrySafe(undefined)).toBe(false);
	});
});
