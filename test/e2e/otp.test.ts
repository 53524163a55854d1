import { randomBytes } from 'node:crypto';
import { SANDBOX_WABA_ID } from '../sandbox/seed';
import { instance, loadE2eEnv, profilesAmong, type E2eProfile } from './harness/e2e-env';
import { allDataTableRows, deploySendWorkflow, deployVerifyWorkflow, findSecrets, inboundCheckWorkflow, lastCodeReceived, markedItem, otpNode, readLogs, type OtpCredentials, type OtpView } from './otp-support';
import { createCredential, sandboxAppCredential, sandboxCloudApiCredential, stateStoreCredential } from './support/credentials';
import { freshNumber } from './support/message-workflows';
import { SandboxApi } from './support/sandbox-api';
import { asArray, callWebhook, deployWebhookWorkflow, uniquePath, webhookChain } from './support/workflows';
import { deployTrigger, exactlyExecutions, pointAppCallbackAt, sandboxCall, triggerUrl } from './cloud-trigger-support';
import { SANDBOX_VERIFY_TOKEN } from '../harness/sandbox-credentials';

const CONCURRENT_CHECKS = 1000;
/**
 * Requests in flight at once. All 1,000 at once made n8n itself fail (on SQLite: "Timeout waiting for lock
 * SqliteWriteConnectionMutex" while saving executions, HTTP 500 before our node ran); 100 at a time still has
 * 100 checks racing on the one record at every moment.
 */
const IN_FLIGHT = 100;

/**
 * The WhatsApp OTP node in a real n8n against the sandbox: the simulated user receives the authentication template
 * and reads the code from it. State lives in the data-table store (n8n's database), shared by the queue workers.
 */
describe.each(profilesAmong('regular', 'queue'))('WhatsApp OTP in real n8n (%s)', (profile: E2eProfile) => {
	const n8n = () => instance(profile);
	const sandbox = new SandboxApi(loadE2eEnv().sandboxUrl);
	const secret = randomBytes(24).toString('hex');
	const codesSent: string[] = [];
	const sendWorkflowIds: string[] = [];
	let verifyWorkflowId = '';
	let credentials: OtpCredentials;
	let send = '';
	let resend = '';
	let verify = '';

	async function post(path: string, body: Record<string, unknown>): Promise<OtpView> {
		const answer = await callWebhook(n8n().webhookBaseUrl, path, body);
		expect(answer.status).toBe(200);
		return asArray<OtpView>(answer.json)[0];
	}

	/** The code the user received last; remembered for the leak scan. */
	async function codeOf(waId: string): Promise<string> {
		const { code, buttonCode } = await lastCodeReceived(sandbox, waId);
		expect(buttonCode).toBe(code);
		codesSent.push(code);
		return code;
	}

	async function started(waId: string, extra: Record<string, unknown> = {}): Promise<{ id: string; code: string; view: OtpView }> {
		const view = await post(send, { to: `+${waId}`, ...extra });
		expect(view.status).toBe('pending');
		return { id: view.verification_id, code: await codeOf(waId), view };
	}

	const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

	beforeAll(async () => {
		credentials = {
			otp: await createCredential(n8n(), 'OTP Secret', 'whatsAppOtpApi', { secret }),
			cloudApi: await sandboxCloudApiCredential(n8n(), sandbox.url),
			state: await stateStoreCredential(n8n()),
		};
		const templates = await sandbox.graph<{ data: Array<{ id: string }> }>('GET', `${SANDBOX_WABA_ID}/message_templates?name=verification_code`);
		const templateId = templates.data[0].id;
		const sender = await deploySendWorkflow(n8n(), 'sendCode', templateId, credentials);
		const resender = await deploySendWorkflow(n8n(), 'resendCode', templateId, credentials);
		const verifier = await deployVerifyWorkflow(n8n(), credentials);
		[send, resend, verify] = [sender.path, resender.path, verifier.path];
		sendWorkflowIds.push(sender.workflowId, resender.workflowId);
		verifyWorkflowId = verifier.workflowId;
	});

	it('happy path: the code arrives in the template body and button, approves once, and is never output', async () => {
		const waId = freshNumber();
		const { id, code, view } = await started(waId);
		expect(view).toMatchObject({ verification_id: expect.stringMatching(/^otp_[0-9a-f]{32}$/), to: waId, attempts_left: 5, sends: 1, message_id: expect.stringMatching(/^wamid\./) });
		expect(Date.parse(view.expires_at ?? '') - Date.now()).toBeGreaterThan(9 * 60_000);
		expect(code).toMatch(/^[0-9]{6}$/);
		expect(JSON.stringify(view)).not.toContain(code);
		const messages = await sandbox.messagesTo(waId);
		expect(messages[0]).toMatchObject({ type: 'template', category: 'authentication' });

		expect(await post(verify, { id, code })).toMatchObject({ status: 'approved', output: 'approved' });
		expect(await post(verify, { id, code })).toMatchObject({ status: 'not_found', output: 'not_approved', reason: expect.stringMatching(/once/) });
	});

	it('wrong code five times locks the verification, even against the right code', async () => {
		const { id, code } = await started(freshNumber());
		const left = [];
		for (let i = 0; i < 5; i++) {
			const answer = await post(verify, { id, code: wrong(code) });
			expect(answer).toMatchObject({ status: 'pending', output: 'not_approved' });
			left.push(answer.attempts_left);
		}
		expect(left).toEqual([4, 3, 2, 1, 0]);
		expect(await post(verify, { id, code })).toMatchObject({ status: 'max_attempts_reached', output: 'not_approved', attempts: 5 });
	});

	it('a code expires: the right code after its validity answers expired', async () => {
		const { id, code } = await started(freshNumber(), { validity: 5 });
		await new Promise((resolve) => setTimeout(resolve, 5_500));
		expect(await post(verify, { id, code })).toMatchObject({ status: 'expired', output: 'not_approved' });
		expect(await post(verify, { id: 'otp_0000', code })).toMatchObject({ status: 'not_found', output: 'not_approved' });
	});

	it('resend: cooldown, a new code replacing the old one, at most maxSends sends, and a cap per number per hour', async () => {
		const waId = freshNumber();
		const first = await started(waId, { perHour: 3 });
		const early = await post(resend, { id: first.id, cooldown: 2, maxSends: 2, perHour: 3 });
		expect(early).toMatchObject({ status: 'rate_limited', retry_after_seconds: expect.any(Number) });
		expect(early.retry_after_seconds).toBeLessThanOrEqual(2);
		expect((await sandbox.messagesTo(waId)).length).toBe(1);

		await new Promise((resolve) => setTimeout(resolve, 2_100));
		expect(await post(resend, { id: first.id, cooldown: 2, perHour: 3 })).toMatchObject({ status: 'pending', sends: 2 });
		const second = await codeOf(waId);
		await new Promise((resolve) => setTimeout(resolve, 2_100));
		// Send with "Max Sends per Verification" 2: the verification keeps the limit it started with (5 here), so a third works.
		expect(await post(resend, { id: first.id, cooldown: 2, perHour: 3 })).toMatchObject({ status: 'pending', sends: 3 });
		const third = await codeOf(waId);
		// The number has had 3 codes this hour: a new verification and a further resend are refused for about an hour.
		const capped = await post(send, { to: waId, perHour: 3 });
		expect(capped).toMatchObject({ status: 'rate_limited', reason: expect.stringMatching(/per number per hour/) });
		expect(capped.retry_after_seconds).toBeGreaterThan(3500);
		if (second !== third) expect(await post(verify, { id: first.id, code: second })).toMatchObject({ status: 'pending' });
		expect(await post(verify, { id: first.id, code: third })).toMatchObject({ status: 'approved' });

		const limited = await started(freshNumber(), { maxSends: 2, cooldown: 1 });
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		expect(await post(resend, { id: limited.id, cooldown: 1 })).toMatchObject({ status: 'pending', sends: 2 });
		await codeOf(limited.view.to ?? '');
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		expect(await post(resend, { id: limited.id, cooldown: 1 })).toMatchObject({ status: 'rate_limited', reason: expect.stringMatching(/2 sends/) });
	});

	it(`${CONCURRENT_CHECKS} concurrent wrong verifications of one code: exactly 5 counted, the rest max_attempts_reached, 0 errors`, async () => {
		const { id, code } = await started(freshNumber());
		const started_ = Date.now();
		const check = async (): Promise<OtpView> => {
			try {
				const answer = await callWebhook(n8n().webhookBaseUrl, verify, { id, code: wrong(code) });
				return answer.status === 200 ? asArray<OtpView>(answer.json)[0] : { verification_id: id, status: `http_${answer.status}` };
			} catch (error) {
				return { verification_id: id, status: 'error', error: String(error) };
			}
		};
		const answers: OtpView[] = [];
		let issued = 0;
		await Promise.all(
			Array.from({ length: IN_FLIGHT }, async () => {
				while (issued < CONCURRENT_CHECKS) {
					issued += 1;
					answers.push(await check());
				}
			}),
		);
		const seconds = (Date.now() - started_) / 1000;
		const counts: Record<string, number> = {};
		for (const answer of answers) counts[answer.status] = (counts[answer.status] ?? 0) + 1;
		console.log(`[otp ${profile}] ${CONCURRENT_CHECKS} concurrent wrong verifications (${IN_FLIGHT} in flight) in ${seconds.toFixed(1)} s (${(CONCURRENT_CHECKS / seconds).toFixed(1)}/s): ${JSON.stringify(counts)}`);
		expect(counts).toEqual({ pending: 5, max_attempts_reached: CONCURRENT_CHECKS - 5 });
		expect(answers.filter((a) => a.status === 'pending').map((a) => a.attempts_left).sort()).toEqual([0, 1, 2, 3, 4]);
		expect(await post(verify, { id, code })).toMatchObject({ status: 'max_attempts_reached' });
	}, 600_000);

	it('link verification through the Cloud Trigger: the expected number sending the token is approved once; another number is not', async () => {
		const sandboxUrl = sandbox.url;
		const path = uniquePath('otp-link');
		const linkWorkflow = webhookChain(`OTP createLink (${profile})`, path, [
			otpNode('createLink', { expectedNumber: '={{ $json.body.to }}', qrCode: true, validitySeconds: 600 }, credentials),
		]);
		const linkWorkflowId = await deployWebhookWorkflow(n8n(), linkWorkflow, path);
		const app = await sandboxAppCredential(n8n(), sandboxUrl);
		const triggerPath = uniquePath('otp-inbound');
		const triggerId = await deployTrigger(n8n(), inboundCheckWorkflow(`OTP inbound (${profile})`, triggerPath, app, credentials), triggerPath);
		const verified = await sandboxCall(sandboxUrl, 'POST', '/__sandbox/webhook-target', { url: triggerUrl(n8n(), triggerPath), verify_token: SANDBOX_VERIFY_TOKEN });
		expect(verified.status).toBe(200);
		try {
			const waId = freshNumber();
			const created = await post(path, { to: `+${waId}` });
			expect(created).toMatchObject({ status: 'pending', to: waId, verification_id: expect.stringMatching(/^otp_link_/) });
			const { link, prefilled_text: text } = created as OtpView & { link: string; prefilled_text: string };
			expect(link).toBe(`https://wa.me/15550100001?text=${encodeURIComponent(text)}`);
			const [linkExecution] = await n8n().api.listExecutions(linkWorkflowId, true);
			const binary = (linkExecution.data?.resultData?.runData?.['WhatsApp OTP'] as Array<{ data: { main: Array<Array<{ binary?: Record<string, { mimeType: string }> }>> } }>)[0].data.main[0][0].binary;
			expect(binary?.qr?.mimeType).toBe('image/png');

			// The trigger answers Meta before its execution runs, so each message waits for its own execution: the
			// intruder's must be checked before the expected number's.
			let sent = 0;
			const userSends = async (from: string, message: string) => {
				expect((await sandboxCall(sandboxUrl, 'POST', `/__sandbox/users/${from}/send-text`, { text: message })).status).toBe(201);
				await sandboxCall(sandboxUrl, 'POST', '/__sandbox/webhooks/wait-idle');
				await n8n().api.waitForExecutions(triggerId, ++sent, 90_000);
			};
			const intruder = freshNumber();
			await userSends(intruder, text);
			await userSends(waId, text);
			await userSends(waId, text);
			const executions = await exactlyExecutions(n8n(), triggerId, 3);
			const items = await Promise.all(executions.map(async (e) => await markedItem(n8n(), e.id)));
			expect(items).toHaveLength(3);
			expect(items).toEqual(expect.arrayContaining([
				expect.objectContaining({ output: 'not_approved', status: 'pending', attempts: 1, reason: expect.stringMatching(/another number/) }),
				expect.objectContaining({ output: 'approved', status: 'approved', to: waId, verification_id: created.verification_id }),
				expect.objectContaining({ output: 'not_approved', status: 'not_found', reason: expect.stringMatching(/once/) }),
			]));
		} finally {
			await pointAppCallbackAt(sandboxUrl, null);
		}
	}, 180_000);

	it('leak scan: no code appears in what the nodes output, in n8n\'s logs, or in the stored state', async () => {
		expect(codesSent.length).toBeGreaterThan(5);
		const n8nInstance = n8n();
		const sources: Record<string, string> = { 'n8n logs': readLogs(n8nInstance.logFiles) };
		// Send / resend executions hold nothing the user typed: every byte of them is scanned.
		let executions = 0;
		for (const workflowId of sendWorkflowIds) {
			for (const execution of await n8nInstance.api.listExecutions(workflowId, true)) {
				executions += 1;
				sources[`execution ${execution.id}`] = JSON.stringify(execution);
			}
		}
		// Verify executions: the Webhook node holds the code the user typed (their input); our node's output and the
		// items leaving by either output must not.
		for (const execution of await n8nInstance.api.listExecutions(verifyWorkflowId, true)) {
			executions += 1;
			const runData = (execution as unknown as { data?: { resultData?: { runData?: Record<string, unknown> } } }).data?.resultData?.runData ?? {};
			sources[`execution ${execution.id} (verify)`] = JSON.stringify(['WhatsApp OTP', 'Approved', 'Not Approved'].map((node) => runData[node] ?? null));
		}
		const tables = await allDataTableRows(n8nInstance);
		let otpRows = 0;
		for (const [name, rows] of Object.entries(tables)) {
			otpRows += rows.filter((row) => String(row.ns) === 'otp').length;
			sources[`data table ${name}`] = JSON.stringify(rows);
		}
		const found = findSecrets(codesSent, sources);
		console.log(`[otp ${profile}] leak scan: ${codesSent.length} codes sought in ${Object.keys(sources).length} sources (${executions} executions, ${Object.keys(tables).length} data tables with ${otpRows} OTP rows, n8n logs): ${found.length} found`);
		expect(otpRows).toBeGreaterThan(0);
		expect(found).toEqual([]);
		expect(findSecrets([secret], sources)).toEqual([]);
	}, 120_000);
});
