import type { IHookFunctions } from 'n8n-workflow';
import { registrationMethods } from '../../../nodes/WhatsAppCloudTrigger/registration';

// The trigger's checkExists / create / delete against a recording stand-in for n8n's hook context: only the
// production URL is ever registered at Meta; a test listener changes nothing.

interface Recorded {
	method: string;
	url: string;
	body?: unknown;
}

function hookContext(options: { mode: 'trigger' | 'manual'; url: string; registration: string; override?: string }) {
	const requests: Recorded[] = [];
	let override = options.override ?? '';
	const context = {
		getMode: () => options.mode,
		getActivationMode: () => (options.mode === 'manual' ? 'manual' : 'activate'),
		getNodeWebhookUrl: () => options.url,
		getNodeParameter: (name: string, fallback: unknown) => ({ registration: options.registration, phoneNumberId: '' })[name] ?? fallback,
		getNode: () => ({ name: 'WhatsApp Cloud Trigger', type: 'whatsAppCloudTrigger', typeVersion: 1, id: 'n1', position: [0, 0], parameters: {} }),
		getCredentials: async (type: string) =>
			type === 'whatsAppFlowsAppApi'
				? { appId: 'APP1', appSecret: 'secret', verifyToken: 'vt', flowTokenSecret: '' }
				: { accessToken: 't', wabaId: 'WABA1', phoneNumberId: 'PN1', graphApiVersion: 'v25.0', baseUrl: 'https://graph.example' },
		logger: { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined },
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: { method: string; url: string; body?: unknown }) => {
				requests.push({ method: request.method, url: request.url, body: request.body });
				if (request.method === 'GET') {
					return { statusCode: 200, headers: {}, body: { webhook_configuration: override ? { phone_number: override } : {}, id: 'PN1' } };
				}
				override = String(((request.body as { webhook_configuration: { override_callback_uri: string } }).webhook_configuration).override_callback_uri);
				return { statusCode: 200, headers: {}, body: { success: true } };
			},
		},
	};
	return { context: context as unknown as IHookFunctions, requests, override: () => override };
}

const PRODUCTION = 'https://n8n.example/webhook/whatsapp';
const TEST = 'https://n8n.example/webhook-test/whatsapp';

describe('registering the alternate callback URL of a phone number', () => {
	it('sets the production URL on activation and removes it on deactivation', async () => {
		const hook = hookContext({ mode: 'trigger', url: PRODUCTION, registration: 'phoneNumber' });
		expect(await registrationMethods.checkExists.call(hook.context)).toBe(false);
		expect(await registrationMethods.create.call(hook.context)).toBe(true);
		expect(hook.override()).toBe(PRODUCTION);
		expect(hook.requests.at(-1)).toEqual({
			method: 'POST',
			url: 'https://graph.example/v25.0/PN1',
			body: { webhook_configuration: { override_callback_uri: PRODUCTION, verify_token: 'vt' } },
		});
		expect(await registrationMethods.checkExists.call(hook.context)).toBe(true);
		expect(await registrationMethods.delete.call(hook.context)).toBe(true);
		expect(hook.override()).toBe('');
	});

	it("never moves the number's production URL while the editor listens for a test event", async () => {
		const hook = hookContext({ mode: 'manual', url: TEST, registration: 'phoneNumber', override: PRODUCTION });
		expect(await registrationMethods.checkExists.call(hook.context)).toBe(true);
		expect(await registrationMethods.create.call(hook.context)).toBe(true);
		expect(await registrationMethods.delete.call(hook.context)).toBe(true);
		expect(hook.requests).toEqual([]);
		expect(hook.override()).toBe(PRODUCTION);
	});

	it('registers nothing in manual mode (the URL is pasted into the Meta app)', async () => {
		const hook = hookContext({ mode: 'trigger', url: PRODUCTION, registration: 'manual' });
		expect(await registrationMethods.checkExists.call(hook.context)).toBe(true);
		expect(await registrationMethods.create.call(hook.context)).toBe(true);
		expect(await registrationMethods.delete.call(hook.context)).toBe(true);
		expect(hook.requests).toEqual([]);
	});
});
