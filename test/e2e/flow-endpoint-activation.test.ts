import { readFileSync } from 'node:fs';
import { demoFlowKeyPair } from '../harness/sandbox-credentials';
import { createEndpointFlow, uploadFlowPublicKey } from '../harness/sandbox-flows';
import { instance, loadE2eEnv, profilesAmong, type E2eInstance } from './harness/e2e-env';
import { endpointUrl, flowEndpointCredentials, flowWorkflow, respondNode, triggerNode, type FlowEndpointCredentials } from './flow-endpoint-support';
import { createCredential, sandboxCloudApiCredential, type CredentialRef } from './support/credentials';
import { uniquePath, waitForWebhook } from './support/workflows';

// "Set Flow Endpoint on Activation": activating the workflow points the flow's endpoint_uri at the trigger's
// production URL and checks the phone number's public key; a published flow is never turned back into a draft.

const MINIMAL_FLOW = JSON.stringify({
	version: '7.2',
	data_api_version: '3.0',
	routing_model: { START: [] },
	screens: [
		{
			id: 'START',
			title: 'Start',
			terminal: true,
			layout: {
				type: 'SingleColumnLayout',
				children: [{ type: 'Footer', label: 'Send', 'on-click-action': { name: 'data_exchange', payload: {} } }],
			},
		},
	],
});

interface SandboxFlow {
	id: string;
	status: string;
	endpointUri?: string;
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function sandboxFlow(sandboxUrl: string, id: string): Promise<SandboxFlow> {
	const flows = (await (await fetch(`${sandboxUrl}/__sandbox/flows`)).json()) as SandboxFlow[];
	const found = flows.find((flow) => flow.id === id);
	if (!found) throw new Error(`flow ${id} not in the sandbox`);
	return found;
}

describe.each(profilesAmong('regular'))('Flow endpoint registration on activation (%s)', (profile) => {
	let n8n: E2eInstance;
	let sandboxUrl: string;
	let credentials: FlowEndpointCredentials;
	let cloudApi: CredentialRef;

	beforeAll(async () => {
		n8n = instance(profile);
		sandboxUrl = loadE2eEnv().sandboxUrl;
		credentials = await flowEndpointCredentials(n8n, sandboxUrl);
		cloudApi = await sandboxCloudApiCredential(n8n, sandboxUrl);
		await uploadFlowPublicKey(sandboxUrl, credentials.publicKeyPem);
	});

	function workflow(path: string, flowId: string, extra: Record<string, unknown> = {}, key = credentials.key) {
		const trigger = triggerNode(path, { ...credentials, key });
		trigger.parameters = { ...trigger.parameters, setEndpointOnActivation: true, flowId, ...extra };
		trigger.credentials = { ...trigger.credentials, whatsAppFlowsCloudApi: cloudApi };
		return flowWorkflow(`Flow endpoint activation ${path}`, path, [trigger, respondNode('Respond', credentials, { respondWith: 'nextScreen', screen: 'START', screenData: '{}' })], [
			['WhatsApp Flow Endpoint', 'Respond'],
		]);
	}

	/**
	 * The activation error: thrown by the activate call, or (n8n 2.x's publication service creates the webhooks after
	 * the call returns) shown in the editor and logged; the test reads n8n's log.
	 */
	async function activationError(path: string, flowId: string, extra: Record<string, unknown> = {}, key = credentials.key): Promise<string> {
		const id = await n8n.api.createWorkflow(workflow(path, flowId, extra, key));
		let message: string;
		try {
			await n8n.api.activateWorkflow(id);
			message = await eventually(async () => {
				const log = readFileSync(n8n.logFiles[0], 'utf8');
				return log.split('\n').find((line) => line.includes(`Flow ${flowId}: `));
			}, 60_000);
		} catch (error) {
			message = (error as Error).message;
		}
		return message;
	}

	async function endpointOf(flowId: string, expected: string): Promise<string | undefined> {
		return await eventually(async () => {
			const current = (await sandboxFlow(sandboxUrl, flowId)).endpointUri;
			return current === expected ? current : undefined;
		}).catch(async () => (await sandboxFlow(sandboxUrl, flowId)).endpointUri);
	}

	it('sets a draft flow\'s endpoint_uri to the production URL, and the key checks out', async () => {
		const path = uniquePath('flow-activation');
		const flowId = await createEndpointFlow(sandboxUrl, { name: `Activation ${path}`, flowJson: MINIMAL_FLOW, endpointUri: 'https://old.example.com/flow', publish: false });
		await n8n.api.importAndActivate(workflow(path, flowId));
		await waitForWebhook(n8n.webhookBaseUrl, path);
		expect(await endpointOf(flowId, endpointUrl(n8n, path))).toBe(endpointUrl(n8n, path));
		expect((await sandboxFlow(sandboxUrl, flowId)).status).toBe('DRAFT');
	});

	it('refuses to activate when the phone number\'s public key is not the trigger\'s, and says how to fix it', async () => {
		const path = uniquePath('flow-activation-key');
		const flowId = await createEndpointFlow(sandboxUrl, { name: `Activation ${path}`, flowJson: MINIMAL_FLOW, endpointUri: 'https://old.example.com/flow', publish: false });
		const otherKey = await createCredential(n8n, 'Other flow key', 'whatsAppFlowsPrivateKeyApi', { privateKey: demoFlowKeyPair().privateKeyPem, passphrase: '' });
		const message = await activationError(path, flowId, {}, otherKey);
		expect(message).toContain("is not the one of this trigger's private key");
		expect(message).toContain('Upload the matching public key');
	});

	it('"Log a Warning" activates anyway', async () => {
		const path = uniquePath('flow-activation-warn');
		const flowId = await createEndpointFlow(sandboxUrl, { name: `Activation ${path}`, flowJson: MINIMAL_FLOW, endpointUri: 'https://old.example.com/flow', publish: false });
		const otherKey = await createCredential(n8n, 'Other flow key', 'whatsAppFlowsPrivateKeyApi', { privateKey: demoFlowKeyPair().privateKeyPem, passphrase: '' });
		await n8n.api.importAndActivate(workflow(path, flowId, { onEndpointProblem: 'warn' }, otherKey));
		await waitForWebhook(n8n.webhookBaseUrl, path);
		expect(await endpointOf(flowId, endpointUrl(n8n, path))).toBe(endpointUrl(n8n, path));
	});

	it('never turns a published flow with another endpoint back into a draft', async () => {
		// Published against a first workflow's URL; a second workflow claims the same flow.
		const first = uniquePath('flow-activation-published');
		await n8n.api.importAndActivate(workflow(first, '1', { setEndpointOnActivation: false }));
		await waitForWebhook(n8n.webhookBaseUrl, first);
		const flowId = await createEndpointFlow(sandboxUrl, { name: `Activation ${first}`, flowJson: MINIMAL_FLOW, endpointUri: endpointUrl(n8n, first) });
		const message = await activationError(uniquePath('flow-activation-second'), flowId);
		expect(message).toContain('would turn the flow back into a draft');
		const flow = await sandboxFlow(sandboxUrl, flowId);
		expect(flow.status).toBe('PUBLISHED');
		expect(flow.endpointUri).toBe(endpointUrl(n8n, first));
	});
});
