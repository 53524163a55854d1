import { loadExamples } from '../harness/examples';
import { createSandboxCredentials, demoFlowKeyPair, SANDBOX_VERIFY_TOKEN } from '../harness/sandbox-credentials';
import { instance, loadE2eEnv, profilesAmong } from './harness/e2e-env';
import { expectOtpLogin } from './otp-support';
import { staticFlowJson } from './support/flows-api';
import { SandboxApi } from './support/sandbox-api';
import { asArray, callWebhook, openConversationWindow, waitForWebhook } from './support/workflows';

/**
 * Every file in examples/ imports into real n8n with only known node types; those started by a webhook activate and
 * answer it. (The scheduled sheet broadcast runs in broadcast.test.ts with its sheet stood in for.)
 */
describe.each(profilesAmong('regular'))('example workflows (%s)', (profile) => {
	const n8n = () => instance(profile);

	it('import with known node types only, activate, and run', async () => {
		const known = new Set((await n8n().api.nodeTypes()).map((t) => t.name));
		const credentials = await createSandboxCredentials(n8n(), loadE2eEnv().sandboxUrl, demoFlowKeyPair().privateKeyPem);
		const examples = loadExamples(credentials);
		expect(examples.length).toBeGreaterThan(0);
		for (const example of examples) {
			for (const node of example.workflow.nodes) expect(known).toContain(String(node.type));
			if (example.activate) await n8n().api.importAndActivate(example.workflow);
			else await n8n().api.createWorkflow(example.workflow);
			for (const path of example.webhookPaths) await waitForWebhook(n8n().webhookBaseUrl, path);
		}
		await openConversationWindow(loadE2eEnv().sandboxUrl, '15550100097');
		const sent = await callWebhook(n8n().webhookBaseUrl, 'example-send-text', { to: '+15550100097' });
		expect(asArray(sent.json)[0]).toMatchObject({ status: 'sent' });
		const token = await callWebhook(n8n().webhookBaseUrl, 'example-flow-token', { to: '+15550100097', recordId: 'crm-7' });
		expect(asArray(token.json)[0]).toMatchObject({ valid: true, recipient: '15550100097', recordId: 'crm-7', variant: 'A' });
		const pipeline = await callWebhook(n8n().webhookBaseUrl, 'example-flow-publish', {
			name: `example pipeline ${Date.now()}`,
			flowJson: staticFlowJson(),
			tester: '+15550100097',
			publish: true,
		});
		expect(asArray(pipeline.json)[0]).toMatchObject({ deployed: 'created', status: 'PUBLISHED', testerMessageId: expect.stringMatching(/^wamid\./) });
		const refused = await callWebhook(n8n().webhookBaseUrl, 'example-flow-publish', { name: 'never deployed', flowJson: '{"version": "7.3",' });
		expect(asArray(refused.json)[0]).toMatchObject({ valid: false, report: expect.any(String) });
		await expectOtpLogin(n8n().webhookBaseUrl, new SandboxApi(loadE2eEnv().sandboxUrl), '15550100097');
		// The WhatsApp Cloud Trigger examples answer Meta's verification request at their production URLs.
		const triggerPaths = examples.flatMap((e) => e.workflow.nodes.filter((n) => n.type === 'n8n-nodes-whatsapp-flows.whatsAppCloudTrigger').map((n) => String((n.parameters as { path: string }).path)));
		expect(triggerPaths.length).toBeGreaterThanOrEqual(3);
		for (const path of triggerPaths) {
			await waitForWebhook(n8n().webhookBaseUrl, path);
			const query = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': SANDBOX_VERIFY_TOKEN, 'hub.challenge': '4242' });
			const answer = await fetch(`${n8n().webhookBaseUrl}/webhook/${path}?${query}`);
			expect([path, answer.status, await answer.text()]).toEqual([path, 200, '4242']);
		}
	});
});
