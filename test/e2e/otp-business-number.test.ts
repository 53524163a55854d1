import { randomInt } from 'node:crypto';
import { SANDBOX_PHONE_NUMBER_ID } from '../sandbox/seed';
import { instance, loadE2eEnv, profilesAmong, type E2eProfile } from './harness/e2e-env';
import { findSecrets, otpNode, readLogs } from './otp-support';
import { createCredential, sandboxCloudApiCredential, type CredentialRef } from './support/credentials';
import { SandboxApi } from './support/sandbox-api';
import { asArray, callWebhook, deployWebhookWorkflow, uniquePath, webhookChain } from './support/workflows';

interface Registration {
	requestedCode?: string;
	codeMethod?: string;
	registered: boolean;
	twoStepPin?: string;
	dataLocalizationRegion?: string;
	registerCalls: number[];
}

/**
 * The WhatsApp OTP node's Business Number operations against the sandbox's registration endpoints: the PIN comes
 * from the credential, reaches Meta, and appears nowhere in what n8n stored or logged.
 */
describe.each(profilesAmong('regular', 'queue'))('WhatsApp OTP business number in real n8n (%s)', (profile: E2eProfile) => {
	const n8n = () => instance(profile);
	const sandbox = new SandboxApi(loadE2eEnv().sandboxUrl);
	const pin = String(randomInt(100_000, 1_000_000));
	const workflowIds: string[] = [];
	let credentials: { otp: CredentialRef; cloudApi: CredentialRef };

	async function run(operation: string, parameters: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
		const path = uniquePath(`otp-number-${operation}`);
		const node = { ...otpNode(operation, { resource: 'businessNumber', ...parameters }, credentials), continueOnFail: true };
		workflowIds.push(await deployWebhookWorkflow(n8n(), webhookChain(`OTP number ${operation} (${profile})`, path, [node]), path));
		const answer = await callWebhook(n8n().webhookBaseUrl, path, {});
		expect(answer.status).toBe(200);
		return asArray<Record<string, unknown>>(answer.json)[0];
	}

	const registration = async () => await sandbox.call<Registration>('GET', `phone-numbers/${SANDBOX_PHONE_NUMBER_ID}/registration`);

	beforeAll(async () => {
		// A fresh registration state (PIN, 72-hour register count) for this profile, and nothing else of the sandbox.
		await sandbox.call('DELETE', `phone-numbers/${SANDBOX_PHONE_NUMBER_ID}/registration`);
		credentials = {
			otp: await createCredential(n8n(), 'OTP Secret with PIN', 'whatsAppOtpApi', { secret: 'business-number-otp-secret-0123456789', pin }),
			cloudApi: await sandboxCloudApiCredential(n8n(), sandbox.url),
		};
	});

	it('requests a code by voice, confirms it, sets the two-step PIN and registers in a data region', async () => {
		expect(await run('requestCode', { codeMethod: 'VOICE', language: 'de' })).toMatchObject({ success: true, operation: 'requestCode' });
		const { requestedCode, codeMethod } = await registration();
		expect(codeMethod).toBe('VOICE');
		expect(await run('confirmCode', { numberCode: requestedCode })).toMatchObject({ success: true });
		expect(await run('setTwoStepPin')).toEqual({ success: true, operation: 'setTwoStepPin', phone_number_id: SANDBOX_PHONE_NUMBER_ID });
		expect(await run('register', { dataLocalizationRegion: 'de' })).toMatchObject({ success: true });
		expect(await registration()).toMatchObject({ registered: true, twoStepPin: pin, dataLocalizationRegion: 'DE' });
	});

	it('the 11th register call in 72 hours fails with Meta\'s 133016, explained', async () => {
		const path = uniquePath('otp-number-register-many');
		const node = { ...otpNode('register', { resource: 'businessNumber' }, credentials), continueOnFail: true };
		workflowIds.push(await deployWebhookWorkflow(n8n(), webhookChain(`OTP number register ×n (${profile})`, path, [node]), path));
		const already = (await registration()).registerCalls.length;
		const answers = [];
		for (let i = already; i <= 10; i++) answers.push(asArray<Record<string, unknown>>((await callWebhook(n8n().webhookBaseUrl, path, {})).json)[0]);
		expect(answers.slice(0, -1).every((a) => a.success === true)).toBe(true);
		expect(answers[answers.length - 1]).toMatchObject({ status: 'error', error: expect.stringMatching(/133016/) });
	});

	it('leak scan: the PIN appears in no execution and no n8n log', async () => {
		const sources: Record<string, string> = { 'n8n logs': readLogs(n8n().logFiles) };
		for (const id of workflowIds) for (const execution of await n8n().api.listExecutions(id, true)) sources[`execution ${execution.id}`] = JSON.stringify(execution);
		const found = findSecrets([pin], sources);
		console.log(`[otp business number ${profile}] PIN leak scan: ${Object.keys(sources).length} sources, ${found.length} found`);
		expect(Object.keys(sources).length).toBeGreaterThan(10);
		expect(found).toEqual([]);
	});
});
