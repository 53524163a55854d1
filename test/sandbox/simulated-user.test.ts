// Simulated users in-process: a user opens the last flow a business sent them (interactive flow message or
// template FLOW button), goes through it against a node:crypto endpoint, and the nfm_reply webhook reaches the
// app signed; draft / published rules; a key rotation seen after a 421.
import { startFlowEndpoint, type FlowEndpoint } from './client/testing/flow-endpoint';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_APP_SECRET, SANDBOX_PHONE_NUMBER_ID, SimulatedUserError, startSandbox, type Sandbox } from './index';
import { flowJson, postMultipart } from './test-support-flows';
import {
	createFlow,
	greetingEndpoint,
	greetingFlowJson,
	pemPair,
	sendFlowMessage,
	sendMessage,
	startWebhookReceiver,
	uploadPublicKey,
	type PemPair,
	type WebhookReceiver,
} from './test-support-users';
import { SANDBOX_FLOW_TEMPLATE_FLOW_NAME } from './templates';

const USER = '+1 555 010 7777';
const WA_ID = '15550107777';

let sandbox: Sandbox;
let receiver: WebhookReceiver;
let endpoint: FlowEndpoint;
let keys: PemPair;
let handle = greetingEndpoint();

beforeAll(async () => {
	keys = pemPair();
	receiver = await startWebhookReceiver(SANDBOX_APP_SECRET);
	endpoint = await startFlowEndpoint({ privateKeyPem: keys.privateKeyPem, appSecret: SANDBOX_APP_SECRET, handle: (p) => handle(p) });
	sandbox = await startSandbox({ config: { webhooks: { timeScale: 0.001, statuses: false }, flows: { healthCheckTimeoutMs: 2000, clientTimeoutMs: 2000 } } });
});
afterAll(async () => {
	await sandbox.close();
	await endpoint.close();
	await receiver.close();
});
beforeEach(() => {
	sandbox.state.reset();
	sandbox.state.config.webhooks.callbackUrl = receiver.url;
	sandbox.state.users.openWindow(SANDBOX_PHONE_NUMBER_ID, WA_ID);
	receiver.received.length = 0;
	endpoint.received.length = 0;
	endpoint.faults.length = 0;
	endpoint.useKey(keys.privateKeyPem);
	handle = greetingEndpoint();
});

async function publishedGreetingFlow(): Promise<string> {
	await uploadPublicKey(sandbox, keys.publicPem);
	return createFlow(sandbox, { name: 'greeting', json: greetingFlowJson(), endpointUri: endpoint.url });
}

async function nfmReplies() {
	await sandbox.state.webhooks.idle();
	return receiver.messages().filter((m) => (m.message.interactive as { type?: string } | undefined)?.type === 'nfm_reply');
}

describe('an endpoint flow sent as an interactive flow message', () => {
	it('opens with INIT, runs data_exchange, completes with SUCCESS and sends the signed nfm_reply', async () => {
		const flowId = await publishedGreetingFlow();
		const messageId = await sendFlowMessage(sandbox, USER, { flow_id: flowId, flow_token: 'tok-1', flow_action: 'data_exchange' });
		const user = sandbox.state.simulatedUsers.get(USER);
		user.name = 'Ada';

		const opened = await user.openLastFlow();
		expect(opened).toMatchObject({ step: 'open', result: { outcome: 'opened' }, status: 'open', flow: { id: flowId, mode: 'published', flowToken: 'tok-1', messageId, via: 'interactive' } });
		expect(opened.screen?.id).toBe('DETAILS');
		expect(user.session?.texts()).toEqual(['Welcome to the shop']);
		expect(opened.exchanges).toEqual([
			expect.objectContaining({ kind: 'screen', request: expect.objectContaining({ action: 'INIT', flow_token: 'tok-1', version: '3.0' }), statuses: [200], outcome: expect.objectContaining({ kind: 'ok' }) }),
		]);

		expect((await user.pressFooter()).result).toEqual({ outcome: 'invalid', errors: { name: expect.any(String) } });
		expect((await user.fill({ name: 'Ada' })).result).toEqual({ outcome: 'filled', errors: {}, actions: [] });
		const next = await user.pressFooter();
		expect(next.result).toEqual({ outcome: 'navigated', screen: 'CONFIRM' });
		expect(next.exchanges.map((e) => e.request)).toEqual([{ version: '3.0', action: 'data_exchange', screen: 'DETAILS', data: { name: 'Ada' }, flow_token: 'tok-1' }]);
		expect(user.screen().components.find((c) => c.type === 'TextBody')?.text).toBe('Hello Ada');

		const done = await user.pressFooter();
		expect(done.status).toBe('completed');
		expect(done.result).toMatchObject({ outcome: 'completed', via: 'endpoint', response: { flow_token: 'tok-1', name: 'Ada' } });
		expect(done.reply).toEqual({ messageId: expect.stringMatching(/^wamid\./), deliveryId: expect.any(String), responseJson: '{"flow_token":"tok-1","name":"Ada"}' });

		const [reply] = await nfmReplies();
		expect(reply.signatureValid).toBe(true);
		expect(reply.contacts).toEqual([{ profile: { name: 'Ada' }, wa_id: WA_ID }]);
		expect(reply.metadata).toEqual({ display_phone_number: '15550100001', phone_number_id: SANDBOX_PHONE_NUMBER_ID });
		expect(reply.message).toEqual({
			from: WA_ID,
			id: done.reply?.messageId,
			timestamp: expect.stringMatching(/^\d+$/),
			context: { from: '15550100001', id: messageId },
			type: 'interactive',
			interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"tok-1","name":"Ada"}' } },
		});
		// The ping at publishing and the user's three requests, each counted for the Metrics API.
		expect(sandbox.state.flows.get(flowId)?.endpointRequests.map((r) => r.ok)).toEqual([true, true, true, true]);
		expect(endpoint.received.every((r) => r.signatureValid)).toBe(true);
		await expect(user.pressFooter()).rejects.toThrow('the flow is completed');
	});

	it('after a key rotation, the endpoint\'s 421 makes the client re-read the public key and succeed', async () => {
		const flowId = await publishedGreetingFlow();
		await sendFlowMessage(sandbox, USER, { flow_id: flowId, flow_token: 'tok-rot', flow_action: 'data_exchange' });
		const user = sandbox.state.simulatedUsers.get(USER);
		await user.openLastFlow();
		const rotated = pemPair();
		await uploadPublicKey(sandbox, rotated.publicPem);
		endpoint.useKey(rotated.privateKeyPem);
		await user.fill({ name: 'Grace' });
		const step = await user.pressFooter();
		expect(step.result).toEqual({ outcome: 'navigated', screen: 'CONFIRM' });
		expect(step.exchanges).toEqual([expect.objectContaining({ statuses: [421, 200], outcome: expect.objectContaining({ kind: 'ok' }) })]);
		// Both attempts count; the 421 as an error.
		expect(sandbox.state.flows.get(flowId)?.endpointRequests.slice(-2).map((r) => [r.ok, r.errorKind])).toEqual([
			[false, 'unexpected_http_status_code'],
			[true, undefined],
		]);
	});

	it('reports 427 with error_msg and disables the flow', async () => {
		const flowId = await publishedGreetingFlow();
		await sendFlowMessage(sandbox, USER, { flow_id: flowId, flow_token: 'tok-427', flow_action: 'data_exchange' });
		const user = sandbox.state.simulatedUsers.get(USER);
		await user.openLastFlow();
		await user.fill({ name: 'Ada' });
		endpoint.faults.push({ kind: 'status', status: 427, body: '{"error_msg":"This offer has ended"}' });
		const step = await user.pressFooter();
		expect(step).toMatchObject({ status: 'disabled', errorMessage: 'This offer has ended', result: { outcome: 'endpoint-error', message: 'This offer has ended', exchange: 2 } });
		expect(step.exchanges[0].outcome).toEqual({ kind: 'flow-token-invalid', status: 427, errorMsg: 'This offer has ended' });
		expect(await nfmReplies()).toEqual([]);
	});
	it('does not open when INIT fails: no screen, the generic error, the exchange in the log', async () => {
		const flowId = await publishedGreetingFlow();
		await sendFlowMessage(sandbox, USER, { flow_id: flowId, flow_action: 'data_exchange' });
		endpoint.faults.push({ kind: 'status', status: 500 });
		const opened = await sandbox.state.simulatedUsers.get(WA_ID).openLastFlow();
		expect(opened).toMatchObject({ status: 'failed', screen: null, history: [], result: { outcome: 'failed', message: expect.any(String) } });
		expect(opened.exchanges.map((e) => [e.request.action, e.statuses, e.outcome])).toEqual([['INIT', [500], { kind: 'http-error', status: 500 }]]);
		expect(opened.flow.flowToken).toBe('unused');
	});
});

describe('a template FLOW button', () => {
	it('opens the seeded sandbox_signup flow and completes with navigate-only screens', async () => {
		const messageId = await sendMessage(sandbox, {
			to: USER,
			type: 'template',
			template: {
				name: 'flow_signup',
				language: { code: 'en_US' },
				components: [{ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: { flow_token: 'signup-9' } }] }],
			},
		});
		const user = sandbox.state.simulatedUsers.get(WA_ID);
		const opened = await user.openLastFlow();
		expect(opened).toMatchObject({ flow: { name: SANDBOX_FLOW_TEMPLATE_FLOW_NAME, via: 'template', mode: 'published', flowToken: 'signup-9', messageId }, exchanges: [] });
		expect(opened.screen?.id).toBe('SIGN_UP');
		expect(user.endpoint).toBeUndefined();
		await user.fill({ email: 'grace@example.com' });
		expect((await user.pressFooter()).screen?.components.find((c) => c.type === 'TextBody')?.text).toBe('grace@example.com');
		const back = await user.goBack();
		expect(back.result).toEqual({ outcome: 'navigated', screen: 'SIGN_UP' });
		await user.pressFooter();
		const done = await user.pressFooter();
		expect(done.result).toMatchObject({ outcome: 'completed', via: 'complete', response: { flow_token: 'signup-9', email: 'grace@example.com' } });
		const [reply] = await nfmReplies();
		expect(reply.signatureValid).toBe(true);
		expect((reply.message.context as { id: string }).id).toBe(messageId);
		expect(JSON.parse((reply.message.interactive as { nfm_reply: { response_json: string } }).nfm_reply.response_json)).toEqual({
			flow_token: 'signup-9',
			email: 'grace@example.com',
		});
	});
});

describe('which flows open', () => {
	const staticJson = (title: string) => flowJson().replace('"Welcome"', JSON.stringify(title));

	it('opens a DRAFT flow in draft mode, with its current JSON', async () => {
		const flowId = await createFlow(sandbox, { name: 'draft', json: staticJson('Draft one'), publish: false });
		await sendFlowMessage(sandbox, USER, { flow_id: flowId, mode: 'draft', flow_action: 'navigate', flow_action_payload: { screen: 'WELCOME' } });
		const opened = await sandbox.state.simulatedUsers.get(WA_ID).openLastFlow();
		expect(opened.flow.mode).toBe('draft');
		expect(opened.screen?.title).toBe('Draft one');
	});

	it('refuses a published-mode message for a flow that was never published (the Cloud API would not send one)', async () => {
		const flowId = await createFlow(sandbox, { name: 'never', json: staticJson('Never'), publish: false });
		const messageId = await sendFlowMessage(sandbox, USER, { flow_id: flowId, mode: 'draft' });
		const recorded = sandbox.state.message(messageId)!;
		const parameters = (recorded.content as { action: { parameters: Record<string, unknown> } }).action.parameters;
		parameters.mode = 'published';
		const user = sandbox.state.simulatedUsers.get(WA_ID);
		await expect(user.openLastFlow()).rejects.toMatchObject({ code: 'flow-not-openable' });
		await expect(user.openLastFlow()).rejects.toBeInstanceOf(SimulatedUserError);
	});

	it('shows the published content to an old message after an edit returned the flow to DRAFT (flows lifecycle)', async () => {
		const flowId = await createFlow(sandbox, { name: 'edited', json: staticJson('Published one') });
		await sendFlowMessage(sandbox, USER, { flow_id: flowId });
		const edit = await postMultipart(sandbox, `/v25.0/${flowId}/assets`, SANDBOX_ACCESS_TOKEN, { name: 'flow.json', asset_type: 'FLOW_JSON' }, {
			file: { data: staticJson('Edited draft'), filename: 'flow.json', type: 'application/json' },
		});
		expect(edit.status).toBe(200);
		expect(sandbox.state.flows.get(flowId)?.status).toBe('DRAFT');
		const user = sandbox.state.simulatedUsers.get(WA_ID);
		expect((await user.openLastFlow()).screen?.title).toBe('Published one');
		await sendFlowMessage(sandbox, USER, { flow_id: flowId, mode: 'draft' });
		expect((await user.openLastFlow()).screen?.title).toBe('Edited draft');
	});

	it('refuses a BLOCKED flow and a deleted one; answers no-flow-message when nothing opens a flow', async () => {
		const user = sandbox.state.simulatedUsers.get(WA_ID);
		await expect(user.openLastFlow()).rejects.toMatchObject({ code: 'no-flow-message' });
		const flowId = await createFlow(sandbox, { name: 'blocked', json: staticJson('Blocked') });
		await sendFlowMessage(sandbox, USER, { flow_id: flowId });
		sandbox.state.flows.get(flowId)!.status = 'BLOCKED';
		await expect(user.openLastFlow()).rejects.toMatchObject({ code: 'flow-not-openable' });
		sandbox.state.flows.delete(flowId);
		await expect(user.openLastFlow()).rejects.toMatchObject({ code: 'flow-not-found' });
	});

	it('opens the flow of the newest flow message, skipping other messages', async () => {
		const first = await createFlow(sandbox, { name: 'first', json: staticJson('First') });
		const second = await createFlow(sandbox, { name: 'second', json: staticJson('Second') });
		await sendFlowMessage(sandbox, USER, { flow_id: first });
		await sendFlowMessage(sandbox, USER, { flow_name: 'second' });
		await sendMessage(sandbox, { to: USER, type: 'text', text: { body: 'and a text after it' } });
		const opened = await sandbox.state.simulatedUsers.get(WA_ID).openLastFlow();
		expect(opened.flow.id).toBe(second);
		expect(opened.screen?.title).toBe('Second');
	});
});
