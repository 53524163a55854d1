// Message templates: the seeded ones, list / create / delete (business-management-api/message-templates; Postman
// "Templates" folder), and template sends validated against them (132001 missing or not approved, 132000 counts).
import { SANDBOX_ACCESS_TOKEN, SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID, startSandbox, type Sandbox } from './index';
import { call, expectGraphError, get, post, postmanExample } from './test-support';
import type { TemplateRecord } from './templates';
import type { WebhookDelivery } from './webhooks';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

const token = SANDBOX_ACCESS_TOKEN;
const templatesPath = `/v24.0/${SANDBOX_WABA_ID}/message_templates`;
const messagesPath = `/v24.0/${SANDBOX_PHONE_NUMBER_ID}/messages`;
const user = '15550109999';
type List = { data: Record<string, unknown>[]; paging?: { cursors: object } };
const sendTemplate = (template: Record<string, unknown>) =>
	post(sandbox, messagesPath, { token, json: { messaging_product: 'whatsapp', to: user, type: 'template', template } });
const text = (t: string) => ({ type: 'text', text: t });

describe('listing', () => {
	it('lists the seeded templates in the shape of the Postman example "Get all templates (default fields)"', async () => {
		const answer = await get<List>(sandbox, templatesPath, { token });
		const example = postmanExample('Get all templates (default fields)').responseBody as List;
		expect(Object.keys(answer.body)).toEqual(Object.keys(example));
		expect(Object.keys(answer.body.data[0])).toEqual(Object.keys(example.data[1]));
		expect(answer.body.data.map((t) => `${String(t.name)}:${String(t.status)}`)).toEqual([
			'hello_world:APPROVED',
			'order_update:APPROVED',
			'verification_code:APPROVED',
			'flow_signup:APPROVED',
			'spring_promo:PENDING',
			'old_promo:PAUSED',
		]);
	});

	it('seeds an AUTHENTICATION template with a copy-code OTP button, and one with a FLOW button opening a published Flow', async () => {
		const auth = (await get<List>(sandbox, `${templatesPath}?name=verification_code`, { token })).body.data[0] as unknown as TemplateRecord;
		expect(auth.category).toBe('AUTHENTICATION');
		expect(auth.components).toContainEqual({ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy Code' }] });
		expect(auth.components).toContainEqual(expect.objectContaining({ type: 'BODY', text: '*{{1}}* is your verification code. For your security, do not share this code.' }));
		const flowTemplate = (await get<List>(sandbox, `${templatesPath}?name=flow_signup`, { token })).body.data[0] as unknown as TemplateRecord;
		const [button] = (flowTemplate.components.find((c) => c.type === 'BUTTONS') as { buttons: { flow_id: string }[] }).buttons;
		expect(sandbox.state.flows.get(button.flow_id)?.status).toBe('PUBLISHED');
	});

	it('filters by status and category', async () => {
		const approvedAuth = await get<List>(sandbox, `${templatesPath}?status=APPROVED&category=AUTHENTICATION`, { token });
		expect(approvedAuth.body.data.map((t) => t.name)).toEqual(['verification_code']);
	});
});

describe('creating and deleting', () => {
	it('creates the Postman request "Create authentication template w/ OTP copy code button", APPROVED at once', async () => {
		const { requestBody, responseBody } = postmanExample('Create authentication template w/ OTP copy code button');
		const answer = await post<{ id: string; status: string; category: string }>(sandbox, templatesPath, { token, json: requestBody });
		expect(answer.status).toBe(200);
		expect(Object.keys(answer.body)).toEqual(Object.keys(responseBody as object));
		expect(answer.body).toMatchObject({ status: 'APPROVED', category: 'AUTHENTICATION' });
	});

	it('answers PENDING, then approves after review with a message_template_status_update webhook', async () => {
		const answer = await post<{ id: string; status: string }>(sandbox, templatesPath, {
			token,
			json: { name: 'welcome_note', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}', example: { body_text: [['Ada']] } }] },
		});
		expect(answer.body).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
		await sandbox.state.webhooks.idle();
		expect(sandbox.state.templates.byId(answer.body.id)?.status).toBe('APPROVED');
		const [delivery] = (await get<WebhookDelivery[]>(sandbox, '/__sandbox/webhook-deliveries?field=message_template_status_update')).body;
		expect((delivery.payload as { entry: { changes: { value: unknown }[] }[] }).entry[0].changes[0].value).toEqual({
			event: 'APPROVED',
			message_template_id: Number(answer.body.id),
			message_template_name: 'welcome_note',
			message_template_language: 'en_US',
			reason: 'NONE',
		});
	});

	it.each(['Create Flow Template Message by Name', 'Create Flow Template Message by Flow JSON'])(
		'creates a FLOW-button template from the Postman request "%s", answering its example\'s keys',
		async (name) => {
			const { requestBody, responseBody } = postmanExample(name, { 'Flow-Name': 'sandbox_signup' });
			const body = JSON.parse(JSON.stringify(requestBody).replace('<TEMPLATE_NAME>', 'flow_template').replace('<SCREEN_ID>', 'SIGN_UP')) as object;
			const answer = await post<object>(sandbox, templatesPath, { token, json: body });
			expect(answer.status).toBe(200);
			expect(Object.keys(answer.body)).toEqual(Object.keys(responseBody as object));
			const [template] = sandbox.state.templates.all().filter((t) => t.name === 'flow_template');
			const [button] = (template.components.find((c) => c.type === 'BUTTONS') as { buttons: { flow_id: string }[] }).buttons;
			expect(sandbox.state.flows.get(button.flow_id)).toBeDefined();
		},
	);

	it.each([
		['an upper-case name', { name: 'Bad', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] }],
		['an unknown category', { name: 'x', language: 'en_US', category: 'GOSSIP', components: [{ type: 'BODY', text: 'x' }] }],
		['no BODY', { name: 'x', language: 'en_US', category: 'UTILITY', components: [{ type: 'FOOTER', text: 'x' }] }],
		['variables without examples', { name: 'x', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}' }] }],
		['a FLOW button naming two flows', { name: 'x', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'x' }, { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Go', flow_id: '1', flow_name: 'sandbox_signup', navigate_screen: 'SIGN_UP' }] }] }],
		['a ONE_TAP button without supported_apps', { name: 'x', language: 'en_US', category: 'AUTHENTICATION', components: [{ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'ONE_TAP' }] }] }],
	])('refuses %s (code 100)', async (_name, json) => {
		expectGraphError(await post(sandbox, templatesPath, { token, json }), 400, 100);
	});

	it('creates a coupon template: a COPY_CODE button takes an example code and no text (coupon-templates), and sends with coupon_code', async () => {
		const coupon = { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SPRING25' }] };
		const created = await post<{ id: string }>(sandbox, templatesPath, {
			token,
			json: { name: 'spring_coupon', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Spring sale' }, coupon] },
		});
		expect(created.status).toBe(200);
		await sandbox.state.webhooks.idle();
		const send = await sendTemplate({
			name: 'spring_coupon',
			language: { code: 'en_US' },
			components: [{ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: 'SPRING25' }] }],
		});
		expect(send.status).toBe(200);
		const twoCodes = { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'A1' }, { type: 'COPY_CODE', example: 'B2' }] };
		expectGraphError(await post(sandbox, templatesPath, { token, json: { name: 'two_codes', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'x' }, twoCodes] } }), 400, 100);
		const longCode = { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'X'.repeat(21) }] };
		expectGraphError(await post(sandbox, templatesPath, { token, json: { name: 'long_code', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'x' }, longCode] } }), 400, 100);
	});

	it('refuses a second template with the same name and language (subcode 2388024)', async () => {
		const error = expectGraphError(await post(sandbox, templatesPath, { token, json: { name: 'hello_world', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] } }), 400, 100);
		expect(error.error_subcode).toBe(2388024);
	});

	it('deletes by name ("Delete template by name" → {"success": true}); a second delete fails', async () => {
		const answer = await call(sandbox, 'DELETE', `${templatesPath}?name=order_update`, { token });
		expect(answer.body).toEqual(postmanExample('Delete template by name').responseBody);
		expect((await get<List>(sandbox, `${templatesPath}?name=order_update`, { token })).body.data).toEqual([]);
		expectGraphError(await call(sandbox, 'DELETE', `${templatesPath}?name=order_update`, { token }), 400, 100);
	});
});

describe('sending templates', () => {
	it('sends an approved template outside the 24-hour window, priced in its category', async () => {
		const answer = await sendTemplate({ name: 'order_update', language: { code: 'en_US' }, components: [
			{ type: 'header', parameters: [text('#1001')] },
			{ type: 'body', parameters: [text('Ada'), text('#1001')] },
			{ type: 'button', sub_type: 'url', index: '0', parameters: [text('1001')] },
		] });
		expect(answer.status).toBe(200);
		expect(sandbox.state.messagesTo(user)).toEqual([expect.objectContaining({ type: 'template', category: 'utility' })]);
	});

	it('sends the OTP authentication template with the code in body and copy-code button', async () => {
		const answer = await sendTemplate({ name: 'verification_code', language: { code: 'en_US' }, components: [
			{ type: 'body', parameters: [text('123456')] },
			{ type: 'button', sub_type: 'url', index: '0', parameters: [text('123456')] },
		] });
		expect(answer.status).toBe(200);
	});

	it('sends the FLOW-button template with a flow_token (Postman "Send Flow Template Message")', async () => {
		const answer = await sendTemplate({ name: 'flow_signup', language: { code: 'en_US' }, components: [
			{ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: { flow_token: 'tok-1', flow_action_data: { email: 'a@b.c' } } }] },
		] });
		expect(answer.status).toBe(200);
	});

	it.each([
		['an unknown name', { name: 'nope', language: { code: 'en_US' } }, 132001],
		['a language it does not have', { name: 'hello_world', language: { code: 'de' } }, 132001],
		['a PENDING template', { name: 'spring_promo', language: { code: 'en_US' } }, 132001],
		['a PAUSED template', { name: 'old_promo', language: { code: 'en_US' } }, 132015],
		['too few body parameters', { name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'header', parameters: [text('#1')] }, { type: 'body', parameters: [text('Ada')] }, { type: 'button', sub_type: 'url', index: '0', parameters: [text('1')] }] }, 132000],
		['a missing OTP button parameter', { name: 'verification_code', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [text('123456')] }] }, 132000],
		['parameters for a template without variables', { name: 'hello_world', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [text('x')] }] }, 132000],
	])('refuses %s with code %s', async (_name, template, code) => {
		const error = expectGraphError(await sendTemplate(template), 400, code);
		expect(error.error_data?.details).toEqual(expect.any(String));
		expect(sandbox.state.messages()).toEqual([]);
	});

	it('explains a count mismatch as Meta does', async () => {
		const error = expectGraphError(await sendTemplate({ name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'header', parameters: [text('#1')] }, { type: 'body', parameters: [text('Ada')] }] }), 400, 132000);
		expect(error.message).toBe('(#132000) Number of parameters does not match the expected number of params');
		expect(error.error_data?.details).toBe('body: number of localizable_params (1) does not match the expected number of params (2)');
	});
});

describe('reading one template by id', () => {
	it('answers GET /{template-id} in the shape of the Postman example "Get template by ID (default fields)"', async () => {
		const listed = (await get<List>(sandbox, `${templatesPath}?name=order_update`, { token })).body.data[0];
		const answer = await get<Record<string, unknown>>(sandbox, `/v24.0/${String(listed.id)}`, { token });
		expect(answer.status).toBe(200);
		expect(Object.keys(answer.body)).toEqual(Object.keys(postmanExample('Get template by ID (default fields)').responseBody as object));
		expect(answer.body).toEqual(listed);
	});

	it('answers 100/33 for an id that is no template, and for a deleted one', async () => {
		const listed = (await get<List>(sandbox, `${templatesPath}?name=hello_world`, { token })).body.data[0];
		await call(sandbox, 'DELETE', `${templatesPath}?name=hello_world`, { token });
		expectGraphError(await get(sandbox, `/v24.0/${String(listed.id)}`, { token }), 400, 100);
	});
});
