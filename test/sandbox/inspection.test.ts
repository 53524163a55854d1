// The sandbox's own API under /__sandbox/: what it received, what it delivered, and resetting it. No token needed.
import {
	DEFAULT_SEED,
	SANDBOX_ACCESS_TOKEN,
	SANDBOX_PHONE_NUMBER_ID,
	startSandbox,
	type RecordedCall,
	type RecordedMessage,
	type Sandbox,
} from './index';
import { call, get, post } from './test-support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => {
	sandbox.state.reset();
	sandbox.state.users.openWindow(SANDBOX_PHONE_NUMBER_ID, '15550109999');
	sandbox.state.users.openWindow(SANDBOX_PHONE_NUMBER_ID, '15550108888');
});

const token = SANDBOX_ACCESS_TOKEN;
const phonePath = `/v22.0/${SANDBOX_PHONE_NUMBER_ID}`;
const messagesPath = `${phonePath}/messages`;
const hello = { messaging_product: 'whatsapp', to: '15550109999', text: { body: 'hello' } };

it('GET /__sandbox/health answers {ok:true}', async () => {
	expect(await get(sandbox, '/__sandbox/health')).toMatchObject({ status: 200, body: { ok: true } });
});

it('GET /__sandbox/seed answers the seed in use', async () => {
	expect((await get(sandbox, '/__sandbox/seed')).body).toEqual(DEFAULT_SEED);
});

it('GET /__sandbox/calls lists Graph calls in order with method, path, query, redacted headers, body and status', async () => {
	await get(sandbox, `${phonePath}?fields=name_status`, { token });
	await post(sandbox, messagesPath, { token, json: hello });
	await get(sandbox, '/__sandbox/health');
	const calls = (await get<RecordedCall[]>(sandbox, '/__sandbox/calls')).body;
	expect(calls).toHaveLength(2);
	expect(calls[0]).toMatchObject({ method: 'GET', path: phonePath, query: { fields: 'name_status' }, body: null, status: 200 });
	expect(calls[1]).toMatchObject({
		method: 'POST',
		path: messagesPath,
		query: {},
		headers: { authorization: `****${token.slice(-4)}`, 'content-type': 'application/json' },
		body: hello,
		status: 200,
	});
	expect(calls[1].faultId).toBeUndefined();
	expect(new Date(calls[0].at).getTime()).toBeLessThanOrEqual(new Date(calls[1].at).getTime());
});

it('filters calls by path substring and method', async () => {
	await get(sandbox, phonePath, { token });
	await post(sandbox, messagesPath, { token, json: hello });
	await post(sandbox, messagesPath, { token, json: {} });
	const byPath = (await get<RecordedCall[]>(sandbox, '/__sandbox/calls?path=/messages')).body;
	expect(byPath.map((c) => c.status)).toEqual([200, 400]);
	const byMethod = (await get<RecordedCall[]>(sandbox, '/__sandbox/calls?method=get')).body;
	expect(byMethod.map((c) => c.path)).toEqual([phonePath]);
});

it('DELETE /__sandbox/calls forgets the calls but not the messages', async () => {
	await post(sandbox, messagesPath, { token, json: hello });
	expect((await call(sandbox, 'DELETE', '/__sandbox/calls')).status).toBe(200);
	expect((await get(sandbox, '/__sandbox/calls')).body).toEqual([]);
	expect((await get<RecordedMessage[]>(sandbox, '/__sandbox/messages')).body).toHaveLength(1);
});

it('POST /__sandbox/reset forgets calls, faults and messages', async () => {
	await post(sandbox, messagesPath, { token, json: hello });
	await post(sandbox, '/__sandbox/faults', { json: { latencyMs: 1 } });
	expect((await post(sandbox, '/__sandbox/reset')).body).toEqual({ ok: true });
	expect((await get(sandbox, '/__sandbox/calls')).body).toEqual([]);
	expect((await get(sandbox, '/__sandbox/faults')).body).toEqual([]);
	expect((await get(sandbox, '/__sandbox/messages')).body).toEqual([]);
});

it('GET /__sandbox/messages?to= lists only that user\'s messages, whatever the number\'s formatting', async () => {
	await post(sandbox, messagesPath, { token, json: hello });
	await post(sandbox, messagesPath, { token, json: { ...hello, to: '15550108888' } });
	const listed = (await get<RecordedMessage[]>(sandbox, `/__sandbox/messages?to=${encodeURIComponent('+1 555-010-8888')}`)).body;
	expect(listed.map((m) => m.waId)).toEqual(['15550108888']);
});

it('answers unknown sandbox routes with 404 and wrong methods with 405', async () => {
	expect((await get(sandbox, '/__sandbox/nothing')).status).toBe(404);
	expect((await call(sandbox, 'PUT', '/__sandbox/health')).status).toBe(405);
});

it('rejects a seed-random without an integer seed', async () => {
	expect(await post(sandbox, '/__sandbox/seed-random', { json: { seed: 'x' } })).toMatchObject({
		status: 400,
		body: { error: 'seed must be an integer' },
	});
});
