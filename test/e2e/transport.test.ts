import { SANDBOX_PHONE_NUMBER_ID } from '../sandbox/seed';
import { instance, loadE2eEnv, profilesAmong } from './harness/e2e-env';
import { sandboxCloudApiCredential } from './support/credentials';
import { asArray, callWebhook, deployWebhookWorkflow, openConversationWindow, uniquePath, webhookChain } from './support/workflows';

/** The transport's retry rules, observed from a real n8n execution against the sandbox's injected faults. */
describe.each(profilesAmong('regular'))('Graph transport in real n8n (%s)', (profile) => {
	const n8n = () => instance(profile);
	const sandboxUrl = () => loadE2eEnv().sandboxUrl;
	let path = '';

	async function sandbox(method: string, route: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${sandboxUrl()}/__sandbox/${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return response.status === 204 ? undefined : await response.json();
	}

	async function messagesTo(waId: string): Promise<unknown[]> {
		const answer = (await sandbox('GET', `messages?to=${waId}`)) as { messages?: unknown[] } | unknown[];
		return Array.isArray(answer) ? answer : (answer.messages ?? []);
	}

	async function sendCalls(): Promise<number> {
		const answer = (await sandbox('GET', `calls?method=POST&path=${encodeURIComponent(`/v25.0/${SANDBOX_PHONE_NUMBER_ID}/messages`)}`)) as
			| { calls?: unknown[] }
			| unknown[];
		return (Array.isArray(answer) ? answer : (answer.calls ?? [])).length;
	}

	beforeAll(async () => {
		const credential = await sandboxCloudApiCredential(n8n(), sandboxUrl());
		path = uniquePath('transport');
		await deployWebhookWorkflow(
			n8n(),
			webhookChain(`Transport rules (${profile})`, path, [
				{
					name: 'Send Text',
					type: 'n8n-nodes-whatsapp-flows.whatsAppFlows',
					parameters: { resource: 'message', operation: 'sendText', to: '={{ $json.body.to }}', text: 'transport test' },
					credentials: { whatsAppFlowsCloudApi: credential },
					continueOnFail: true,
				},
			]),
			path,
		);
	});

	beforeEach(async () => {
		await sandbox('DELETE', 'faults');
		await sandbox('DELETE', 'calls');
	});

	afterAll(async () => {
		await sandbox('DELETE', 'faults');
	});

	it('retries a send that Meta refused with 130429 (throughput) and delivers it exactly once', async () => {
		await sandbox('POST', 'faults', { preset: 'throughput', pathPattern: '/messages$', times: 1 });
		const to = '15550107001';
		await openConversationWindow(sandboxUrl(), to);
		const answer = await callWebhook(n8n().webhookBaseUrl, path, { to });
		expect(asArray(answer.json)[0]).toMatchObject({ status: 'sent', waId: to });
		expect(await messagesTo(to)).toHaveLength(1);
		expect(await sendCalls()).toBe(2);
	});

	it('never repeats a send whose connection broke after it was sent, and reports the outcome as unknown', async () => {
		await sandbox('POST', 'faults', { preset: 'reset', pathPattern: '/messages$', times: 1 });
		const to = '15550107002';
		await openConversationWindow(sandboxUrl(), to);
		const answer = await callWebhook(n8n().webhookBaseUrl, path, { to });
		const [item] = asArray<{ error?: string; description?: string }>(answer.json);
		expect(item?.error).toMatch(/may have reached Meta, so it was not sent again/);
		expect(item?.description).toContain('ECONNRESET');
		expect(await sendCalls()).toBe(1);
	});

	it('does not retry 131047 (outside the 24-hour window) and names the code, cause and fix', async () => {
		await sandbox('POST', 'faults', { pathPattern: '/messages$', status: 400, errorCode: 131047, message: 'Re-engagement message', times: 1 });
		await openConversationWindow(sandboxUrl(), '15550107003');
		const answer = await callWebhook(n8n().webhookBaseUrl, path, { to: '15550107003' });
		const [item] = asArray<{ error?: string; description?: string }>(answer.json);
		expect(item?.error).toContain('Meta error 131047');
		expect(item?.description).toMatch(/Cause: .+\nFix: .+/);
		expect(await sendCalls()).toBe(1);
	});
});
