// Messaging rules beyond the text message: the 24-hour window (131047), throughput (130429) and pair rate (131056),
// mark as read, and interactive messages (reply buttons, lists, Flows) validated as Meta documents them.
import { SANDBOX_ACCESS_TOKEN, SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID, startSandbox, type Sandbox } from './index';
import { call, expectGraphError, get, post, postmanExample } from './test-support';
import { SANDBOX_FLOW_TEMPLATE_FLOW_NAME } from './templates';
import type { WebhookDelivery } from './webhooks';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

const token = SANDBOX_ACCESS_TOKEN;
const messagesPath = `/v24.0/${SANDBOX_PHONE_NUMBER_ID}/messages`;
const user = '15550109999';
const openWindow = () => sandbox.state.users.openWindow(SANDBOX_PHONE_NUMBER_ID, user);
const send = (body: Record<string, unknown>) => post<{ messages: { id: string }[] }>(sandbox, messagesPath, { token, json: { messaging_product: 'whatsapp', to: user, ...body } });
const signupFlowId = () => sandbox.state.flows.findByName(SANDBOX_WABA_ID, SANDBOX_FLOW_TEMPLATE_FLOW_NAME)!.id;

describe('the 24-hour customer service window (131047)', () => {
	it('accepts a free-form message to a user who has not written, then reports it failed with 131047 in a status webhook', async () => {
		const answer = await send({ text: { body: 'hi' } });
		expect(answer.status).toBe(200);
		const id = answer.body.messages[0].id;
		expect(sandbox.state.message(id)).toMatchObject({ status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message' }] });
		expect(sandbox.state.messagesTo(user)).toEqual([]);
		await sandbox.state.webhooks.idle();
		const [delivery] = (await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries')).body;
		const value = (delivery.payload as { entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[] }).entry[0].changes[0].value;
		expect(value.statuses[0]).toMatchObject({
			id,
			status: 'failed',
			recipient_id: user,
			errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: expect.stringContaining('24 hours') } }],
		});
	});

	it('answers HTTP 400 code 131047 at once with config messaging.windowError = "sync"', async () => {
		await post(sandbox, '/__sandbox/config', { json: { messaging: { windowError: 'sync' } } });
		expectGraphError(await send({ text: { body: 'hi' } }), 400, 131047);
	});

	it('is opened by a user message and by POST /__sandbox/users/{waId}/open-window, and can be switched off', async () => {
		await post(sandbox, `/__sandbox/users/${user}/send-text`, { json: { text: 'hello' } });
		expect(sandbox.state.message((await send({ text: { body: 'a' } })).body.messages[0].id)?.status).not.toBe('failed');
		await post(sandbox, `/__sandbox/users/${user}/close-window`, { json: {} });
		expect(sandbox.state.message((await send({ text: { body: 'b' } })).body.messages[0].id)?.status).toBe('failed');
		await post(sandbox, `/__sandbox/users/${user}/open-window`, { json: {} });
		expect(sandbox.state.message((await send({ text: { body: 'c' } })).body.messages[0].id)?.status).not.toBe('failed');
		await post(sandbox, `/__sandbox/users/${user}/close-window`, { json: {} });
		await post(sandbox, '/__sandbox/config', { json: { messaging: { enforceWindow: false } } });
		expect(sandbox.state.message((await send({ text: { body: 'd' } })).body.messages[0].id)?.status).not.toBe('failed');
	});

	it('does not apply to templates', async () => {
		const answer = await send({ type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
		expect(sandbox.state.message(answer.body.messages[0].id)?.status).not.toBe('failed');
	});
});

describe('sending limits', () => {
	it('answers 130429 past the per-number throughput (config messaging.throughputMps)', async () => {
		openWindow();
		await post(sandbox, '/__sandbox/config', { json: { messaging: { throughputMps: 3 } } });
		const statuses = [];
		for (let i = 0; i < 4; i += 1) statuses.push((await send({ to: `1555010${1000 + i}`, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } })).status);
		expect(statuses).toEqual([200, 200, 200, 400]);
		const error = expectGraphError(await send({ text: { body: 'x' } }), 400, 130429);
		expect(error.message).toBe('(#130429) Rate limit hit');
	});

	it('answers 131056 past the pair rate to one user, while other users still get messages', async () => {
		openWindow();
		await post(sandbox, '/__sandbox/config', { json: { messaging: { pairRateMax: 2 } } });
		expect((await send({ text: { body: '1' } })).status).toBe(200);
		expect((await send({ text: { body: '2' } })).status).toBe(200);
		expectGraphError(await send({ text: { body: '3' } }), 400, 131056);
		expect((await send({ to: '15550108888', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } })).status).toBe(200);
		expect(sandbox.state.messagesTo(user)).toHaveLength(2);
	});
});

describe('mark as read', () => {
	it('marks a user\'s message read (Postman "Mark Message As Read", a PUT) with a typing indicator', async () => {
		const { id } = (await post<{ id: string }>(sandbox, `/__sandbox/users/${user}/send-text`, { json: { text: 'hello' } })).body;
		const { requestBody, responseBody } = postmanExample('Mark Message As Read');
		const answer = await call(sandbox, 'PUT', messagesPath, { token, json: { ...(requestBody as object), message_id: id, typing_indicator: { type: 'text' } } });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual(responseBody);
		expect(sandbox.state.users.inboundFrom(user)[0]).toMatchObject({ readByBusiness: true, typingIndicator: true });
	});

	it('refuses an unknown message_id', async () => {
		expectGraphError(await post(sandbox, messagesPath, { token, json: { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.nope' } }), 400, 100);
	});
});

describe('interactive messages', () => {
	beforeEach(openWindow);

	it('accepts the Postman requests "Send Reply Button" and "Send List Message"', async () => {
		for (const name of ['Send Reply Button', 'Send List Message']) {
			const { requestBody } = postmanExample(name, { 'Recipient-Phone-Number': user });
			expect((await post(sandbox, messagesPath, { token, json: requestBody })).status).toBe(200);
		}
		expect(sandbox.state.messagesTo(user).map((m) => (m.content as { type: string }).type)).toEqual(['button', 'list']);
	});

	const button = (id: string, title: string) => ({ type: 'reply', reply: { id, title } });
	it('accepts a list body of 4096 characters (interactive-list-messages), unlike a reply-buttons body (1024)', async () => {
		const list = { type: 'list', body: { text: 'x'.repeat(4096) }, action: { button: 'Pick', sections: [{ rows: [{ id: 'r', title: 't' }] }] } };
		expect((await send({ type: 'interactive', interactive: list })).status).toBe(200);
	});

	it.each([
		['4 reply buttons', { type: 'button', body: { text: 'b' }, action: { buttons: [1, 2, 3, 4].map((n) => button(`id${n}`, `t${n}`)) } }, 'at most 3 buttons'],
		['a button title over 20 characters', { type: 'button', body: { text: 'b' }, action: { buttons: [button('a', 'x'.repeat(21))] } }, 'at most 20 characters'],
		['repeated button ids', { type: 'button', body: { text: 'b' }, action: { buttons: [button('a', 'x'), button('a', 'y')] } }, 'must be unique'],
		['a body over 1024 characters', { type: 'button', body: { text: 'x'.repeat(1025) }, action: { buttons: [button('a', 'x')] } }, 'at most 1024 characters'],
		['a header over 60 characters', { type: 'button', header: { type: 'text', text: 'x'.repeat(61) }, body: { text: 'b' }, action: { buttons: [button('a', 'x')] } }, 'at most 60 characters'],
		['a list body over 4096 characters', { type: 'list', body: { text: 'x'.repeat(4097) }, action: { button: 'Pick', sections: [{ rows: [{ id: 'r', title: 't' }] }] } }, 'at most 4096 characters'],
		['11 list rows', { type: 'list', body: { text: 'b' }, action: { button: 'Pick', sections: [{ title: 's', rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `r${i}` })) }] } }, 'at most 10 rows'],
		['a list button over 20 characters', { type: 'list', body: { text: 'b' }, action: { button: 'x'.repeat(21), sections: [{ rows: [{ id: 'r', title: 't' }] }] } }, 'at most 20 characters'],
		['a row description over 72 characters', { type: 'list', body: { text: 'b' }, action: { button: 'Pick', sections: [{ rows: [{ id: 'r', title: 't', description: 'x'.repeat(73) }] }] } }, 'at most 72 characters'],
		['two sections without titles', { type: 'list', body: { text: 'b' }, action: { button: 'Pick', sections: [{ rows: [{ id: 'a', title: 't' }] }, { rows: [{ id: 'b', title: 't' }] }] } }, 'is required'],
	])('refuses %s', async (_name, interactive, text) => {
		const error = expectGraphError(await send({ type: 'interactive', interactive }), 400, 100);
		expect(`${error.message} ${error.error_data?.details ?? ''}`).toContain(text);
		expect(sandbox.state.messages()).toEqual([]);
	});

	describe('Flow messages', () => {
		const flow = (parameters: Record<string, unknown>) => ({
			type: 'interactive',
			interactive: { type: 'flow', body: { text: 'Open it' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_cta: 'Open', ...parameters } } },
		});

		it('accepts the Postman requests "Send Published Flow by ID / by Name" for a published Flow', async () => {
			for (const name of ['Send Published Flow by ID', 'Send Published Flow by Name']) {
				const { requestBody } = postmanExample(name, { 'Recipient-Phone-Number': user });
				const body = JSON.parse(JSON.stringify(requestBody).replace('<FLOW_ID>', signupFlowId()).replace('<FLOW_NAME>', SANDBOX_FLOW_TEMPLATE_FLOW_NAME).replace('<SCREEN_ID>', 'SIGN_UP')) as { interactive: { action: { parameters: Record<string, unknown> } } };
				const p = body.interactive.action.parameters;
				if ('flow_id' in p) p.flow_id = signupFlowId();
				if ('flow_name' in p) p.flow_name = SANDBOX_FLOW_TEMPLATE_FLOW_NAME;
				const answer = await post(sandbox, messagesPath, { token, json: body });
				expect(answer.status).toBe(200);
			}
		});

		it('sends a DRAFT Flow only in draft mode', async () => {
			const { id } = (await post<{ id: string }>(sandbox, `/v24.0/${SANDBOX_WABA_ID}/flows`, {
				token,
				json: { name: 'draft one', categories: ['OTHER'], flow_json: JSON.stringify({ version: '7.3', screens: [{ id: 'ONLY', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Ok', 'on-click-action': { name: 'complete', payload: {} } }] } }] }) },
			})).body;
			expect(expectGraphError(await send(flow({ flow_id: id })), 400, 100).error_data?.details).toContain('DRAFT');
			expect((await send(flow({ flow_id: id, mode: 'draft' }))).status).toBe(200);
		});

		it.each([
			['flow_id and flow_name together', () => ({ flow_id: signupFlowId(), flow_name: SANDBOX_FLOW_TEMPLATE_FLOW_NAME }), 'Exactly one of flow_id or flow_name'],
			['neither flow_id nor flow_name', () => ({}), 'Exactly one of flow_id or flow_name'],
			['an unknown flow_id', () => ({ flow_id: '123' }), 'does not exist'],
			['flow_message_version 2', () => ({ flow_id: signupFlowId(), flow_message_version: '2' }), 'must be one of {3}'],
			['no flow_cta', () => ({ flow_id: signupFlowId(), flow_cta: undefined }), "flow_cta'] is required"],
			['a flow_cta over 30 characters', () => ({ flow_id: signupFlowId(), flow_cta: 'x'.repeat(31) }), 'at most 30 characters'],
			['an unknown flow_action', () => ({ flow_id: signupFlowId(), flow_action: 'jump' }), 'must be one of {NAVIGATE, DATA_EXCHANGE}'],
			['a payload with data_exchange', () => ({ flow_id: signupFlowId(), flow_action: 'data_exchange', flow_action_payload: { screen: 'SIGN_UP' } }), 'must be omitted'],
			['a screen the Flow does not have', () => ({ flow_id: signupFlowId(), flow_action_payload: { screen: 'NOWHERE' } }), 'Screen "NOWHERE" does not exist'],
			['an empty payload data object', () => ({ flow_id: signupFlowId(), flow_action_payload: { screen: 'SIGN_UP', data: {} } }), 'non-empty object'],
		])('refuses %s', async (_name, parameters, text) => {
			const error = expectGraphError(await send(flow(parameters())), 400, 100);
			expect(`${error.message} ${error.error_data?.details ?? ''}`).toContain(text);
		});

		it('answers 132068 for a BLOCKED Flow and 132069 past 10 messages an hour for a THROTTLED one', async () => {
			const id = signupFlowId();
			await post(sandbox, `/__sandbox/flows/${id}/status`, { json: { status: 'THROTTLED' } });
			for (let i = 0; i < 10; i += 1) expect((await send({ ...flow({ flow_id: id }), to: `155501${1000 + i}` })).status).toBe(200);
			expectGraphError(await send(flow({ flow_id: id })), 400, 132069);
			await post(sandbox, `/__sandbox/flows/${id}/status`, { json: { status: 'BLOCKED' } });
			expectGraphError(await send(flow({ flow_id: id, mode: 'draft' })), 400, 132068);
		});
	});
});
