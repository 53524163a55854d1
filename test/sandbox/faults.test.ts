// Fault injection: rules added over POST /__sandbox/faults change Graph answers before normal handling, so a faulted
// request is never processed (no message is delivered).
import {
	SANDBOX_ACCESS_TOKEN,
	SANDBOX_PHONE_NUMBER_ID,
	startSandbox,
	type FaultInput,
	type FaultRuleView,
	type RecordedCall,
	type Sandbox,
} from './index';
import { call, expectGraphError, get, post } from './test-support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
	expect((await post(sandbox, '/__sandbox/reset')).status).toBe(200);
	// The test user wrote within 24 hours: free-form messages are delivered.
	expect((await post(sandbox, '/__sandbox/users/15550109999/open-window', { json: {} })).status).toBe(200);
});

const token = SANDBOX_ACCESS_TOKEN;
const phonePath = `/v21.0/${SANDBOX_PHONE_NUMBER_ID}`;
const messagesPath = `${phonePath}/messages`;
const user = '15550109999';
const text = (body: string) => ({ messaging_product: 'whatsapp', to: user, type: 'text', text: { body } });

async function addFault(input: FaultInput & Record<string, unknown>): Promise<string> {
	const answer = await post<{ id: string }>(sandbox, '/__sandbox/faults', { json: input });
	expect(answer.status).toBe(201);
	return answer.body.id;
}

async function calls(): Promise<RecordedCall[]> {
	return (await get<RecordedCall[]>(sandbox, '/__sandbox/calls')).body;
}

function field(value: unknown, name: string): unknown {
	return typeof value === 'object' && value !== null && name in value ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * How a request failed: "<message> / <socket error code>" (fetch reports "fetch failed" with the code in `cause`).
 * Duck-typed, as errors from Node's fetch come from another realm than Jest's `Error`.
 */
async function networkFailure(request: Promise<unknown>): Promise<string> {
	try {
		await request;
	} catch (error: unknown) {
		const code = field(field(error, 'cause'), 'code');
		return `${String(field(error, 'message'))} / ${typeof code === 'string' ? code : ''}`;
	}
	throw new Error('the request did not fail');
}

describe('latency', () => {
	it('delays the answer, then handles the request normally (the message is delivered)', async () => {
		const id = await addFault({ pathPattern: '/messages$', latencyMs: 150 });
		const started = Date.now();
		const answer = await post(sandbox, messagesPath, { token, json: text('slow') });
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(answer.status).toBe(200);
		expect(sandbox.state.messagesTo(user)).toHaveLength(1);
		expect((await calls())[0]).toMatchObject({ status: 200, faultId: id });
	});
});

describe('error answers', () => {
	it('preset server-error: HTTP 500, code 1, Meta\'s envelope; the message is not delivered', async () => {
		const id = await addFault({ preset: 'server-error' });
		const error = expectGraphError(await post(sandbox, messagesPath, { token, json: text('lost') }), 500, 1);
		expect(error).toEqual({
			message: 'An unknown error has occurred.',
			type: 'OAuthException',
			code: 1,
			fbtrace_id: error.fbtrace_id,
		});
		expect(sandbox.state.messagesTo(user)).toEqual([]);
		expect((await calls())[0]).toMatchObject({ method: 'POST', path: messagesPath, status: 500, faultId: id });
	});

	it('errorCode 130429 alone: HTTP 400 "(#130429) Rate limit hit" with WhatsApp error_data', async () => {
		await addFault({ errorCode: 130429 });
		const error = expectGraphError(await post(sandbox, messagesPath, { token, json: text('x') }), 400, 130429);
		expect(error.message).toBe('(#130429) Rate limit hit');
		expect(error.error_data).toEqual({ messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' });
	});

	it('status, code, subcode, message and details can all be chosen', async () => {
		await addFault({ status: 429, errorCode: 80007, errorSubcode: 2494055, message: '(#80007) custom', details: 'custom details' });
		const error = expectGraphError(await get(sandbox, phonePath, { token }), 429, 80007);
		expect(error).toMatchObject({ message: '(#80007) custom', error_subcode: 2494055, error_data: { details: 'custom details' } });
	});

	it('applies before the token check: even an unauthenticated request gets the fault', async () => {
		await addFault({ preset: 'service-unavailable' });
		expectGraphError(await get(sandbox, phonePath), 503, 2);
	});
});

describe('matching', () => {
	it('by method and path pattern only', async () => {
		await addFault({ method: 'post', pathPattern: '/messages$', status: 500 });
		expect((await get(sandbox, phonePath, { token })).status).toBe(200);
		expect((await post(sandbox, messagesPath, { token, json: text('x') })).status).toBe(500);
	});

	it('never touches the sandbox\'s own routes', async () => {
		await addFault({ status: 500 });
		expect((await get(sandbox, '/__sandbox/health')).body).toEqual({ ok: true });
	});

	it('in order: the first rule that answers wins', async () => {
		await addFault({ errorCode: 130429 });
		await addFault({ preset: 'server-error' });
		expectGraphError(await get(sandbox, phonePath, { token }), 400, 130429);
	});
});

describe('times and rate', () => {
	it('times: N applies N times and then removes the rule', async () => {
		await addFault({ preset: 'service-unavailable', times: 2 });
		const statuses: number[] = [];
		for (let i = 0; i < 3; i += 1) statuses.push((await post(sandbox, messagesPath, { token, json: text(`try ${i}`) })).status);
		expect(statuses).toEqual([503, 503, 200]);
		expect(sandbox.state.messagesTo(user).map((m) => m.text?.body)).toEqual(['try 2']);
		expect((await get<FaultRuleView[]>(sandbox, '/__sandbox/faults')).body).toEqual([]);
	});

	it('rate 0.5 with a fixed seed faults the same requests every run, and only the others are delivered', async () => {
		async function run(): Promise<number[]> {
			await post(sandbox, '/__sandbox/reset');
			await post(sandbox, '/__sandbox/users/15550109999/open-window', { json: {} });
			await addFault({ preset: 'throughput', rate: 0.5 });
			expect((await post(sandbox, '/__sandbox/seed-random', { json: { seed: 42 } })).body).toEqual({ seed: 42 });
			const statuses: number[] = [];
			for (let i = 0; i < 20; i += 1) statuses.push((await post(sandbox, messagesPath, { token, json: text(`m${i}`) })).status);
			return statuses;
		}
		const first = await run();
		const second = await run();
		expect(second).toEqual(first);
		const throttled = first.filter((s) => s === 400).length;
		expect(throttled).toBeGreaterThan(0);
		expect(throttled).toBeLessThan(20);
		expect(first.every((s) => s === 200 || s === 400)).toBe(true);
		expect(sandbox.state.messagesTo(user)).toHaveLength(20 - throttled);
	});
});

describe('dropped connections', () => {
	it('timeout with latencyMs: no answer, the socket is closed after the delay; nothing delivered', async () => {
		const id = await addFault({ timeout: true, latencyMs: 100 });
		const started = Date.now();
		const failure = await networkFailure(post(sandbox, messagesPath, { token, json: text('never') }));
		expect(failure).toMatch(/^fetch failed/);
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
		expect(sandbox.state.messages()).toEqual([]);
		expect((await calls())[0]).toMatchObject({ status: null, faultId: id });
	});

	it('timeout without latencyMs: holds the request open until the client gives up', async () => {
		await addFault({ preset: 'timeout', times: 1 });
		const failure = await networkFailure(get(sandbox, phonePath, { token, signal: AbortSignal.timeout(200) }));
		expect(failure).toMatch(/aborted due to timeout/);
		expect((await get(sandbox, phonePath, { token })).status).toBe(200);
		expect((await calls()).map((c) => c.status)).toEqual([null, 200]);
	});

	it('resetConnection: the connection is reset; nothing delivered', async () => {
		await addFault({ preset: 'reset' });
		const failure = await networkFailure(post(sandbox, messagesPath, { token, json: text('reset') }));
		expect(failure).toMatch(/^fetch failed \/ (ECONNRESET|UND_ERR_SOCKET)$/);
		expect(sandbox.state.messages()).toEqual([]);
	});

	it('close() ends held requests instead of waiting for them', async () => {
		const own = await startSandbox();
		own.state.addFault({ timeout: true });
		const pending = networkFailure(call(own, 'GET', phonePath, { token }));
		while (own.state.calls().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		const started = Date.now();
		await own.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await pending).toMatch(/^fetch failed/);
	});
});

describe('managing rules', () => {
	it('lists, removes one, and clears them all', async () => {
		const a = await addFault({ latencyMs: 1 });
		const b = await addFault({ preset: 'pair-rate', times: 3 });
		const listed = (await get<FaultRuleView[]>(sandbox, '/__sandbox/faults')).body;
		expect(listed).toEqual([
			{ id: a, latencyMs: 1, remaining: null },
			{ id: b, preset: 'pair-rate', status: 400, errorCode: 131056, times: 3, remaining: 3 },
		]);
		expect((await call(sandbox, 'DELETE', `/__sandbox/faults/${a}`)).status).toBe(200);
		expect((await call(sandbox, 'DELETE', `/__sandbox/faults/${a}`)).status).toBe(404);
		expect((await call(sandbox, 'DELETE', '/__sandbox/faults')).status).toBe(200);
		expect((await get(sandbox, '/__sandbox/faults')).body).toEqual([]);
	});

	it.each([
		[{ latency: 100 }, 'unknown fault field "latency"'],
		[{ rate: 2, status: 500 }, 'rate must be a number from 0 to 1'],
		[{ pathPattern: '(' }, 'pathPattern is not a valid regular expression: ('],
		[{ method: 'GET' }, 'a fault needs an effect: latencyMs, status, errorCode, timeout or resetConnection'],
		[{ timeout: true, status: 500 }, 'a timeout or a connection reset sends no status or error code'],
		[{ preset: 'meteor' }, expect.stringContaining('unknown preset "meteor"')],
	])('rejects %j with a reason', async (input, reason) => {
		const answer = await post(sandbox, '/__sandbox/faults', { json: input });
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual({ error: reason });
	});
});
