import { generateKeyPairSync } from 'node:crypto';
import { HARNESS_SCOPES } from '../harness/n8n-owner';
import { instance, loadE2eEnv, profilesAmong } from './harness/e2e-env';
import {
	createCredential,
	sandboxAppCredential,
	sandboxCloudApiCredential,
	stateStoreCredential,
	vectorKeySets,
} from './support/credentials';

/** The editor's "Test" button, through n8n 2.x's public API, for each credential type of the package. */
describe.each(profilesAmong('regular'))('credential tests in real n8n (%s)', (profile) => {
	const n8n = () => instance(profile);
	const sandboxUrl = () => loadE2eEnv().sandboxUrl;
	const test = async (id: string) => await n8n().api.testCredential(id);

	describe('WhatsApp Cloud API', () => {
		it('passes with a valid token and names the phone number it read', async () => {
			const credential = await sandboxCloudApiCredential(n8n(), sandboxUrl());
			expect(await test(credential.id)).toEqual({ status: 'OK', message: 'Connected: Sandbox Shop (+1 555-010-0001)' });
		});

		it("fails with an invalid token and shows Meta's code and message", async () => {
			const credential = await sandboxCloudApiCredential(n8n(), sandboxUrl(), { accessToken: 'EAAinvalid' });
			const result = await test(credential.id);
			expect(result.status).toBe('Error');
			expect(result.message).toContain('Meta error 190');
			expect(result.message).toContain('Invalid OAuth access token');
		});

		it('fails with a phone number id the token cannot see', async () => {
			const credential = await sandboxCloudApiCredential(n8n(), sandboxUrl(), { phoneNumberId: '399999999999999' });
			const result = await test(credential.id);
			expect(result.status).toBe('Error');
			expect(result.message).toContain('Meta error 100');
		});
	});

	describe('WhatsApp Meta App', () => {
		it('passes when the app secret belongs to the app', async () => {
			const credential = await sandboxAppCredential(n8n(), sandboxUrl());
			expect((await test(credential.id)).status).toBe('OK');
		});

		it('fails with a wrong app secret', async () => {
			const credential = await sandboxAppCredential(n8n(), sandboxUrl(), { appSecret: 'not-the-secret' });
			expect((await test(credential.id)).status).toBe('Error');
		});
	});

	describe('WhatsApp Flow Endpoint Private Key', () => {
		it.each(vectorKeySets().map((set) => [set.keyFormat, set] as const))('accepts a %s RSA-2048 key', async (_format, set) => {
			const credential = await createCredential(n8n(), 'Flow key', 'whatsAppFlowsPrivateKeyApi', {
				privateKey: set.privateKeyPem,
				passphrase: set.passphrase,
			});
			const result = await test(credential.id);
			expect(result.status).toBe('OK');
			expect(result.message).toContain('RSA-2048');
		});

		it('refuses a wrong passphrase without echoing it', async () => {
			const [set] = vectorKeySets();
			const credential = await createCredential(n8n(), 'Flow key', 'whatsAppFlowsPrivateKeyApi', {
				privateKey: set!.privateKeyPem,
				passphrase: 'wrong-passphrase-123',
			});
			const result = await test(credential.id);
			expect(result.status).toBe('Error');
			expect(result.message).not.toContain('wrong-passphrase-123');
		});

		it('refuses a key that is not RSA-2048', async () => {
			const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
			const credential = await createCredential(n8n(), 'Flow key', 'whatsAppFlowsPrivateKeyApi', {
				privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
				passphrase: '',
			});
			const result = await test(credential.id);
			expect(result.status).toBe('Error');
			expect(result.message).toContain('2048');
		});
	});

	describe('WhatsApp Flows State Store', () => {
		it('passes with a key scoped to data tables only', async () => {
			const credential = await stateStoreCredential(n8n());
			expect(await test(credential.id)).toEqual({ status: 'OK', message: 'The key reaches data tables and nothing else' });
		});

		it('refuses a key that can also read workflows', async () => {
			const credential = await stateStoreCredential(n8n(), HARNESS_SCOPES);
			const result = await test(credential.id);
			expect(result.status).toBe('Error');
			expect(result.message).toContain('can do more than data tables');
		});
	});
});
