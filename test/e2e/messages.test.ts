import { verifyFlowToken } from '../../nodes/shared/crypto/flow-token';
import { SANDBOX_FLOW_TOKEN_SECRET } from '../harness/sandbox-credentials';
import { SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID } from '../sandbox/seed';
import { instance, loadE2eEnv, profilesAmong } from './harness/e2e-env';
import { sandboxAppCredential, sandboxCloudApiCredential } from './support/credentials';
import { deployMessageWorkflow, freshNumber, type MessageCredentials } from './support/message-workflows';
import { SandboxApi } from './support/sandbox-api';
import { asArray, callWebhook } from './support/workflows';

type Item = Record<string, unknown> & { status?: string; messageId?: string; error?: string; flowToken?: string };

interface FlowStep {
	result: { outcome: string };
	status: string;
	screen: { id: string } | null;
	flow: { id: string; mode: string; flowToken: string };
	reply?: { responseJson: string };
}

/** Every Message operation, run in a real n8n against the sandbox. */
describe.each(profilesAmong('regular', 'queue', 'n8n1'))('Message resource in real n8n (%s)', (profile) => {
	const n8n = () => instance(profile);
	const sandbox = new SandboxApi(loadE2eEnv().sandboxUrl);
	let credentials: MessageCredentials;
	let signupFlowId = '';

	async function run(operation: string, parameters: Record<string, unknown>, body: Record<string, unknown>): Promise<Item> {
		const path = await deployMessageWorkflow(n8n(), operation, parameters, credentials);
		const answer = await callWebhook(n8n().webhookBaseUrl, path, body);
		expect(answer.status).toBe(200);
		return asArray<Item>(answer.json)[0];
	}

	async function lastMessageTo(waId: string) {
		const messages = await sandbox.messagesTo(waId);
		expect(messages.length).toBeGreaterThan(0);
		return messages[messages.length - 1];
	}

	async function openLastFlow(waId: string): Promise<FlowStep> {
		return await sandbox.call<FlowStep>('POST', `users/${waId}/flow/open-last`, {});
	}

	beforeAll(async () => {
		credentials = {
			cloudApi: await sandboxCloudApiCredential(n8n(), sandbox.url),
			app: await sandboxAppCredential(n8n(), sandbox.url),
		};
		const flows = await sandbox.call<Array<{ id: string; name: string }>>('GET', 'flows');
		signupFlowId = flows.find((flow) => flow.name === 'sandbox_signup')!.id;
	});

	it('Send Text: a reply with a link preview, to a number written with spaces and brackets', async () => {
		const waId = freshNumber();
		const inbound = await sandbox.userWrites(waId, 'Where is my order?');
		const item = await run(
			'sendText',
			{ to: '={{ $json.body.to }}', text: 'It left today: https://example.com/track/1001', options: { previewUrl: true, replyTo: '={{ $json.body.replyTo }}' } },
			{ to: `+1 (${waId.slice(1, 4)}) ${waId.slice(4, 7)}-${waId.slice(7)}`, replyTo: inbound },
		);
		expect(item).toMatchObject({ status: 'sent', waId });
		const message = await lastMessageTo(waId);
		expect(message.id).toBe(item.messageId);
		expect(message.content).toEqual({ body: 'It left today: https://example.com/track/1001', preview_url: true });
		expect(message.context).toEqual({ message_id: inbound });
	});

	it('Send Reply Buttons: an image header, footer and three buttons arrive as Meta\'s interactive object', async () => {
		const waId = freshNumber();
		await sandbox.openWindow(waId);
		const item = await run(
			'sendButtons',
			{
				to: '={{ $json.body.to }}',
				bodyText: 'Keep your 9:00 slot?',
				headerType: 'image',
				headerMediaSource: 'link',
				headerMediaLink: 'https://example.com/slot.png',
				buttons: { button: [{ title: 'Keep', id: 'keep' }, { title: 'Change' }, { title: 'Cancel', id: 'cancel' }] },
				options: { footerText: 'Lucky Shrub' },
			},
			{ to: waId },
		);
		expect(item.status).toBe('sent');
		const message = await lastMessageTo(waId);
		expect(message.content).toEqual({
			type: 'button',
			header: { type: 'image', image: { link: 'https://example.com/slot.png' } },
			body: { text: 'Keep your 9:00 slot?' },
			footer: { text: 'Lucky Shrub' },
			action: {
				buttons: [
					{ type: 'reply', reply: { id: 'keep', title: 'Keep' } },
					{ type: 'reply', reply: { id: 'Change', title: 'Change' } },
					{ type: 'reply', reply: { id: 'cancel', title: 'Cancel' } },
				],
			},
		});
	});

	it('refuses a message over Meta\'s limits before sending, naming the field', async () => {
		const waId = freshNumber();
		const before = (await sandbox.sendCalls()).length;
		const item = await run('sendButtons', { to: waId, bodyText: 'Pick one', buttons: { button: [{ title: 'A title of 21 chars!!' }] } }, {});
		expect(String(item.error)).toBe('Button 1 Title is 21 characters long; Meta allows at most 20');
		const flow = await run('sendFlow', { to: waId, flowId: signupFlowId, cta: 'x'.repeat(31), bodyText: 'Sign up' }, {});
		expect(String(flow.error)).toBe('Flow CTA is 31 characters long; Meta allows at most 30');
		expect((await sandbox.sendCalls()).length).toBe(before);
	});

	it('Send List: rows grouped into sections by their section title', async () => {
		const waId = freshNumber();
		await sandbox.openWindow(waId);
		const item = await run(
			'sendList',
			{
				to: waId,
				bodyText: 'How should we ship it?',
				buttonText: 'Shipping',
				rows: {
					row: [
						{ section: 'Fast', id: 'express', title: 'Express', description: 'Next day' },
						{ section: 'Cheap', id: 'ground', title: 'Ground' },
						{ section: 'Fast', id: 'priority', title: 'Priority' },
					],
				},
				options: { headerText: 'Shipping options' },
			},
			{},
		);
		expect(item.status).toBe('sent');
		const message = await lastMessageTo(waId);
		expect((message.content as { action: unknown }).action).toEqual({
			button: 'Shipping',
			sections: [
				{ title: 'Fast', rows: [{ id: 'express', title: 'Express', description: 'Next day' }, { id: 'priority', title: 'Priority' }] },
				{ title: 'Cheap', rows: [{ id: 'ground', title: 'Ground' }] },
			],
		});
	});

	it('Send Flow: navigates to a screen with data; the user completes it and the signed token names recipient, flow and record', async () => {
		const waId = freshNumber();
		await sandbox.openWindow(waId);
		const item = await run(
			'sendFlow',
			{
				to: waId,
				flowId: signupFlowId,
				cta: 'Sign up',
				bodyText: 'Join our newsletter',
				screen: 'CONFIRM',
				initialData: '={{ JSON.stringify({ email: $json.body.email }) }}',
				options: { headerText: 'Newsletter', footerText: 'Lucky Shrub', recordId: '={{ $json.body.row }}' },
			},
			{ email: 'ada@example.com', row: 'row-17' },
		);
		expect(item).toMatchObject({ status: 'sent', flowId: signupFlowId });
		const opened = await openLastFlow(waId);
		expect(opened.screen?.id).toBe('CONFIRM');
		const done = await sandbox.call<FlowStep>('POST', `users/${waId}/flow/press-footer`, {});
		expect(done.status).toBe('completed');
		const response = JSON.parse(done.reply!.responseJson) as { email: string; flow_token: string };
		expect(response.email).toBe('ada@example.com');
		expect(response.flow_token).toBe(item.flowToken);
		const check = verifyFlowToken(response.flow_token, SANDBOX_FLOW_TOKEN_SECRET, { recipient: waId, flowId: signupFlowId });
		expect(check).toMatchObject({ valid: true, claims: { recipient: waId, flowId: signupFlowId, context: { recordId: 'row-17' } } });
	});

	it('Send Flow: a draft by data_exchange, and with a custom token or none', async () => {
		const created = await sandbox.graph<{ id: string }>('POST', `${SANDBOX_WABA_ID}/flows`, {
			name: `draft_${Date.now()}`,
			categories: ['OTHER'],
			flow_json: JSON.stringify({
				version: '7.3',
				screens: [{ id: 'HELLO', title: 'Hello', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } }],
			}),
		});
		const waId = freshNumber();
		await sandbox.openWindow(waId);
		const draft = await run('sendFlow', { to: waId, flowId: created.id, cta: 'Try it', bodyText: 'Draft for testers', mode: 'draft', flowTokenMode: 'custom', customFlowToken: 'tester-1' }, {});
		expect(draft).toMatchObject({ status: 'sent', flowToken: 'tester-1' });
		expect(((await lastMessageTo(waId)).content as { action: { parameters: unknown } }).action.parameters).toEqual({
			flow_message_version: '3',
			flow_id: created.id,
			flow_cta: 'Try it',
			mode: 'draft',
			flow_token: 'tester-1',
			flow_action: 'navigate',
		});
		const opened = await openLastFlow(waId);
		expect(opened.flow).toMatchObject({ mode: 'draft', flowToken: 'tester-1' });

		const exchange = await run('sendFlow', { to: waId, flowId: signupFlowId, cta: 'Open', bodyText: 'Ask the endpoint', flowAction: 'data_exchange', flowTokenMode: 'none' }, {});
		expect(exchange.status).toBe('sent');
		expect(exchange).not.toHaveProperty('flowToken');
		const parameters = ((await lastMessageTo(waId)).content as { action: { parameters: Record<string, unknown> } }).action.parameters;
		expect(parameters).toMatchObject({ flow_action: 'data_exchange' });
		expect(parameters).not.toHaveProperty('flow_action_payload');
		expect(parameters).not.toHaveProperty('flow_token');
	});

	it('Send Template: positional variables, a text header variable and a URL button; no 24-hour window needed', async () => {
		const waId = freshNumber();
		const item = await run(
			'sendTemplate',
			{
				to: waId,
				templateName: 'order_update',
				language: 'en_US',
				bodyVariables: { variable: [{ value: '={{ $json.body.name }}' }, { value: '#1001' }] },
				headerType: 'text',
				headerText: '#1001',
				buttons: { button: [{ index: 0, type: 'url', urlVariable: '1001' }] },
			},
			{ name: 'Ada' },
		);
		expect(item).toMatchObject({ status: 'sent', template: 'order_update' });
		expect((await lastMessageTo(waId)).content).toEqual({
			name: 'order_update',
			language: { code: 'en_US' },
			components: [
				{ type: 'header', parameters: [{ type: 'text', text: '#1001' }] },
				{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }, { type: 'text', text: '#1001' }] },
				{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '1001' }] },
			],
		});
	});

	it('Send Template: named variables, an image header and a copy-code button', async () => {
		const name = `spring_coupon_${profile}_${Date.now()}`;
		await sandbox.approvedTemplate({
			name,
			language: 'en',
			category: 'MARKETING',
			parameter_format: 'NAMED',
			components: [
				{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://example.com/sale.jpg'] } },
				{ type: 'BODY', text: 'Hi {{first_name}}, {{discount}} off this week', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ada' }, { param_name: 'discount', example: '25%' }] } },
				{ type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SPRING25' }] },
			],
		});
		const waId = freshNumber();
		const item = await run(
			'sendTemplate',
			{
				to: waId,
				templateName: name,
				language: 'en',
				parameterFormat: 'named',
				bodyVariables: { variable: [{ name: 'first_name', value: 'Ada' }, { name: 'discount', value: '25%' }] },
				headerType: 'image',
				headerMediaSource: 'link',
				headerMediaLink: 'https://example.com/sale.jpg',
				buttons: { button: [{ index: 0, type: 'copy_code', couponCode: 'SPRING25' }] },
			},
			{},
		);
		expect(item.status).toBe('sent');
		expect(((await lastMessageTo(waId)).content as { components: unknown }).components).toEqual([
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/sale.jpg' } }] },
			{ type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Ada' }, { type: 'text', parameter_name: 'discount', text: '25%' }] },
			{ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: 'SPRING25' }] },
		]);
	});

	it('Send Template: a FLOW button with a signed token and flow_action_data, which the user opens', async () => {
		const waId = freshNumber();
		const item = await run(
			'sendTemplate',
			{
				to: waId,
				templateName: 'flow_signup',
				language: 'en_US',
				buttons: { button: [{ index: 0, type: 'flow', flowId: signupFlowId, flowActionData: '{"source": "spring"}' }] },
				options: { recordId: 'crm-42' },
			},
			{},
		);
		expect(item.status).toBe('sent');
		const button = ((await lastMessageTo(waId)).content as { components: Array<{ parameters: Array<{ action: Record<string, unknown> }> }> }).components[0];
		expect(button).toMatchObject({ type: 'button', sub_type: 'flow', index: '0' });
		expect(button.parameters[0].action).toEqual({ flow_token: item.flowToken, flow_action_data: { source: 'spring' } });
		expect(verifyFlowToken(String(item.flowToken), SANDBOX_FLOW_TOKEN_SECRET)).toMatchObject({ valid: true, claims: { recipient: waId, flowId: signupFlowId, context: { recordId: 'crm-42' } } });
		const opened = await openLastFlow(waId);
		expect(opened.flow).toMatchObject({ id: signupFlowId, flowToken: item.flowToken });
	});

	it('Mark as Read: the user\'s message shows read, with the typing indicator', async () => {
		const waId = freshNumber();
		const inbound = await sandbox.userWrites(waId, 'Hello?');
		const item = await run('markAsRead', { messageId: '={{ $json.body.id }}', typingIndicator: true }, { id: inbound });
		expect(item).toEqual({ success: true, messageId: inbound, typingIndicator: true });
		const messages = await sandbox.call<Array<{ id: string; readByBusiness: boolean; typingIndicator: boolean }>>('GET', `users/${waId}/inbound`);
		expect(messages.find((m) => m.id === inbound)).toMatchObject({ readByBusiness: true, typingIndicator: true });
	});

	it('sends from the credential\'s phone number', async () => {
		const waId = freshNumber();
		await sandbox.openWindow(waId);
		await run('sendText', { to: waId, text: 'From the shop' }, {});
		expect((await lastMessageTo(waId)) as unknown as { phoneNumberId: string }).toMatchObject({ phoneNumberId: SANDBOX_PHONE_NUMBER_ID });
	});
});
