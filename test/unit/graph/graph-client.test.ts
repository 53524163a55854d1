import { createGraphClient, type GraphClientOptions, type RetryInfo } from '../../../nodes/shared/graph/graph-client';
import { GraphNetworkError, GraphUnknownOutcomeError } from '../../../nodes/shared/graph/graph-errors';
import { MetaApiError } from '../../../nodes/shared/graph/meta-error';
import { isRetrySafe } from '../../../nodes/shared/graph/retry-policy';
import { metaError, networkError, ok, recordingSleep, scriptedSend, type Scripted } from './fake-http';

const PHONE = '106540352242922';
const message = { messaging_product: 'whatsapp', to: '15550001111', type: 'text', text: { body: 'hi' } };
const accepted = ok({
	messaging_product: 'whatsapp',
	contacts: [{ input: '15550001111', wa_id: '15550001111' }],
	messages: [{ id: 'wamid.1' }],
});

function setup(script: Scripted[], extra: Partial<GraphClientOptions> = {}) {
	const send = scriptedSend(...script);
	const sleep = recordingSleep();
	const retries: RetryInfo[] = [];
	const client = createGraphClient({
		send,
		baseUrl: 'https://graph.facebook.com',
		version: '25.0',
		sleep,
		random: () => 1,
		onRetry: (info) => retries.push(info),
		...extra,
	});
	return { client, send, sleep, retries };
}

const sendText = { method: 'POST' as const, path: `${PHONE}/messages`, body: { kind: 'json' as const, value: message } };

describe('GraphClient.request', () => {
	it('sends the built URL, query, JSON body and timeout, and returns the body', async () => {
		const { client, send } = setup([accepted]);
		const result = await client.request<{ messages: Array<{ id: string }> }>({ ...sendText, query: { x: 1 }, timeoutMs: 5000 });

		expect(result.messages[0].id).toBe('wamid.1');
		expect(send.calls).toEqual([
			{
				method: 'POST',
				url: `https://graph.facebook.com/v25.0/${PHONE}/messages`,
				query: { x: 1 },
				body: message,
				headers: { 'content-type': 'application/json' },
				timeoutMs: 5000,
			},
		]);
	});

	it('never re-sends a message after ECONNRESET: the outcome is unknown', async () => {
		const { client, send, sleep } = setup([networkError('ECONNRESET'), accepted]);
		const failure = await client.request(sendText).catch((error: unknown) => error);

		expect(failure).toBeInstanceOf(GraphUnknownOutcomeError);
		expect((failure as Error).message).toMatch(/may have been delivered/);
		expect((failure as Error).message).toMatch(/before sending it again/);
		expect(isRetrySafe(failure)).toBe(false);
		expect(send.calls).toHaveLength(1);
		expect(sleep.delays).toEqual([]);
	});

	it('treats a timeout on a send the same way (it may have reached Meta)', async () => {
		const { client, send } = setup([networkError('ETIMEDOUT'), accepted]);
		await expect(client.request(sendText)).rejects.toBeInstanceOf(GraphUnknownOutcomeError);
		expect(send.calls).toHaveLength(1);
	});

	it('defaults POST to a send, so an unlabelled POST is never repeated after a reset', async () => {
		const { client, send } = setup([networkError('ECONNRESET')]);
		const register = { method: 'POST' as const, path: `${PHONE}/register`, body: { kind: 'json' as const, value: { pin: '123456' } } };
		await expect(client.request(register)).rejects.toBeInstanceOf(GraphUnknownOutcomeError);
		expect(send.calls).toHaveLength(1);
	});

	it("does not re-send after a gateway 504 without Meta's error body: the gateway may have forwarded it", async () => {
		const gatewayTimeout = { status: 504, headers: { 'content-type': 'text/html' }, body: '<html><title>504 Gateway Time-out</title></html>' };
		const { client, send } = setup([gatewayTimeout, accepted]);
		await expect(client.request(sendText)).rejects.toMatchObject({ name: 'GraphUnknownOutcomeError', reason: 'HTTP 504' });
		expect(send.calls).toHaveLength(1);
	});

	it('retries a send that certainly never left (ECONNREFUSED)', async () => {
		const { client, send, sleep } = setup([networkError('ECONNREFUSED'), accepted]);
		await expect(client.request(sendText)).resolves.toMatchObject({ messages: [{ id: 'wamid.1' }] });
		expect(send.calls).toHaveLength(2);
		expect(sleep.delays).toEqual([2_000]);
	});

	it('retries a read after HTTP 5xx and returns the later success', async () => {
		const { client, send, sleep, retries } = setup([metaError(500, 1, 'An unknown error occurred'), ok('', 503), ok({ id: 'FLOW' })]);
		await expect(client.request({ method: 'GET', path: 'FLOW', query: { fields: 'name' } })).resolves.toEqual({ id: 'FLOW' });
		expect(send.calls).toHaveLength(3);
		expect(sleep.delays).toEqual([2_000, 4_000]);
		expect(retries.map((info) => [info.attempt, info.kind, info.delayMs])).toEqual([
			[1, 'read', 2_000],
			[2, 'read', 4_000],
		]);
	});

	it('retries a read after a network reset', async () => {
		const { client, send } = setup([networkError('ECONNRESET'), ok({ data: [] })]);
		await expect(client.request({ method: 'GET', path: 'WABA/flows' })).resolves.toEqual({ data: [] });
		expect(send.calls).toHaveLength(2);
	});

	it('does not retry 131047: one call, and the Meta error reaches the caller', async () => {
		const { client, send, sleep } = setup([metaError(400, 131047, '(#131047) Re-engagement message'), accepted]);
		const failure = await client.request(sendText).catch((error: unknown) => error);

		expect(failure).toBeInstanceOf(MetaApiError);
		// Meta's message only repeats the title here, so the catalogue's plain cause is given instead.
		expect((failure as MetaApiError).message).toBe(
			'Meta error 131047 (Re-engagement message): More than 24 hours have passed since the recipient last replied, so only a template message may be sent.',
		);
		expect(send.calls).toHaveLength(1);
		expect(sleep.delays).toEqual([]);
	});

	it('waits 4 s, 16 s, 64 s on the pair rate limit, then sends', async () => {
		const pair = metaError(400, 131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit');
		const { client, send, sleep } = setup([pair, pair, pair, accepted]);
		await expect(client.request(sendText)).resolves.toMatchObject({ messages: [{ id: 'wamid.1' }] });
		expect(send.calls).toHaveLength(4);
		expect(sleep.delays).toEqual([4_000, 16_000, 64_000]);
	});

	it('retries a send refused with 130429 (nothing was queued) and caps the delay at maxDelayMs', async () => {
		const { client, send, sleep } = setup([metaError(400, 130429), metaError(400, 130429), accepted], { maxDelayMs: 3_000 });
		await client.request(sendText);
		expect(send.calls).toHaveLength(3);
		expect(sleep.delays).toEqual([2_000, 3_000]);
	});

	it('gives up after maxAttempts with the last Meta error', async () => {
		const { client, send } = setup([metaError(429, 4), metaError(429, 4), metaError(429, 80007)], { maxAttempts: 3 });
		await expect(client.request({ method: 'GET', path: 'me' })).rejects.toMatchObject({ name: 'MetaApiError', code: 80007 });
		expect(send.calls).toHaveLength(3);
	});

	it('gives up on an unreachable host with a GraphNetworkError that says so', async () => {
		const { client, send } = setup([networkError('ENOTFOUND'), networkError('ENOTFOUND')], { maxAttempts: 2 });
		const failure = await client.request({ method: 'GET', path: 'me' }).catch((error: unknown) => error);

		expect(failure).toBeInstanceOf(GraphNetworkError);
		expect(failure).toMatchObject({ code: 'ENOTFOUND', attempts: 2, mayHaveReachedServer: false });
		expect((failure as Error).message).toBe(
			"Could not reach Meta's Graph API for GET https://graph.facebook.com/v25.0/me after 2 attempts (ENOTFOUND: simulated ENOTFOUND). Check the base URL in the credential and this machine's network access to it.",
		);
		expect(send.calls).toHaveLength(2);
	});

	it('throws a MetaApiError for HTTP 200 whose body carries an error', async () => {
		const { client } = setup([ok({ error: { message: 'Invalid parameter', code: 100 } })]);
		await expect(client.request({ method: 'GET', path: 'me' })).rejects.toMatchObject({ code: 100, httpStatus: 200 });
	});

	it('treats an unexpected throw from HttpSend as "may have reached Meta"', async () => {
		const send = Object.assign(async () => {
			throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		}, {});
		const client = createGraphClient({ send, sleep: recordingSleep() });
		await expect(client.request(sendText)).rejects.toMatchObject({ name: 'GraphUnknownOutcomeError', reason: 'ECONNRESET' });
	});

	it('sends form and multipart bodies with their content types', async () => {
		const { client, send } = setup([ok({ success: true }), ok({ success: true })]);
		await client.request({
			method: 'POST',
			path: `${PHONE}/whatsapp_business_encryption`,
			kind: 'write',
			body: { kind: 'form', fields: { business_public_key: 'PEM' } },
		});
		await client.request({
			method: 'POST',
			path: 'FLOW/assets',
			kind: 'write',
			body: { kind: 'multipart', parts: [{ name: 'file', filename: 'flow.json', contentType: 'application/json', data: Buffer.from('{}') }] },
		});
		expect(send.calls[0]).toMatchObject({ body: 'business_public_key=PEM', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(send.calls[1].headers?.['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(Buffer.isBuffer(send.calls[1].body)).toBe(true);
	});

	it('refuses a bad configuration or path before sending anything', async () => {
		expect(() => createGraphClient({ send: scriptedSend(), sleep: recordingSleep(), version: 'latest' })).toThrow(/version/);
		expect(() => createGraphClient({ send: scriptedSend(), sleep: recordingSleep(), maxAttempts: 0 })).toThrow(/maxAttempts/);
		const { client, send } = setup([]);
		await expect(client.request({ method: 'GET', path: 'https://evil.example/x' })).rejects.toThrow(/relative/);
		expect(send.calls).toHaveLength(0);
	});
});

describe('GraphClient.paginate', () => {
	const page = (ids: string[], after: string | undefined, hasNext: boolean) =>
		ok({
			data: ids.map((id) => ({ id })),
			paging: {
				cursors: { before: 'B', ...(after ? { after } : {}) },
				...(hasNext ? { next: `https://graph.facebook.com/v25.0/WABA/flows?after=${after}` } : {}),
			},
		});

	it('follows paging.cursors.after across 3 pages and stops when there is no paging.next', async () => {
		const { client, send } = setup([page(['1', '2'], 'c1', true), page(['3', '4'], 'c2', true), page(['5'], 'c3', false)]);
		const ids = (await client.listAll<{ id: string }>('WABA/flows', { fields: 'id,name' }, { pageSize: 2 })).map((flow) => flow.id);

		expect(ids).toEqual(['1', '2', '3', '4', '5']);
		expect(send.calls.map((call) => call.query)).toEqual([
			{ fields: 'id,name', limit: 2 },
			{ fields: 'id,name', limit: 2, after: 'c1' },
			{ fields: 'id,name', limit: 2, after: 'c2' },
		]);
		expect(send.calls.every((call) => call.method === 'GET' && call.url === 'https://graph.facebook.com/v25.0/WABA/flows')).toBe(true);
	});

	it('stops at the limit without fetching further pages', async () => {
		const { client, send } = setup([page(['1', '2'], 'c1', true), page(['3', '4'], 'c2', true), page(['5'], 'c3', false)]);
		const ids = (await client.listAll<{ id: string }>('WABA/flows', {}, { limit: 3 })).map((flow) => flow.id);
		expect(ids).toEqual(['1', '2', '3']);
		expect(send.calls).toHaveLength(2);
	});

	it('yields lazily as an async generator', async () => {
		const { client, send } = setup([page(['1', '2'], 'c1', true), page(['3'], undefined, false)]);
		const seen: string[] = [];
		for await (const flow of client.paginate<{ id: string }>('WABA/flows')) {
			seen.push(flow.id);
			if (flow.id === '2') break;
		}
		expect(seen).toEqual(['1', '2']);
		expect(send.calls).toHaveLength(1);
	});

	it('stops when next exists but no cursor is given, and refuses a repeating cursor', async () => {
		const { client: noCursor } = setup([page(['1'], undefined, true)]);
		await expect(noCursor.listAll('X')).resolves.toEqual([{ id: '1' }]);
		const { client: looping } = setup([page(['1'], 'same', true), page(['2'], 'same', true)]);
		await expect(looping.listAll('X')).rejects.toThrow(/twice/);
	});

	it('rejects an answer that is not a list', async () => {
		const { client } = setup([ok({ id: 'FLOW' })]);
		await expect(client.listAll('FLOW')).rejects.toThrow(/not a list/);
	});

	it('retries a failed page like any read', async () => {
		const { client, send } = setup([page(['1'], 'c1', true), ok('', 503), page(['2'], undefined, false)]);
		await expect(client.listAll('X')).resolves.toEqual([{ id: '1' }, { id: '2' }]);
		expect(send.calls[2].query).toEqual({ after: 'c1' });
	});
});
