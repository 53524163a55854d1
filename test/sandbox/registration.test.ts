// Business number registration: request_code → verify_code → two-step PIN → register, with Meta's checks and limits.
import { SANDBOX_ACCESS_TOKEN, SANDBOX_PHONE_NUMBER_ID, startSandbox, type Sandbox } from './index';
import { expectGraphError, post } from './test-support';

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(() => sandbox.close());

const token = SANDBOX_ACCESS_TOKEN;
const path = `/v25.0/${SANDBOX_PHONE_NUMBER_ID}`;
const registration = () => sandbox.state.registrations.get(SANDBOX_PHONE_NUMBER_ID);

describe('request_code and verify_code', () => {
	it('sends a 6-digit code by SMS or VOICE and accepts it once', async () => {
		expect((await post(sandbox, `${path}/request_code`, { token, json: { code_method: 'SMS', language: 'en_US' } })).body).toEqual({ success: true });
		const code = registration()?.requestedCode ?? '';
		expect(code).toMatch(/^[0-9]{6}$/);
		expectGraphError(await post(sandbox, `${path}/verify_code`, { token, json: { code: code === '000000' ? '111111' : '000000' } }), 400, 100);
		expect((await post(sandbox, `${path}/verify_code`, { token, json: { code } })).body).toEqual({ success: true });
		expectGraphError(await post(sandbox, `${path}/verify_code`, { token, json: { code } }), 400, 100);
	});

	it('refuses another code method and a missing language', async () => {
		expectGraphError(await post(sandbox, `${path}/request_code`, { token, json: { code_method: 'EMAIL', language: 'en_US' } }), 400, 100);
		expectGraphError(await post(sandbox, `${path}/request_code`, { token, json: { code_method: 'VOICE' } }), 400, 100);
	});
});

describe('register and the two-step PIN', () => {
	const register = async (pin: string, extra: Record<string, unknown> = {}) =>
		await post(sandbox, `${path}/register`, { token, json: { messaging_product: 'whatsapp', pin, ...extra } });

	it('sets the two-step PIN (6 digits), then registers only with that PIN (133005 otherwise)', async () => {
		expectGraphError(await post(sandbox, path, { token, json: { pin: '12345' } }), 400, 100);
		expect((await post(sandbox, path, { token, json: { pin: '246810' } })).body).toEqual({ success: true });
		expectGraphError(await register('135791'), 400, 133005);
		expect((await register('246810', { data_localization_region: 'DE' })).body).toEqual({ success: true });
		expect(registration()).toMatchObject({ registered: true, twoStepPin: '246810', dataLocalizationRegion: 'DE' });
		expectGraphError(await register('246810', { data_localization_region: 'XX' }), 400, 100);
	});

	it('allows 10 register calls per 72 hours; the 11th answers 133016', async () => {
		for (let i = 0; i < 10; i++) expect((await register('246810')).status).toBe(200);
		const error = expectGraphError(await register('246810'), 400, 133016);
		expect(error.message).toMatch(/rate limit/);
		// The inspection API forgets one number's registration state (tests of several n8n profiles start afresh).
		expect((await fetch(`${sandbox.url}/__sandbox/phone-numbers/${SANDBOX_PHONE_NUMBER_ID}/registration`, { method: 'DELETE' })).status).toBe(200);
		expect((await register('135791')).status).toBe(200);
	});
});
