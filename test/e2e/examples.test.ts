import { loadExamples } from '../harness/examples';
import { createSandboxCredentials, demoFlowKeyPair } from '../harness/sandbox-credentials';
import { instance, loadE2eEnv, profilesAmong } from './harness/e2e-env';
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
	});
});
