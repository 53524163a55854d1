import { createFlowToken } from '../../nodes/shared/crypto/flow-token';
import { demoFlowKeyPair } from '../harness/sandbox-credentials';
import { EndpointClient, type EndpointExchange } from '../sandbox/client/endpoint-client';
import { deployWebhookWorkflow, uniquePath } from './support/workflows';
import { instance, loadE2eEnv, profilesAmong, type E2eInstance } from './harness/e2e-env';
import {
	endpointUrl,
	flowEndpointCredentials,
	flowWorkflow,
	keepOnlySetNode,
	mergeByPositionNode,
	postRaw,
	rawExchange,
	respondNode,
	switchNode,
	triggerNode,
	whatsAppClient,
	type FlowEndpointCredentials,
} from './flow-endpoint-support';

// The WhatsApp Flow Endpoint trigger and the Respond to WhatsApp Flow node in a real n8n 2.x, driven by the
// simulated WhatsApp client (test/sandbox/client): it seals each request under the credential's public key with a
// fresh AES key, signs it with the app secret and opens the answer. Queue mode and n8n 1.x run the smoke entries.

const UNDECRYPTABLE_BODY = 'Flow request could not be decrypted';

function answerOf(exchange: EndpointExchange): Record<string, unknown> {
	if (exchange.outcome.kind !== 'ok') throw new Error(`expected an answer, got ${JSON.stringify(exchange.outcome)}`);
	return exchange.outcome.answer;
}

async function settle(ms = 700): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

describe.each(profilesAmong('regular'))('WhatsApp Flow Endpoint in real n8n (%s)', (profile) => {
	let n8n: E2eInstance;
	let credentials: FlowEndpointCredentials;
	const booking = { path: uniquePath('flow-booking'), id: '' };

	beforeAll(async () => {
		n8n = instance(profile);
		credentials = await flowEndpointCredentials(n8n, loadE2eEnv().sandboxUrl);
		// Trigger → Set ("keep only set fields": the trigger's whatsAppFlowRequest is gone) → Switch → three answers.
		const workflow = flowWorkflow(
			`Flow endpoint: booking (${profile})`,
			booking.path,
			[
				triggerNode(booking.path, credentials),
				keepOnlySetNode('Keep Only the Form', {
					action: '={{ $json.action }}',
					name: '={{ $json.data.name ?? "" }}',
					email: '={{ $json.data.email ?? "" }}',
				}),
				switchNode('Route', 3, '={{ $json.action !== "data_exchange" ? 0 : $json.email.includes("@") ? 2 : 1 }}'),
				respondNode('Show Details', credentials, {
					respondWith: 'nextScreen',
					screen: 'DETAILS',
					screenData: '{"departments": [{"id": "hair", "title": "Hair"}]}',
				}),
				respondNode('Field Errors', credentials, {
					respondWith: 'fieldErrors',
					errorMessage: 'Please check the form',
					fieldErrors: { errors: [{ field: 'email', message: 'Please enter a valid email' }] },
					errorData: '={{ JSON.stringify({ name: $json.name }) }}',
				}),
				respondNode('Complete', credentials, {
					respondWith: 'complete',
					params: '={{ JSON.stringify({ booking_id: "B-" + $json.name }) }}',
				}),
			],
			[
				['WhatsApp Flow Endpoint', 'Keep Only the Form'],
				['Keep Only the Form', 'Route'],
				['Route', 'Show Details', 0],
				['Route', 'Field Errors', 1],
				['Route', 'Complete', 2],
			],
		);
		booking.id = await deployWebhookWorkflow(n8n, workflow, booking.path);
	});

	describe('requests answered without running the workflow', () => {
		it('answers a health check (ping) with {"data":{"status":"active"}}', async () => {
			const exchange = await whatsAppClient(n8n, booking.path, credentials).ping();
			expect(answerOf(exchange)).toEqual({ data: { status: 'active' } });
			expect(exchange.attempts).toHaveLength(1);
		});

		it('refuses a request whose X-Hub-Signature-256 does not verify with 432 and an empty body', async () => {
			const url = endpointUrl(n8n, booking.path);
			const forged = await rawExchange(url, { version: '3.0', action: 'INIT', flow_token: 'tok' }, {
				publicKeyPem: credentials.publicKeyPem,
				appSecret: credentials.appSecret,
				signature: `sha256=${'0'.repeat(64)}`,
			});
			expect(forged).toMatchObject({ status: 432, text: '' });
			const unsigned = await postRaw(url, '{"encrypted_flow_data":"AAAA"}', credentials.appSecret, '');
			expect(unsigned).toEqual({ status: 432, text: '' });
			const otherSecret = await whatsAppClient(n8n, booking.path, { ...credentials, appSecret: 'not-the-app-secret' }).send({ action: 'INIT', flow_token: 'tok' });
			expect(otherSecret.outcome).toEqual({ kind: 'signature-rejected', status: 432 });
		});

		it('refuses garbage and requests sealed for another key with 421 and one uniform body', async () => {
			const url = endpointUrl(n8n, booking.path);
			const bodies = [
				'{}',
				'[]',
				'{"encrypted_flow_data":"AAAA","encrypted_aes_key":"AAAA","initial_vector":"AAAA"}',
				JSON.stringify({ encrypted_flow_data: 'bm90IHJlYWxseQ==', encrypted_aes_key: 'x'.repeat(344), initial_vector: 'AAAAAAAAAAAAAAAAAAAAAA==' }),
			];
			for (const body of bodies) expect(await postRaw(url, body, credentials.appSecret)).toEqual({ status: 421, text: UNDECRYPTABLE_BODY });

			const otherKey = await whatsAppClient(n8n, booking.path, credentials, demoFlowKeyPair().publicKeyPem).send({ action: 'INIT', flow_token: 'tok' });
			// WhatsApp re-reads the public key once after a 421 and retries; the second 421 is final.
			expect(otherKey.outcome).toEqual({ kind: 'key-rejected', status: 421 });
			expect(otherKey.attempts.map((a) => a.status)).toEqual([421, 421]);
		});

		it('acknowledges an error notification with {"data":{"acknowledged":true}}', async () => {
			const exchange = await whatsAppClient(n8n, booking.path, credentials).notifyError({
				action: 'data_exchange',
				flow_token: 'tok',
				screen: 'DETAILS',
				error: 'invalid-screen-transition',
				errorMessage: 'The next screen was not found',
			});
			expect(answerOf(exchange)).toEqual({ data: { acknowledged: true } });
		});

		it('started no execution for any of them', async () => {
			await settle();
			expect(await n8n.api.listExecutions(booking.id)).toHaveLength(0);
		});
	});

	describe('requests the workflow answers through Respond to WhatsApp Flow', () => {
		it('INIT: the next screen with its data, although a Set node dropped the trigger\'s fields', async () => {
			const exchange = await whatsAppClient(n8n, booking.path, credentials).send({ action: 'INIT', flow_token: 'tok-init' });
			expect(answerOf(exchange)).toEqual({ screen: 'DETAILS', data: { departments: [{ id: 'hair', title: 'Hair' }] } });
			const [execution] = await n8n.api.waitForExecutions(booking.id, 1);
			expect(execution.status).toBe('success');
		});

		it('data_exchange with an invalid field: the same screen with error_message and error_messages', async () => {
			const exchange = await whatsAppClient(n8n, booking.path, credentials).send({
				action: 'data_exchange',
				screen: 'DETAILS',
				data: { name: 'Ayşe', email: 'not-an-email' },
				flow_token: 'tok-2',
			});
			expect(answerOf(exchange)).toEqual({
				screen: 'DETAILS',
				data: { name: 'Ayşe', error_messages: { email: 'Please enter a valid email' }, error_message: 'Please check the form' },
			});
		});

		it('data_exchange that completes: SUCCESS with extension_message_response.params and the flow token', async () => {
			const exchange = await whatsAppClient(n8n, booking.path, credentials).send({
				action: 'data_exchange',
				screen: 'DETAILS',
				data: { name: 'Ayse', email: 'ayse@example.com' },
				flow_token: 'tok-complete',
			});
			expect(answerOf(exchange)).toEqual({
				screen: 'SUCCESS',
				data: { extension_message_response: { params: { booking_id: 'B-Ayse', flow_token: 'tok-complete' } } },
			});
		});

		it('keeps the wrapped key and IV in the execution data, never the AES key, and records what it answered', async () => {
			const url = endpointUrl(n8n, booking.path);
			const before = (await n8n.api.listExecutions(booking.id)).length;
			const exchange = await rawExchange(url, { version: '3.0', action: 'BACK', screen: 'DETAILS', data: {}, flow_token: 'tok-back' }, credentials);
			expect(exchange).toMatchObject({ status: 200, answer: { screen: 'DETAILS' } });
			expect(exchange.contentType).toMatch(/^text\/plain/);
			const executions = await n8n.api.waitForExecutions(booking.id, before + 1);
			const newest = executions.sort((a, b) => Number(b.id) - Number(a.id))[0];
			const data = JSON.stringify((await n8n.api.getExecution(newest.id)).data);
			expect(data).toContain('encryptedAesKey');
			const key = Buffer.from(exchange.aesKey);
			for (const form of ['base64', 'hex', 'base64url'] as const) expect(data).not.toContain(key.toString(form));
			expect(data).toContain('respondedWith');
		});

		it('ran exactly one execution per answered request', async () => {
			await settle();
			const executions = await n8n.api.listExecutions(booking.id);
			expect(executions).toHaveLength(4);
			expect(executions.every((e) => e.status === 'success')).toBe(true);
		});
	});

	it('answers through a Merge node whose inputs kept none of the trigger\'s fields', async () => {
		const path = uniquePath('flow-merge');
		const workflow = flowWorkflow(
			`Flow endpoint: merge (${profile})`,
			path,
			[
				triggerNode(path, credentials),
				keepOnlySetNode('Greeting', { greeting: 'Hello' }),
				keepOnlySetNode('Name', { name: '={{ $json.data.name }}' }),
				mergeByPositionNode('Merge'),
				respondNode('Welcome', credentials, {
					respondWith: 'nextScreen',
					screen: 'WELCOME',
					screenData: '={{ JSON.stringify({ text: $json.greeting + ", " + $json.name }) }}',
				}),
			],
			[
				['WhatsApp Flow Endpoint', 'Greeting'],
				['WhatsApp Flow Endpoint', 'Name'],
				['Greeting', 'Merge', 0, 0],
				['Name', 'Merge', 0, 1],
				['Merge', 'Welcome'],
			],
		);
		await deployWebhookWorkflow(n8n, workflow, path);
		const exchange = await whatsAppClient(n8n, path, credentials).send({ action: 'data_exchange', screen: 'START', data: { name: 'Ayşe' }, flow_token: 'tok' });
		expect(answerOf(exchange)).toEqual({ screen: 'WELCOME', data: { text: 'Hello, Ayşe' } });
	});

	it('with "Require Signed Flow Token": answers a valid token, refuses a tampered one with 427 and error_msg and no execution', async () => {
		const path = uniquePath('flow-signed');
		const workflow = flowWorkflow(
			`Flow endpoint: signed tokens (${profile})`,
			path,
			[
				triggerNode(path, credentials, { requireSignedFlowToken: true, expectedFlowId: 'flow-77', refusalMessage: 'This booking link has expired' }),
				respondNode('Complete', credentials, {
					respondWith: 'complete',
					params: '={{ JSON.stringify({ recipient: $("WhatsApp Flow Endpoint").first().json.flowTokenContext.recipient }) }}',
				}),
			],
			[['WhatsApp Flow Endpoint', 'Complete']],
		);
		const id = await deployWebhookWorkflow(n8n, workflow, path);
		const token = createFlowToken({ secret: credentials.flowTokenSecret, recipient: '+1 555 010 7777', flowId: 'flow-77', ttlSeconds: 600 });
		const client = whatsAppClient(n8n, path, credentials);

		const valid = await client.send({ action: 'data_exchange', screen: 'CONFIRM', data: {}, flow_token: token });
		expect(answerOf(valid)).toEqual({
			screen: 'SUCCESS',
			data: { extension_message_response: { params: { recipient: '15550107777', flow_token: token } } },
		});

		const [version, claims, mac] = token.split('.');
		const forgedClaims = { ...(JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as object), r: '15559999999' };
		const tampered = `${version}.${Buffer.from(JSON.stringify(forgedClaims)).toString('base64url')}.${mac}`;
		const otherFlow = createFlowToken({ secret: credentials.flowTokenSecret, recipient: '15550107777', flowId: 'flow-78', ttlSeconds: 600 });
		for (const flowToken of [tampered, otherFlow, 'an-opaque-token']) {
			const refused = await client.send({ action: 'data_exchange', screen: 'CONFIRM', data: {}, flow_token: flowToken });
			expect(refused.outcome).toEqual({ kind: 'flow-token-invalid', status: 427, errorMsg: 'This booking link has expired' });
		}

		await settle();
		expect(await n8n.api.listExecutions(id)).toHaveLength(1);
	});

	it('with "Pass Error Notifications to Workflow": acknowledges at once, runs the workflow, and its respond node sends nothing', async () => {
		const path = uniquePath('flow-error-notification');
		const workflow = flowWorkflow(
			`Flow endpoint: error notifications passed on (${profile})`,
			path,
			[
				triggerNode(path, credentials, { passErrorNotifications: true }),
				respondNode('Respond', credentials, { respondWith: 'nextScreen', screen: 'WELCOME', screenData: '{}' }),
			],
			[['WhatsApp Flow Endpoint', 'Respond']],
		);
		const id = await deployWebhookWorkflow(n8n, workflow, path);
		const exchange = await whatsAppClient(n8n, path, credentials).notifyError({
			action: 'INIT',
			flow_token: 'tok',
			error: 'invalid-screen',
			errorMessage: 'The first screen was not found',
		});
		expect(answerOf(exchange)).toEqual({ data: { acknowledged: true } });
		const [execution] = await n8n.api.waitForExecutions(id, 1);
		const runData = (await n8n.api.getExecution(execution.id)).data?.resultData?.runData as Record<
			string,
			Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>
		>;
		expect(runData['WhatsApp Flow Endpoint'][0].data.main[0][0].json).toMatchObject({
			isErrorNotification: true,
			data: { error: 'invalid-screen' },
			whatsAppFlowRequest: { answeredByTrigger: true },
		});
		expect(runData.Respond[0].data.main[0][0].json.respondedWith).toEqual({
			sent: false,
			reason: 'The trigger already acknowledged this error notification',
		});
	});

	it('after the key credential is rotated: the new key works at once, and a client still using the old public key gets 421 and succeeds after re-reading it', async () => {
		const own = await flowEndpointCredentials(n8n, loadE2eEnv().sandboxUrl);
		const path = uniquePath('flow-rotation');
		const workflow = flowWorkflow(
			`Flow endpoint: key rotation (${profile})`,
			path,
			[triggerNode(path, own), respondNode('Respond', own, { respondWith: 'nextScreen', screen: 'WELCOME', screenData: '{}' })],
			[['WhatsApp Flow Endpoint', 'Respond']],
		);
		await deployWebhookWorkflow(n8n, workflow, path);
		expect(answerOf(await whatsAppClient(n8n, path, own).send({ action: 'INIT', flow_token: 'tok' }))).toEqual({ screen: 'WELCOME', data: {} });

		const next = demoFlowKeyPair();
		await n8n.api.call('PATCH', `/credentials/${own.key.id}`, { data: { privateKey: next.privateKeyPem, passphrase: '' } });
		// The trigger keeps credentials a few seconds and re-reads them on a refusal at most once a second.
		await settle(1_100);
		const withNewKey = await whatsAppClient(n8n, path, own, next.publicKeyPem).send({ action: 'INIT', flow_token: 'tok' });
		expect(withNewKey.attempts.map((a) => a.status)).toEqual([200]);
		expect(answerOf(withNewKey)).toEqual({ screen: 'WELCOME', data: {} });

		const client = new EndpointClient({
			endpointUri: endpointUrl(n8n, path),
			publicKeyPem: own.publicKeyPem,
			refreshPublicKey: async () => next.publicKeyPem,
			appSecret: own.appSecret,
			timeoutMs: 9_000,
		});
		const withOldKey = await client.send({ action: 'INIT', flow_token: 'tok' });
		expect(withOldKey.attempts.map((a) => a.status)).toEqual([421, 200]);
		expect(answerOf(withOldKey)).toEqual({ screen: 'WELCOME', data: {} });
	});
});
