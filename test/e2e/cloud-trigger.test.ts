import { readFileSync } from 'node:fs';
import { createFlowToken } from '../../nodes/shared/crypto/flow-token';
import { SANDBOX_FLOW_TOKEN_SECRET, SANDBOX_VERIFY_TOKEN } from '../harness/sandbox-credentials';
import { batchOfTexts, DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES, webhookBody, type FixtureIds } from '../fixtures/webhooks/meta-webhooks';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_APP_SECRET, SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID, SANDBOX_WABA_ID } from '../sandbox/seed';
import {
	CLOUD_TRIGGER_NAME,
	cloudTriggerWorkflow,
	deployTrigger,
	exactlyExecutions,
	hubSignature,
	pointAppCallbackAt,
	postWebhook,
	sandboxCall,
	sandboxSends,
	triggerItems,
	triggerUrl,
	type TriggerCredentials,
} from './cloud-trigger-support';
import { sandboxAppCredential, sandboxCloudApiCredential, stateStoreCredential } from './support/credentials';
import { uniquePath } from './support/workflows';
import { instance, loadE2eEnv, profilesAmong, type E2eInstance } from './harness/e2e-env';

// The WhatsApp Cloud Trigger in a real n8n 2.x, regular and queue mode (the webhook processor answers Meta, a worker
// runs the workflow), fed by the sandbox's signed webhooks: Meta's verification request, signatures, batches of
// 1,000 changes, redeliveries, every documented event type, and two triggers on two numbers of one Meta app.

const sandboxUrl = () => loadE2eEnv().sandboxUrl;
let run = 0;
/** Fixture ids unique to this run, so no event key repeats between tests, profiles or runs. */
function freshIds(extra: Partial<FixtureIds> = {}): FixtureIds {
	run += 1;
	return { ...DEFAULT_FIXTURE_IDS, seq: `${process.pid}x${Date.now().toString(36)}x${run}`, ...extra };
}

function logsOf(n8n: E2eInstance): string {
	return n8n.logFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe.each(profilesAmong('regular', 'queue'))('WhatsApp Cloud Trigger in real n8n (%s)', (profile) => {
	let n8n: E2eInstance;
	let credentials: TriggerCredentials;
	const all = { path: uniquePath('cloud-all'), id: '' };

	beforeAll(async () => {
		n8n = instance(profile);
		credentials = { app: await sandboxAppCredential(n8n, sandboxUrl()), cloudApi: await sandboxCloudApiCredential(n8n, sandboxUrl()) };
		all.id = await deployTrigger(n8n, cloudTriggerWorkflow(`Cloud trigger: all events (${profile})`, all.path, {}, credentials), all.path);
	});

	afterEach(async () => {
		await pointAppCallbackAt(sandboxUrl(), null);
		await sandboxCall(sandboxUrl(), 'POST', '/__sandbox/config', { webhooks: { loseAnswers: 0 } });
	});

	describe("Meta's verification request (GET)", () => {
		it("answers hub.challenge as text/plain for the credential's verify token", async () => {
			const query = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': SANDBOX_VERIFY_TOKEN, 'hub.challenge': '1158201444' });
			const answer = await fetch(`${triggerUrl(n8n, all.path)}?${query}`);
			expect(answer.status).toBe(200);
			expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
			expect(await answer.text()).toBe('1158201444');
		});

		it('answers 403 to a wrong token or mode', async () => {
			const cases: Array<Record<string, string>> = [
				{ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' },
				{ 'hub.mode': 'unsubscribe', 'hub.verify_token': SANDBOX_VERIFY_TOKEN, 'hub.challenge': '1' },
				{},
			];
			for (const params of cases) {
				expect((await fetch(`${triggerUrl(n8n, all.path)}?${new URLSearchParams(params)}`)).status).toBe(403);
			}
		});

		it("passes the sandbox's verification of a callback URL (the App Dashboard's Verify and save)", async () => {
			const verified = await sandboxCall(sandboxUrl(), 'POST', '/__sandbox/webhook-target', { url: triggerUrl(n8n, all.path), verify_token: SANDBOX_VERIFY_TOKEN });
			expect(verified.status).toBe(200);
			const refused = await sandboxCall(sandboxUrl(), 'POST', '/__sandbox/webhook-target', { url: triggerUrl(n8n, all.path), verify_token: 'not-the-token' });
			expect(refused).toMatchObject({ status: 400, body: { error: expect.stringContaining('HTTP Status Code = 403') } });
		});
	});

	describe('signatures', () => {
		it('runs the workflow for a signed webhook and refuses unsigned, tampered or wrongly signed ones with 401 and no execution', async () => {
			const path = uniquePath('cloud-signatures');
			const id = await deployTrigger(n8n, cloudTriggerWorkflow(`Cloud trigger: signatures (${profile})`, path, {}, credentials), path);
			const body = JSON.stringify(webhookBody(freshIds(), [WEBHOOK_FIXTURES[0]]));
			const url = triggerUrl(n8n, path);
			const refusals = [
				await postWebhook(url, body, undefined),
				await postWebhook(url, body.replace('Hello this is an answer', 'Hello this is a forgery'), hubSignature(body, SANDBOX_APP_SECRET)),
				await postWebhook(url, body, hubSignature(body, 'the-secret-of-another-app')),
				await postWebhook(url, body, 'sha256=nothex'),
			];
			expect(refusals.map((r) => [r.status, r.text])).toEqual([
				[401, 'Missing X-Hub-Signature-256 header'],
				[401, 'X-Hub-Signature-256 does not match the body'],
				[401, 'X-Hub-Signature-256 does not match the body'],
				[401, 'Malformed X-Hub-Signature-256 header'],
			]);
			await exactlyExecutions(n8n, id, 0);
			// n8n names the credential as stored ("Sandbox Meta App <timestamp>").
			expect(logsOf(n8n)).toContain(`Check the App Secret in credential "${credentials.app.name}`);

			expect(await postWebhook(url, body, hubSignature(body, SANDBOX_APP_SECRET))).toMatchObject({ status: 200 });
			const [execution] = await exactlyExecutions(n8n, id, 1);
			expect(execution.status).toBe('success');
			expect((await triggerItems(n8n, execution.id)).map((i) => i.type)).toEqual(['message.text']);
		});
	});

	it('emits every documented event type from one signed POST of the sandbox, with its details', async () => {
		const ids = freshIds();
		const token = createFlowToken({ secret: SANDBOX_FLOW_TOKEN_SECRET, recipient: ids.waId, flowId: '1234567890', ttlSeconds: 3600, context: { recordId: 'crm-7', variant: 'B' } });
		await pointAppCallbackAt(sandboxUrl(), triggerUrl(n8n, all.path));
		const before = (await n8n.api.listExecutions(all.id)).length;
		const deliveries = await sandboxSends(sandboxUrl(), webhookBody({ ...ids, flowToken: token }, WEBHOOK_FIXTURES));
		expect(deliveries.map((d) => [d.state, d.attempts.map((a) => a.status)])).toEqual([['delivered', [200]]]);
		const executions = await exactlyExecutions(n8n, all.id, before + 1);
		const items = await triggerItems(n8n, executions.at(-1)!.id);
		expect(items.map((i) => i.type)).toEqual(WEBHOOK_FIXTURES.map((f) => f.type));
		const byType = (type: string) => items.find((i) => i.type === type)!;
		expect(byType('flow.completed')).toMatchObject({
			waId: ids.waId,
			senderName: 'Ada',
			flow: { responseJson: { email: 'ada@example.com' }, token: { valid: true, recordId: 'crm-7', variant: 'B' }, media: [{ field: 'photos', id: '9090909090909090' }] },
		});
		expect(items.find((i) => i.type === 'status.failed')).toMatchObject({ status: { error: { code: 131047, cause: expect.stringContaining('24 hours') } } });
		expect(items.filter((i) => i.type === 'consent.opt_out').map((i) => (i.consent as { source: string }).source)).toEqual(['keyword', 'meta_131050']);
		expect(byType('message.text')).toMatchObject({ phoneNumberId: SANDBOX_PHONE_NUMBER_ID, wabaId: SANDBOX_WABA_ID, timestamp: '2026-01-01T00:00:00.000Z', raw: { field: 'messages' } });
	});

	it('turns one POST with 1,000 changes into one execution of 1,000 items', async () => {
		await pointAppCallbackAt(sandboxUrl(), triggerUrl(n8n, all.path));
		const before = (await n8n.api.listExecutions(all.id)).length;
		const started = Date.now();
		const [delivery] = await sandboxSends(sandboxUrl(), batchOfTexts(freshIds(), 1000));
		expect(delivery.attempts.map((a) => a.status)).toEqual([200]);
		const executions = await exactlyExecutions(n8n, all.id, before + 1);
		const items = await triggerItems(n8n, executions.at(-1)!.id);
		expect(items).toHaveLength(1000);
		expect(new Set(items.map((i) => i.eventKey)).size).toBe(1000);
		console.log(`[cloud-trigger ${profile}] 1,000 changes: delivered and run in ${Date.now() - started} ms`);
	});

	describe('redeliveries', () => {
		it('runs the same POST once, whether it comes three times in a row or three times at once', async () => {
			const path = uniquePath('cloud-dedupe');
			const id = await deployTrigger(n8n, cloudTriggerWorkflow(`Cloud trigger: dedupe (${profile})`, path, {}, credentials), path);
			const url = triggerUrl(n8n, path);
			const sequential = JSON.stringify(webhookBody(freshIds(), WEBHOOK_FIXTURES.slice(0, 3)));
			for (let i = 0; i < 3; i++) expect((await postWebhook(url, sequential, hubSignature(sequential, SANDBOX_APP_SECRET))).status).toBe(200);
			const concurrent = JSON.stringify(webhookBody(freshIds(), WEBHOOK_FIXTURES.slice(3, 6)));
			const answers = await Promise.all([1, 2, 3].map(() => postWebhook(url, concurrent, hubSignature(concurrent, SANDBOX_APP_SECRET))));
			expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
			const executions = await exactlyExecutions(n8n, id, 2);
			const items = (await Promise.all(executions.map((e) => triggerItems(n8n, e.id)))).flat();
			expect(items).toHaveLength(6);
			expect(new Set(items.map((i) => i.eventKey)).size).toBe(6);
		});

		it("runs once when the sandbox redelivers the same webhook three times (its answers lost, as Meta retries)", async () => {
			const path = uniquePath('cloud-retry');
			const id = await deployTrigger(n8n, cloudTriggerWorkflow(`Cloud trigger: retry (${profile})`, path, {}, credentials), path);
			await sandboxCall(sandboxUrl(), 'POST', '/__sandbox/config', { webhooks: { timeScale: 0.0005, maxAttempts: 5, loseAnswers: 2 } });
			await pointAppCallbackAt(sandboxUrl(), triggerUrl(n8n, path));
			const [delivery] = await sandboxSends(sandboxUrl(), webhookBody(freshIds(), WEBHOOK_FIXTURES.slice(0, 4)));
			expect(delivery.attempts.map((a) => a.status)).toEqual([null, null, 200]);
			const [execution] = await exactlyExecutions(n8n, id, 1);
			expect(await triggerItems(n8n, execution.id)).toHaveLength(4);
		});

		if (profile === 'queue') {
			it('uses the data-table store across the processes of queue mode', async () => {
				const path = uniquePath('cloud-dedupe-table');
				const stateStore = await stateStoreCredential(n8n);
				const id = await deployTrigger(n8n, cloudTriggerWorkflow(`Cloud trigger: data-table dedupe (${profile})`, path, { dedupe: 'dataTable' }, { ...credentials, stateStore }), path);
				const body = JSON.stringify(batchOfTexts(freshIds(), 200));
				const answers = await Promise.all([1, 2, 3].map(() => postWebhook(triggerUrl(n8n, path), body, hubSignature(body, SANDBOX_APP_SECRET))));
				expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
				const executions = await exactlyExecutions(n8n, id, 1, 3_000);
				expect(await triggerItems(n8n, executions[0].id)).toHaveLength(200);
			});
		}
	});

	it('passes only the chosen event types and phone numbers', async () => {
		const path = uniquePath('cloud-filter');
		const id = await deployTrigger(
			n8n,
			cloudTriggerWorkflow(`Cloud trigger: filters (${profile})`, path, { eventTypes: ['status.*', 'consent.opt_out'], phoneNumberIds: SANDBOX_SECOND_PHONE_NUMBER_ID }, credentials),
			path,
		);
		const one = freshIds();
		const two = { ...freshIds(), phoneNumberId: SANDBOX_SECOND_PHONE_NUMBER_ID };
		const payload = { object: 'whatsapp_business_account', entry: [...(webhookBody(one, WEBHOOK_FIXTURES).entry as unknown[]), ...(webhookBody(two, WEBHOOK_FIXTURES).entry as unknown[])] };
		const body = JSON.stringify(payload);
		expect((await postWebhook(triggerUrl(n8n, path), body, hubSignature(body, SANDBOX_APP_SECRET))).status).toBe(200);
		const [execution] = await exactlyExecutions(n8n, id, 1);
		const items = await triggerItems(n8n, execution.id);
		expect(items.map((i) => [i.type, i.phoneNumberId])).toEqual([
			['consent.opt_out', SANDBOX_SECOND_PHONE_NUMBER_ID],
			['status.sent', SANDBOX_SECOND_PHONE_NUMBER_ID],
			['status.delivered', SANDBOX_SECOND_PHONE_NUMBER_ID],
			['status.read', SANDBOX_SECOND_PHONE_NUMBER_ID],
			['status.failed', SANDBOX_SECOND_PHONE_NUMBER_ID],
			['consent.opt_out', SANDBOX_SECOND_PHONE_NUMBER_ID],
		]);
		// Nothing that passes: answered, no execution.
		const statusOnlyOfOne = JSON.stringify(webhookBody(freshIds(), [WEBHOOK_FIXTURES.find((f) => f.type === 'status.read')!]));
		expect((await postWebhook(triggerUrl(n8n, path), statusOnlyOfOne, hubSignature(statusOnlyOfOne, SANDBOX_APP_SECRET))).status).toBe(200);
		await exactlyExecutions(n8n, id, 1);
	});

	describe('two triggers on two phone numbers of one Meta app (alternate callback URLs)', () => {
		const first = { path: uniquePath('cloud-number-1'), id: '' };
		const second = { path: uniquePath('cloud-number-2'), id: '' };
		const webhookConfiguration = async (phoneNumberId: string) =>
			(
				await fetch(`${sandboxUrl()}/v25.0/${phoneNumberId}?fields=webhook_configuration`, {
					headers: { authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` },
				}).then((r) => r.json() as Promise<{ webhook_configuration: Record<string, string> }>)
			).webhook_configuration;

		const waitForAlternateUrl = async (phoneNumberId: string, url: string | undefined) => {
			const deadline = Date.now() + 60_000;
			while ((await webhookConfiguration(phoneNumberId)).phone_number !== url) {
				if (Date.now() > deadline) throw new Error(`the alternate callback URL of ${phoneNumberId} did not become ${url}`);
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		};

		beforeAll(async () => {
			first.id = await deployTrigger(n8n, cloudTriggerWorkflow(`Cloud trigger: number 1 (${profile})`, first.path, { registration: 'phoneNumber' }, credentials), first.path);
			second.id = await deployTrigger(
				n8n,
				cloudTriggerWorkflow(`Cloud trigger: number 2 (${profile})`, second.path, { registration: 'phoneNumber', phoneNumberId: SANDBOX_SECOND_PHONE_NUMBER_ID }, credentials),
				second.path,
			);
			// n8n 2.x may finish an activation after its API call returned (and after the webhook answers OPTIONS).
			await waitForAlternateUrl(SANDBOX_PHONE_NUMBER_ID, triggerUrl(n8n, first.path));
			await waitForAlternateUrl(SANDBOX_SECOND_PHONE_NUMBER_ID, triggerUrl(n8n, second.path));
		});

		afterAll(async () => {
			for (const id of [first.id, second.id]) if (id) await n8n.api.deactivateWorkflow(id).catch(() => undefined);
		});

		it('registers each production URL as its number\'s alternate callback URL on activation (after the sandbox verified it)', async () => {
			expect((await webhookConfiguration(SANDBOX_PHONE_NUMBER_ID)).phone_number).toBe(triggerUrl(n8n, first.path));
			expect((await webhookConfiguration(SANDBOX_SECOND_PHONE_NUMBER_ID)).phone_number).toBe(triggerUrl(n8n, second.path));
			const verifications = (await sandboxCall<Array<{ url: string; ok: boolean }>>(sandboxUrl(), 'GET', '/__sandbox/callback-verifications')).body;
			expect(verifications.filter((v) => v.url === triggerUrl(n8n, first.path)).at(-1)?.ok).toBe(true);
		});

		it("leaves the number's production URL in place while the editor listens for a test event", async () => {
			const listening = await n8n.api.rest<{ waitingForWebhook?: boolean }>('POST', `/workflows/${first.id}/run`, { triggerToStartFrom: { name: CLOUD_TRIGGER_NAME } });
			expect(listening?.waitingForWebhook).toBe(true);
			try {
				// The test URL is live (it answers Meta's verification request) …
				const query = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': SANDBOX_VERIFY_TOKEN, 'hub.challenge': '777' });
				const answer = await fetch(`${n8n.baseUrl}/webhook-test/${first.path}?${query}`);
				expect([answer.status, await answer.text()]).toEqual([200, '777']);
				// … but Meta still sends the number's webhooks to the production URL.
				expect((await webhookConfiguration(SANDBOX_PHONE_NUMBER_ID)).phone_number).toBe(triggerUrl(n8n, first.path));
			} finally {
				await n8n.api.rest('DELETE', `/test-webhooks/${first.id}`).catch(() => undefined);
			}
			expect((await webhookConfiguration(SANDBOX_PHONE_NUMBER_ID)).phone_number).toBe(triggerUrl(n8n, first.path));
		});

		it('gives each trigger only the events of its own number', async () => {
			for (const [phoneNumberId, text] of [
				[SANDBOX_PHONE_NUMBER_ID, 'hello number one'],
				[SANDBOX_SECOND_PHONE_NUMBER_ID, 'hello number two'],
				[SANDBOX_PHONE_NUMBER_ID, 'again number one'],
			]) {
				const sent = await sandboxCall(sandboxUrl(), 'POST', '/__sandbox/users/15550107711/send-text', { text, phone_number_id: phoneNumberId });
				expect(sent.status).toBe(201);
			}
			// One raw POST with changes of both numbers: the sandbox splits it per callback URL, as Meta routes it.
			const mixed = { object: 'whatsapp_business_account', entry: [...(webhookBody(freshIds(), [WEBHOOK_FIXTURES[0]]).entry as unknown[]), ...(webhookBody({ ...freshIds(), phoneNumberId: SANDBOX_SECOND_PHONE_NUMBER_ID }, [WEBHOOK_FIXTURES[0]]).entry as unknown[])] };
			const deliveries = await sandboxSends(sandboxUrl(), mixed);
			expect(deliveries.map((d) => d.url)).toEqual([triggerUrl(n8n, first.path), triggerUrl(n8n, second.path)]);

			const textsOf = async (workflowId: string, count: number) => {
				const executions = await exactlyExecutions(n8n, workflowId, count);
				const items = (await Promise.all(executions.map((e) => triggerItems(n8n, e.id)))).flat();
				return items.map((i) => [i.phoneNumberId, (i.message as { text?: string }).text]);
			};
			expect(await textsOf(first.id, 3)).toEqual([
				[SANDBOX_PHONE_NUMBER_ID, 'hello number one'],
				[SANDBOX_PHONE_NUMBER_ID, 'again number one'],
				[SANDBOX_PHONE_NUMBER_ID, 'Hello this is an answer'],
			]);
			expect(await textsOf(second.id, 2)).toEqual([
				[SANDBOX_SECOND_PHONE_NUMBER_ID, 'hello number two'],
				[SANDBOX_SECOND_PHONE_NUMBER_ID, 'Hello this is an answer'],
			]);
		});

		it("removes its own alternate URL on deactivation, and leaves the other number's", async () => {
			await n8n.api.deactivateWorkflow(first.id);
			first.id = '';
			await waitForAlternateUrl(SANDBOX_PHONE_NUMBER_ID, undefined);
			expect((await webhookConfiguration(SANDBOX_SECOND_PHONE_NUMBER_ID)).phone_number).toBe(triggerUrl(n8n, second.path));
		});
	});
});
