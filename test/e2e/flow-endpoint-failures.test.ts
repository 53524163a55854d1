import { deployWebhookWorkflow, uniquePath } from './support/workflows';
import { instance, loadE2eEnv, profilesAmong, type E2eInstance } from './harness/e2e-env';
import {
	flowEndpointCredentials,
	flowWorkflow,
	respondNode,
	triggerNode,
	whatsAppClient,
	type FlowEndpointCredentials,
	type WorkflowNode,
} from './flow-endpoint-support';

// What the WhatsApp user gets when the workflow behind a Flow endpoint fails, ends without answering, or is slow.
// WhatsApp waits at most 10 s (implementingyourflowendpoint); every outcome below arrives well before that.

const stopAndError: WorkflowNode = { name: 'Fail', type: 'n8n-nodes-base.stopAndError', parameters: { errorMessage: 'The booking system is down' } };

describe.each(profilesAmong('regular'))('a Flow endpoint workflow that does not answer normally (%s)', (profile) => {
	let n8n: E2eInstance;
	let credentials: FlowEndpointCredentials;

	beforeAll(async () => {
		n8n = instance(profile);
		credentials = await flowEndpointCredentials(n8n, loadE2eEnv().sandboxUrl);
	});

	async function deploy(label: string, nodes: WorkflowNode[], edges: Array<[string, string, number?, number?]>, settings: Record<string, unknown> = {}) {
		const path = uniquePath(`flow-${label}`);
		await deployWebhookWorkflow(n8n, flowWorkflow(`Flow endpoint: ${label} (${profile})`, path, [triggerNode(path, credentials), ...nodes], edges, settings), path);
		return whatsAppClient(n8n, path, credentials);
	}

	it('a failing workflow: n8n answers 500 at once, which WhatsApp shows as an error', async () => {
		const client = await deploy('failing', [stopAndError], [['WhatsApp Flow Endpoint', 'Fail']]);
		const started = Date.now();
		const exchange = await client.send({ action: 'INIT', flow_token: 'tok' });
		expect(exchange.outcome).toEqual({ kind: 'http-error', status: 500 });
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('a failing step routed to a respond node (error output): the user gets a defined answer on the current screen', async () => {
		const client = await deploy(
			'error-route',
			[
				{
					name: 'Fail',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: { url: 'http://127.0.0.1:9/booking-system', options: {} },
					onError: 'continueErrorOutput',
				},
				respondNode('Next', credentials, { respondWith: 'nextScreen', screen: 'NEXT', screenData: '{}' }),
				respondNode('Sorry', credentials, { respondWith: 'fieldErrors', errorMessage: 'Something went wrong, please try again' }),
			],
			[
				['WhatsApp Flow Endpoint', 'Fail'],
				['Fail', 'Next', 0],
				['Fail', 'Sorry', 1],
			],
		);
		const exchange = await client.send({ action: 'data_exchange', screen: 'FORM', data: {}, flow_token: 'tok' });
		expect(exchange.outcome).toEqual({ kind: 'ok', answer: { screen: 'FORM', data: { error_message: 'Something went wrong, please try again' } } });
	});

	it('a workflow that ends without answering: n8n answers an empty 200, which the client cannot decrypt', async () => {
		const client = await deploy('silent', [{ name: 'Nothing', type: 'n8n-nodes-base.noOp', parameters: {} }], [['WhatsApp Flow Endpoint', 'Nothing']]);
		const exchange = await client.send({ action: 'INIT', flow_token: 'tok' });
		expect(exchange.outcome).toEqual({ kind: 'empty-body' });
	});

	it('a slow workflow with an execution timeout below 10 s: n8n ends it and answers before WhatsApp gives up', async () => {
		const client = await deploy(
			'slow',
			[
				{ name: 'Slow', type: 'n8n-nodes-base.wait', typeVersion: 1.1, parameters: { resume: 'timeInterval', amount: 8, unit: 'seconds' } },
				respondNode('Too Late', credentials, { respondWith: 'nextScreen', screen: 'NEXT', screenData: '{}' }),
			],
			[
				['WhatsApp Flow Endpoint', 'Slow'],
				['Slow', 'Too Late'],
			],
			{ executionTimeout: 3 },
		);
		const started = Date.now();
		const exchange = await client.send({ action: 'INIT', flow_token: 'tok' });
		const elapsed = Date.now() - started;
		expect({ outcome: exchange.outcome, elapsed }).toEqual({ outcome: { kind: 'http-error', status: 500 }, elapsed: expect.any(Number) });
		expect(elapsed).toBeLessThan(7_000);
	});
});
