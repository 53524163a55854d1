import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR, loadExample } from '../harness/examples';
import type { WorkflowJson } from '../harness/n8n-api';
import { createEndpointFlow, sendEndpointFlowMessage, simulatedUser, uploadFlowPublicKey } from '../harness/sandbox-flows';
import type { FlowStep } from '../sandbox/simulated-user/step-view';
import { instance, loadE2eEnv, profilesAmong, type E2eInstance } from './harness/e2e-env';
import { endpointUrl, flowEndpointCredentials, TRIGGER_TYPE, type FlowEndpointCredentials } from './flow-endpoint-support';
import { stateStoreCredential, type CredentialRef } from './support/credentials';
import { openConversationWindow, uniquePath, waitForWebhook } from './support/workflows';

// The appointment-booking example (examples/appointment-booking-endpoint.json with its Flow JSON) in real n8n, driven
// by a simulated WhatsApp user through the sandbox: the flow is published (the sandbox's health check pings the
// endpoint), sent, opened (INIT), answered with a server-side field error, corrected, left with BACK and completed.
// Between the trigger and the respond nodes sit a Set ("keep only set fields") and a Merge.

const FLOW_JSON = readFileSync(join(EXAMPLES_DIR, 'flows', 'appointment-booking.flow.json'), 'utf8');

function bookingExample(credentials: FlowEndpointCredentials, path: string, store?: CredentialRef): WorkflowJson {
	const example = loadExample('appointment-booking-endpoint.json', {
		whatsAppFlowsAppApi: credentials.app.id,
		whatsAppFlowsPrivateKeyApi: credentials.key.id,
		whatsAppFlowsCloudApi: 'unused',
		hubspotAppToken: 'unused',
		...(store ? { whatsAppFlowsStateApi: store.id } : {}),
	});
	const workflow = structuredClone(example.workflow);
	workflow.name = `${workflow.name} ${path}`;
	// Executions are saved here so the test can count them; the example itself saves none.
	workflow.settings = { ...workflow.settings, saveDataSuccessExecution: 'all' };
	for (const node of workflow.nodes) {
		if (node.type === TRIGGER_TYPE) {
			node.webhookId = path;
			Object.assign(node.parameters as Record<string, unknown>, { path });
		}
		if (store && String(node.type).startsWith('n8n-nodes-whatsapp-flows.')) {
			// Queue mode: the respond nodes run on workers, so the cache must live in the data table.
			Object.assign(node.parameters as Record<string, unknown>, { cacheStore: 'dataTable' });
			node.credentials = { ...(node.credentials as Record<string, unknown>), whatsAppFlowsStateApi: store };
		}
	}
	return workflow;
}

function screenOf(step: FlowStep) {
	if (!step.screen) throw new Error(`no screen: ${JSON.stringify(step)}`);
	return step.screen;
}

function field(step: FlowStep, name: string) {
	const component = screenOf(step).components.find((candidate) => candidate.name === name);
	if (!component) throw new Error(`no field ${name} on ${screenOf(step).id}`);
	return component;
}

describe.each(profilesAmong('regular', 'queue'))('appointment booking through a real n8n (%s)', (profile) => {
	let n8n: E2eInstance;
	let sandboxUrl: string;
	let workflowId: string;
	let flowId: string;
	let credentials: FlowEndpointCredentials;
	const path = uniquePath('booking');

	beforeAll(async () => {
		n8n = instance(profile);
		sandboxUrl = loadE2eEnv().sandboxUrl;
		credentials = await flowEndpointCredentials(n8n, sandboxUrl);
		await uploadFlowPublicKey(sandboxUrl, credentials.publicKeyPem);
		const store = profile === 'queue' ? await stateStoreCredential(n8n) : undefined;
		workflowId = await n8n.api.importAndActivate(bookingExample(credentials, path, store));
		await waitForWebhook(n8n.webhookBaseUrl, path);
		flowId = await createEndpointFlow(sandboxUrl, { name: `Booking ${path}`, flowJson: FLOW_JSON, endpointUri: endpointUrl(n8n, path) });
	});

	it('publishing pinged the endpoint, which answered the health check without an execution', async () => {
		const checks = (await (await fetch(`${sandboxUrl}/__sandbox/flows/${flowId}/health-checks`)).json()) as Array<{ status: number; decrypted?: unknown; ok: boolean }>;
		expect(checks.at(-1)).toMatchObject({ status: 200, ok: true, decrypted: { data: { status: 'active' } } });
		expect(await n8n.api.listExecutions(workflowId)).toHaveLength(0);
	});

	it('INIT → field error → corrected → BACK → SUCCESS, with the answers in the completion', async () => {
		const waId = `1555${String(Date.now()).slice(-7)}`;
		const user = simulatedUser(sandboxUrl, waId);
		await openConversationWindow(sandboxUrl, waId);
		await sendEndpointFlowMessage(sandboxUrl, waId, flowId, `booking-${waId}`);

		const opened = await user.openLastFlow();
		expect(opened.exchanges.map((exchange) => [exchange.request.action, exchange.statuses])).toEqual([['INIT', [200]]]);
		expect(screenOf(opened).id).toBe('APPOINTMENT');
		expect(field(opened, 'department').options?.map((option) => option.id)).toEqual(['cardiology', 'dermatology', 'pediatrics']);
		const dates = field(opened, 'date').options?.map((option) => option.id) ?? [];
		expect(dates).toHaveLength(5);

		await user.fill({ department: 'dermatology', location: 'downtown', date: dates[0], name: 'Ada Lovelace', email: 'ada@example.com' });
		const refused = await user.pressFooter();
		expect(refused.exchanges.map((exchange) => exchange.request.action)).toEqual(['data_exchange']);
		expect(screenOf(refused).id).toBe('APPOINTMENT');
		expect(field(refused, 'date').error).toBe('This date is fully booked for that department. Please pick another date.');

		await user.fill({ date: dates[1] });
		const summary = await user.pressFooter();
		expect(screenOf(summary).id).toBe('SUMMARY');
		expect(screenOf(summary).components.map((component) => component.text).join(' ')).toContain('Dermatology at Downtown clinic');

		const back = await user.goBack();
		expect(back.exchanges.map((exchange) => [exchange.request.action, exchange.request.screen])).toEqual([['BACK', 'SUMMARY']]);
		expect(screenOf(back).id).toBe('APPOINTMENT');

		await user.fill({ location: 'riverside' });
		expect(screenOf(await user.pressFooter()).id).toBe('SUMMARY');
		const done = await user.pressFooter();
		expect(done.status).toBe('completed');
		const response = JSON.parse(done.reply?.responseJson ?? '{}') as Record<string, unknown>;
		expect(response).toMatchObject({
			flow_token: `booking-${waId}`,
			department: 'dermatology',
			location: 'riverside',
			date: dates[1],
			name: 'Ada Lovelace',
			email: 'ada@example.com',
		});
		expect(response.booking_id).toMatch(/^BK-\d{8}-DERM$/);
	});

	it('a second user\'s INIT is answered from the response cache, without an execution', async () => {
		// the first user's six requests ran it: INIT, the refused and the corrected choice, BACK, the choice again, confirm;
		// n8n saves an execution after its webhook has answered, so wait for the sixth
		const before = (await n8n.api.waitForExecutions(workflowId, 6)).length;
		expect(before).toBe(6);
		const waId = `1555${String(Date.now() + 1).slice(-7)}`;
		await openConversationWindow(sandboxUrl, waId);
		await sendEndpointFlowMessage(sandboxUrl, waId, flowId, `booking-${waId}`);
		const opened = await simulatedUser(sandboxUrl, waId).openLastFlow();
		expect(screenOf(opened).id).toBe('APPOINTMENT');
		expect(field(opened, 'department').options).toHaveLength(3);
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		expect((await n8n.api.listExecutions(workflowId)).length).toBe(before);
	});
});
