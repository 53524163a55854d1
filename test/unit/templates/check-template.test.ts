import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertValidTemplate, buildTemplate, checkTemplate, TemplateValidationError, type TemplateInput } from '../../../nodes/shared/templates';

const errorsOf = (payload: unknown) => checkTemplate(payload).filter((p) => p.severity === 'error');
const paths = (payload: unknown) => errorsOf(payload).map((p) => p.path);

const marketing = (components: unknown[], extra: Record<string, unknown> = {}) => ({ name: 'spring_sale', language: 'en_US', category: 'MARKETING', components, ...extra });
const body = (text = 'Our spring sale is on!', example?: unknown) => ({ type: 'BODY', text, ...(example ? { example } : {}) });
const buttons = (...list: unknown[]) => ({ type: 'BUTTONS', buttons: list });

describe("Meta's own template examples pass", () => {
	// Every "Create …" request body of Meta's Postman collection (Templates folder and the Flow template requests).
	const collection = JSON.parse(readFileSync(join(__dirname, '../../fixtures/meta/whatsapp-cloud-api.postman_collection.json'), 'utf8')) as { item: unknown[] };
	const requests: Array<[string, unknown]> = [];
	const walk = (items: unknown[]) => {
		for (const item of items as Array<{ name: string; item?: unknown[]; request?: { method?: string; url?: { raw?: string }; body?: { raw?: string } } }>) {
			if (item.item) walk(item.item);
			else if (item.request?.method === 'POST' && item.request.url?.raw?.endsWith('/message_templates') && item.request.body?.raw) {
				requests.push([item.name, JSON.parse(item.request.body.raw.replace(/<[A-Z_]+>/g, 'sample'))]);
			}
		}
	};
	walk(collection.item);

	it('finds them', () => expect(requests.length).toBeGreaterThanOrEqual(10));

	it.each(requests)('%s', (_name, payload) => {
		const errors = errorsOf(payload);
		// Meta's one-tap example still uses the older package_name / signature_hash on the button itself.
		const legacyOneTap = JSON.stringify(payload).includes('"package_name"') && !JSON.stringify(payload).includes('supported_apps');
		if (legacyOneTap) expect(errors.map((e) => e.path)).toEqual(['components[2].buttons[0].supported_apps']);
		else expect(errors).toEqual([]);
	});
});

describe('name, language, category and time-to-live', () => {
	it('names the field for each top-level mistake', () => {
		expect(paths({ ...marketing([body()]), name: 'Spring Sale' })).toEqual(['name']);
		expect(paths({ ...marketing([body()]), name: 'a'.repeat(513) })).toEqual(['name']);
		expect(paths({ ...marketing([body()]), language: 'English' })).toEqual(['language']);
		expect(paths({ ...marketing([body()]), category: 'PROMO' })).toEqual(['category']);
		expect(paths({ ...marketing([body()]), parameter_format: 'MIXED' })).toEqual(['parameter_format']);
		expect(paths('nope')).toEqual(['']);
	});

	it('keeps message_send_ttl_seconds within each category\'s range', () => {
		expect(paths(marketing([body()], { message_send_ttl_seconds: 43_200 }))).toEqual([]);
		expect(errorsOf(marketing([body()], { message_send_ttl_seconds: 600 }))[0].message).toMatch(/MARKETING templates a whole number of seconds from 43200 to 2592000/);
		expect(paths({ ...marketing([body()], { message_send_ttl_seconds: 60 }), category: 'UTILITY' })).toEqual([]);
		expect(paths({ ...marketing([body()], { message_send_ttl_seconds: 43_201 }), category: 'UTILITY' })).toEqual(['message_send_ttl_seconds']);
	});
});

describe('components', () => {
	it('needs exactly one body, at most one header / footer / buttons', () => {
		expect(paths(marketing([]))).toEqual(['components']);
		expect(paths(marketing([{ type: 'FOOTER', text: 'x' }]))).toEqual(['components']);
		expect(paths(marketing([body(), body()]))).toEqual(['components']);
		expect(paths(marketing([body(), { type: 'FOOTER', text: 'a' }, { type: 'FOOTER', text: 'b' }]))).toEqual(['components']);
		expect(paths(marketing([body(), { type: 'STICKER' }]))).toEqual(['components[1].type']);
	});

	it('limits header 60, body 1024 and footer 60 characters, counting emoji as one', () => {
		expect(paths(marketing([{ type: 'HEADER', format: 'TEXT', text: '🎉'.repeat(60) }, body('b'.repeat(1024)), { type: 'FOOTER', text: 'f'.repeat(60) }]))).toEqual([]);
		expect(paths(marketing([{ type: 'HEADER', format: 'TEXT', text: 'h'.repeat(61) }, body('b'.repeat(1025)), { type: 'FOOTER', text: 'f'.repeat(61) }]))).toEqual([
			'components[0].text',
			'components[1].text',
			'components[2].text',
		]);
	});

	it('wants numbered variables without gaps, with one sample each', () => {
		expect(paths(marketing([body('Hi {{1}}, your code is {{2}}.', { body_text: [['Ada', 'X1']] })]))).toEqual([]);
		expect(paths(marketing([body('Hi {{1}}, your code is {{3}}.', { body_text: [['Ada', 'X1']] })]))).toEqual(['components[0].text']);
		expect(paths(marketing([body('Hi {{1}}, your code is {{2}}.', { body_text: [['Ada']] })]))).toEqual(['components[0].example.body_text']);
		expect(paths(marketing([body('Hi {{1}}, see you.')]))).toEqual(['components[0].example.body_text']);
		expect(paths(marketing([body('Hi {{1}}, see you.', { body_text: [['  ']] })]))).toEqual(['components[0].example.body_text']);
		expect(paths(marketing([{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: [''] } }, body()]))).toEqual(['components[0].example']);
		expect(errorsOf(marketing([body('Hi {{ First Name }}!')]))[0].message).toMatch(/is not a variable/);
	});

	it('wants named variables only with parameter_format NAMED, each with a sample', () => {
		const text = 'Hi {{first_name}}, your order {{order_id}} is ready.';
		expect(paths(marketing([body(text)]))).toContain('components[0].text');
		const named = (params: unknown[]) => marketing([body(text, { body_text_named_params: params })], { parameter_format: 'NAMED' });
		expect(paths(named([{ param_name: 'first_name', example: 'Ada' }, { param_name: 'order_id', example: '1001' }]))).toEqual([]);
		expect(errorsOf(named([{ param_name: 'first_name', example: 'Ada' }]))[0].message).toMatch(/missing for \{\{order_id\}\}/);
		expect(errorsOf(named([{ param_name: 'first_name', example: 'Ada' }, { param_name: 'order_id', example: '' }]))[0].message).toMatch(/missing for \{\{order_id\}\}/);
	});

	it('warns (without refusing) about a body that starts or ends with a variable or has adjacent ones', () => {
		const problems = checkTemplate(marketing([body('{{1}} {{2}} is yours', { body_text: [['a', 'b']] })]));
		expect(problems.every((p) => p.severity === 'warning')).toBe(true);
		expect(problems).toHaveLength(2);
	});

	it('needs a sample handle for media headers and a sample for a text header variable', () => {
		expect(paths(marketing([{ type: 'HEADER', format: 'IMAGE' }, body()]))).toEqual(['components[0].example.header_handle']);
		expect(paths(marketing([{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW'] } }, body()]))).toEqual([]);
		expect(paths(marketing([{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' }, body()]))).toEqual(['components[0].example']);
		expect(paths(marketing([{ type: 'HEADER', format: 'TEXT', text: '{{1}} {{2}}', example: { header_text: ['a', 'b'] } }, body()]))).toContain('components[0].text');
		expect(paths(marketing([{ type: 'HEADER', format: 'LOCATION' }, body()]))).toEqual([]);
		expect(paths(marketing([{ type: 'HEADER', format: 'AUDIO' }, body()]))).toEqual(['components[0].format']);
	});
});

describe('buttons', () => {
	const qr = (text = 'Yes') => ({ type: 'QUICK_REPLY', text });
	const url = (extra: Record<string, unknown> = {}) => ({ type: 'URL', text: 'Shop', url: 'https://example.com/shop', ...extra });
	const phone = { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550100001' };

	it('allows up to 10 buttons: 10 quick replies, 2 URL, 1 phone, 1 copy code', () => {
		expect(paths(marketing([body(), buttons(...Array.from({ length: 10 }, () => qr()))]))).toEqual([]);
		expect(paths(marketing([body(), buttons(...Array.from({ length: 11 }, () => qr()))]))).toEqual(['components[1].buttons', 'components[1].buttons']);
		expect(paths(marketing([body(), buttons(url(), url(), url())]))).toEqual(['components[1].buttons']);
		expect(paths(marketing([body(), buttons(phone, phone)]))).toEqual(['components[1].buttons']);
		expect(paths(marketing([body(), buttons({ type: 'COPY_CODE', example: 'A' }, { type: 'COPY_CODE', example: 'B' })]))).toEqual(['components[1].buttons']);
	});

	it('keeps quick replies in one group', () => {
		expect(paths(marketing([body(), buttons(qr(), qr('No'), url(), phone)]))).toEqual([]);
		expect(errorsOf(marketing([body(), buttons(qr(), url(), qr('No'))]))[0].message).toMatch(/grouped together/);
	});

	it('checks each button\'s own fields', () => {
		expect(paths(marketing([body(), buttons(qr('x'.repeat(26)))]))).toEqual(['components[1].buttons[0].text']);
		expect(paths(marketing([body(), buttons(url({ url: 'ftp://x' }))]))).toEqual(['components[1].buttons[0].url']);
		expect(paths(marketing([body(), buttons(url({ url: 'https://x.com/{{1}}/a', example: ['https://x.com/1/a'] }))]))).toEqual(['components[1].buttons[0].url']);
		expect(paths(marketing([body(), buttons(url({ url: 'https://x.com/{{1}}' }))]))).toEqual(['components[1].buttons[0].example']);
		expect(paths(marketing([body(), buttons({ ...phone, phone_number: '+1'.padEnd(21, '5') })]))).toEqual(['components[1].buttons[0].phone_number']);
		expect(paths(marketing([body(), buttons({ type: 'COPY_CODE', example: 'CODE-1234567890X' })]))).toEqual(['components[1].buttons[0].example']);
		expect(paths(marketing([body(), buttons({ type: 'OTP', otp_type: 'COPY_CODE' })]))).toEqual(['components[1].buttons']);
	});

	it('checks a FLOW button: one way to name the Flow, an action, and the first screen when navigating', () => {
		const flow = (extra: Record<string, unknown>) => marketing([body(), buttons({ type: 'FLOW', text: 'Sign up', ...extra })]);
		expect(paths(flow({ flow_id: '123', flow_action: 'navigate', navigate_screen: 'SIGN_UP' }))).toEqual([]);
		expect(paths(flow({ flow_name: 'signup', flow_action: 'data_exchange' }))).toEqual([]);
		expect(paths(flow({ flow_id: '123', flow_name: 'signup', navigate_screen: 'A' }))).toEqual(['components[1].buttons[0]']);
		expect(paths(flow({ flow_id: '123' }))).toEqual(['components[1].buttons[0].navigate_screen']);
		expect(paths(flow({ flow_id: '123', navigate_screen: 'SIGN-UP' }))).toEqual(['components[1].buttons[0].navigate_screen']);
		expect(paths(flow({ flow_id: '123', flow_action: 'open', navigate_screen: 'A' }))).toEqual(['components[1].buttons[0].flow_action']);
	});
});

describe('AUTHENTICATION templates', () => {
	const auth = (components: unknown[], extra: Record<string, unknown> = {}) => ({ name: 'login_code', language: 'en_US', category: 'AUTHENTICATION', components, ...extra });
	const otp = (extra: Record<string, unknown>) => buttons({ type: 'OTP', ...extra });
	const app = { package_name: 'com.example.shop', signature_hash: 'K8a/AINcGX7' };

	it('accepts copy code, one-tap with its apps, and zero-tap with the terms accepted', () => {
		expect(paths(auth([{ type: 'BODY', add_security_recommendation: true }, { type: 'FOOTER', code_expiration_minutes: 10 }, otp({ otp_type: 'COPY_CODE', text: 'Copy code' })], { message_send_ttl_seconds: 600 }))).toEqual([]);
		expect(paths(auth([{ type: 'BODY' }, otp({ otp_type: 'ONE_TAP', autofill_text: 'Autofill', supported_apps: [app] })]))).toEqual([]);
		expect(paths(auth([{ type: 'BODY' }, otp({ otp_type: 'ZERO_TAP', supported_apps: [app], zero_tap_terms_accepted: true })]))).toEqual([]);
	});

	it('refuses what Meta writes itself, the wrong buttons, bad apps and out-of-range numbers', () => {
		expect(paths(auth([{ type: 'BODY', text: 'Your code' }, otp({ otp_type: 'COPY_CODE' })]))).toEqual(['components[0].text']);
		expect(paths(auth([{ type: 'HEADER', format: 'TEXT', text: 'x' }, { type: 'BODY' }, otp({ otp_type: 'COPY_CODE' })]))).toEqual(['components[0]']);
		expect(paths(auth([{ type: 'BODY' }, { type: 'FOOTER', code_expiration_minutes: 91 }, otp({ otp_type: 'COPY_CODE' })]))).toEqual(['components[1].code_expiration_minutes']);
		expect(paths(auth([{ type: 'BODY' }, buttons({ type: 'QUICK_REPLY', text: 'x' })]))).toEqual(['components[1].buttons']);
		expect(paths(auth([{ type: 'BODY' }, otp({ otp_type: 'ONE_TAP' })]))).toEqual(['components[1].buttons[0].supported_apps']);
		expect(paths(auth([{ type: 'BODY' }, otp({ otp_type: 'ONE_TAP', supported_apps: [{ package_name: 'shop', signature_hash: 'short' }] })]))).toEqual([
			'components[1].buttons[0].supported_apps[0].package_name',
			'components[1].buttons[0].supported_apps[0].signature_hash',
		]);
		expect(paths(auth([{ type: 'BODY' }, otp({ otp_type: 'ZERO_TAP', supported_apps: [app] })]))).toEqual(['components[1].buttons[0].zero_tap_terms_accepted']);
		expect(paths(auth([{ type: 'BODY' }, otp({ otp_type: 'COPY_CODE' })], { message_send_ttl_seconds: 901 }))).toEqual(['message_send_ttl_seconds']);
		expect(paths(auth([{ type: 'BODY' }, otp({ otp_type: 'MAGIC' })]))).toEqual(['components[1].buttons[0].otp_type']);
	});
});

describe('building the payload from the node\'s fields', () => {
	it('builds a marketing template with a header variable, body samples, footer and a FLOW button that passes the checks', () => {
		const input: TemplateInput = {
			name: 'signup_invite',
			language: 'en_US',
			category: 'MARKETING',
			header: { format: 'TEXT', text: 'Hello {{1}}', example: 'Ada' },
			body: { text: 'Join our club, {{1}}: {{2}} points await.', examples: ['Ada', '100'] },
			footer: 'Reply STOP to opt out',
			buttons: [{ type: 'FLOW', text: 'Sign up', flowId: '123', navigateScreen: 'SIGN_UP' }],
		};
		const payload = buildTemplate(input);
		expect(payload).toEqual({
			name: 'signup_invite',
			language: 'en_US',
			category: 'MARKETING',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Hello {{1}}', example: { header_text: ['Ada'] } },
				{ type: 'BODY', text: 'Join our club, {{1}}: {{2}} points await.', example: { body_text: [['Ada', '100']] } },
				{ type: 'FOOTER', text: 'Reply STOP to opt out' },
				{ type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Sign up', flow_id: '123', flow_action: 'navigate', navigate_screen: 'SIGN_UP' }] },
			],
		});
		expect(assertValidTemplate(payload)).toEqual([]);
	});

	it('builds named samples by name', () => {
		const payload = buildTemplate({ name: 'n', language: 'en', category: 'UTILITY', parameterFormat: 'NAMED', body: { text: 'Hi {{name}}, welcome.', examples: { name: 'Ada' } } });
		expect(payload.parameter_format).toBe('NAMED');
		expect((payload.components as unknown[])[0]).toEqual({ type: 'BODY', text: 'Hi {{name}}, welcome.', example: { body_text_named_params: [{ param_name: 'name', example: 'Ada' }] } });
		expect(assertValidTemplate(payload)).toEqual([]);
	});

	it('builds a one-tap AUTHENTICATION template with its time-to-live, as Meta documents it', () => {
		const payload = buildTemplate({
			name: 'login_code',
			language: 'en_US',
			category: 'AUTHENTICATION',
			messageSendTtlSeconds: 300,
			authentication: {
				addSecurityRecommendation: true,
				codeExpirationMinutes: 5,
				otpType: 'ONE_TAP',
				buttonText: 'Copy code',
				autofillText: 'Autofill',
				supportedApps: [{ packageName: 'com.example.shop', signatureHash: 'K8a/AINcGX7' }],
			},
		});
		expect(payload).toEqual({
			name: 'login_code',
			language: 'en_US',
			category: 'AUTHENTICATION',
			message_send_ttl_seconds: 300,
			components: [
				{ type: 'BODY', add_security_recommendation: true },
				{ type: 'FOOTER', code_expiration_minutes: 5 },
				{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'ONE_TAP', text: 'Copy code', autofill_text: 'Autofill', supported_apps: [{ package_name: 'com.example.shop', signature_hash: 'K8a/AINcGX7' }] }] },
			],
		});
		expect(assertValidTemplate(payload)).toEqual([]);
	});

	it('throws one error that lists every problem with its path', () => {
		const payload = buildTemplate({ name: 'Bad Name', language: 'en_US', category: 'MARKETING', body: { text: '' }, footer: 'x'.repeat(61) });
		expect(() => assertValidTemplate(payload)).toThrow(TemplateValidationError);
		expect(() => assertValidTemplate(payload)).toThrow(/3 rules.*name: .*components\[0\]\.text: Text is required.*components\[1\]\.text: At most 60/);
	});
});
