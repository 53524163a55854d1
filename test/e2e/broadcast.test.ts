import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyFlowToken } from '../../nodes/shared/crypto/flow-token';
import type { WorkflowJson } from '../harness/n8n-api';
import { EXAMPLES_DIR } from '../harness/examples';
import { SANDBOX_FLOW_TOKEN_SECRET } from '../harness/sandbox-credentials';
import { SANDBOX_PHONE_NUMBER_ID } from '../sandbox/seed';
import { instance, loadE2eEnv, profilesAmong, type E2eProfile } from './harness/e2e-env';
import { sandboxAppCredential, sandboxCloudApiCredential } from './support/credentials';
import { deployMessageWorkflow, freshNumber, type MessageCredentials } from './support/message-workflows';
import { SandboxApi, type SandboxCall } from './support/sandbox-api';
import { asArray, callWebhook, deployWebhookWorkflow, uniquePath } from './support/workflows';

interface Outcome {
	status: 'sent' | 'failed' | 'unknown' | 'skipped' | 'cancelled';
	to: unknown;
	waId: string | null;
	messageId: string | null;
	variant: string | null;
	attempts: number;
	sentAt: string | null;
	skipReason: string | null;
	errorCode: number | null;
	errorCause: string | null;
	retrySafe: boolean | null;
	flowToken?: string;
	optOut?: boolean;
	consentEvent?: Record<string, unknown>;
}

/** The size of the fault-injection broadcast: full in the regular profile, smaller in queue mode. */
const FAULT_RUN_SIZE: Partial<Record<E2eProfile, number>> = { regular: 2000, queue: 300 };

/** Broadcasts (the send operations with "Broadcast" on), in a real n8n against the sandbox. */
describe.each(profilesAmong('regular', 'queue'))('Broadcast in real n8n (%s)', (profile) => {
	const n8n = () => instance(profile);
	const sandbox = new SandboxApi(loadE2eEnv().sandboxUrl);
	let credentials: MessageCredentials;
	const variantTemplates = { A: `promo_a_${profile}`, B: `promo_b_${profile}` };

	async function broadcast(operation: string, parameters: Record<string, unknown>, rows: Array<Record<string, unknown>>): Promise<Outcome[]> {
		const path = await deployMessageWorkflow(n8n(), operation, { broadcast: true, ...parameters }, credentials, { splitItems: true });
		const answer = await callWebhook(n8n().webhookBaseUrl, path, { items: rows });
		expect(answer.status).toBe(200);
		return asArray<Outcome>(answer.json);
	}

	beforeAll(async () => {
		credentials = { cloudApi: await sandboxCloudApiCredential(n8n(), sandbox.url), app: await sandboxAppCredential(n8n(), sandbox.url) };
		await sandbox.approvedTemplate({ name: variantTemplates.A, components: [{ type: 'BODY', text: 'Spring sale: 20% off (A)' }] });
		await sandbox.approvedTemplate({ name: variantTemplates.B, components: [{ type: 'BODY', text: 'Spring sale: 20% off (B)' }] });
	});

	afterEach(async () => {
		await sandbox.clearFaults();
	});

	it('sends only with consent, once per number, skips rows already sent, reports invalid rows, and splits A/B by weight', async () => {
		const numbers = Array.from({ length: 12 }, () => freshNumber());
		const rows: Array<Record<string, unknown>> = [
			...numbers.map((phone, i) => ({ phone: `+${phone}`, opt_in: i % 2 === 0 ? 'yes' : 'TRUE' })),
			{ phone: freshNumber(), opt_in: 'no' },
			{ phone: freshNumber() },
			{ phone: `+${numbers[0]}`, opt_in: 'yes' },
			{ phone: 'call me', opt_in: 'yes' },
			{ phone: freshNumber(), opt_in: 'yes', message_id: 'wamid.sent-last-week' },
		];
		const parameters = {
			to: '={{ $json.phone }}',
			templateName: variantTemplates.A,
			language: 'en_US',
			consent: '={{ $json.opt_in }}',
			variants: { variant: [{ name: 'A', weight: 50, templateName: variantTemplates.A }, { name: 'B', weight: 50, templateName: variantTemplates.B }] },
			broadcastOptions: { alreadySent: '={{ $json.message_id }}' },
		};
		const outcomes = await broadcast('sendTemplate', parameters, rows);
		expect(outcomes).toHaveLength(rows.length);
		expect(outcomes.map((o) => (o.status === 'skipped' ? `skipped:${o.skipReason}` : o.status))).toEqual([
			...numbers.map(() => 'sent'),
			'skipped:no_consent',
			'skipped:no_consent',
			'skipped:duplicate_recipient',
			'failed',
			'skipped:already_sent',
		]);
		expect(outcomes[15]).toMatchObject({ errorCode: null, retrySafe: true, attempts: 0 });
		expect(String(outcomes[15].errorCause)).toContain('To');
		const sent = outcomes.slice(0, 12);
		expect(new Set(sent.map((o) => o.variant))).toEqual(new Set(['A', 'B']));
		for (const outcome of sent) {
			const [message] = await sandbox.messagesTo(outcome.waId!);
			expect(message.id).toBe(outcome.messageId);
			expect((message.content as { name: string }).name).toBe(variantTemplates[outcome.variant as 'A' | 'B']);
		}
		expect((await sandbox.messagesTo(numbers[0])).length).toBe(1);

		// The same list again, with the message ids written back as the example's sheet does: nothing is sent twice.
		const again = await broadcast('sendTemplate', parameters, rows.map((row, i) => ({ ...row, message_id: row.message_id ?? outcomes[i].messageId ?? '' })));
		expect(again.slice(0, 12).every((o) => o.status === 'skipped' && o.skipReason === 'already_sent')).toBe(true);
		for (const phone of numbers) expect((await sandbox.messagesTo(phone)).length).toBe(1);
		// A recipient keeps their variant.
		const third = await broadcast('sendTemplate', { ...parameters, broadcastOptions: {} }, rows.slice(0, 12));
		expect(third.map((o) => o.variant)).toEqual(sent.map((o) => o.variant));
	});

	it('a flow broadcast carries each recipient\'s variant inside the signed flow token', async () => {
		const flows = await sandbox.call<Array<{ id: string; name: string }>>('GET', 'flows');
		const flowId = flows.find((flow) => flow.name === 'sandbox_signup')!.id;
		const numbers = Array.from({ length: 8 }, () => freshNumber());
		for (const phone of numbers) await sandbox.openWindow(phone);
		const outcomes = await broadcast(
			'sendFlow',
			{
				to: '={{ $json.phone }}',
				flowId,
				cta: 'Sign up',
				bodyText: 'Join the spring list',
				requireConsent: false,
				variants: { variant: [{ name: 'short', weight: 1, cta: 'Join' }, { name: 'long', weight: 1, cta: 'Join the list' }] },
				options: { recordId: '={{ $json.row }}' },
			},
			[...numbers.map((phone, row) => ({ phone, row: `row-${row + 2}` })), { phone: freshNumber(), row: 'x'.repeat(65) }],
		);
		// A record id too long for a signed token: that item is checked when its turn comes, nothing is sent for it.
		const tooLong = outcomes.pop()!;
		expect(tooLong).toMatchObject({ status: 'failed', attempts: 0, errorField: 'Record ID', retrySafe: true });
		expect(await sandbox.messagesTo(String(tooLong.waId))).toEqual([]);
		expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
		for (const [row, outcome] of outcomes.entries()) {
			const check = verifyFlowToken(String(outcome.flowToken), SANDBOX_FLOW_TOKEN_SECRET, { recipient: numbers[row], flowId });
			expect(check).toMatchObject({ valid: true, claims: { context: { variant: outcome.variant, recordId: `row-${row + 2}` } } });
			const [message] = await sandbox.messagesTo(numbers[row]);
			const parameters = (message.content as { action: { parameters: Record<string, unknown> } }).action.parameters;
			expect(parameters).toMatchObject({ flow_token: outcome.flowToken, flow_cta: outcome.variant === 'short' ? 'Join' : 'Join the list' });
		}
	});

	it('reports a 131050 answer as an opt-out (a consent event), not retried', async () => {
		await sandbox.addFault({ method: 'POST', pathPattern: `/${SANDBOX_PHONE_NUMBER_ID}/messages$`, status: 400, errorCode: 131050, times: 1 });
		const phone = freshNumber();
		const [outcome] = await broadcast('sendTemplate', { to: '={{ $json.phone }}', templateName: variantTemplates.A, language: 'en_US', requireConsent: false }, [{ phone }]);
		expect(outcome).toMatchObject({
			status: 'failed',
			errorCode: 131050,
			retrySafe: true,
			attempts: 1,
			optOut: true,
			consentEvent: { type: 'opt_out', scope: 'marketing', waId: phone, source: 'send_error_131050' },
		});
	});

	it('survives 20 % injected faults: every item ends in one state, retryable faults end sent, nothing is sent twice', async () => {
		const size = FAULT_RUN_SIZE[profile] ?? 300;
		const base = 16660000000 + (profile === 'regular' ? 0 : 500_000) + (Date.now() % 400) * 1000;
		const numbers = Array.from({ length: size }, (_, i) => String(base + i));
		await sandbox.call('POST', 'seed-random', { seed: 202605 });
		await sandbox.call('DELETE', 'calls');
		// Five kinds of fault at ~4.4 % each: 1 − (1 − 0.0436)^5 ≈ 20 % of calls.
		const rate = 0.0436;
		const path = `/${SANDBOX_PHONE_NUMBER_ID}/messages$`;
		const faultKinds: Record<string, string> = {};
		for (const [kind, fault] of Object.entries({
			'http-429': { status: 429 },
			throughput: { preset: 'throughput' },
			'pair-rate': { preset: 'pair-rate' },
			'server-error': { preset: 'service-unavailable' },
			timeout: { timeout: true, latencyMs: 1500 },
		})) {
			faultKinds[await sandbox.addFault({ method: 'POST', pathPattern: path, rate, ...fault })] = kind;
		}
		const started = Date.now();
		const outcomes = await broadcast(
			'sendTemplate',
			{ to: '={{ $json.phone }}', templateName: variantTemplates.A, language: 'en_US', requireConsent: false, broadcastOptions: { requestTimeoutSeconds: 10 } },
			numbers.map((phone) => ({ phone })),
		);
		const seconds = (Date.now() - started) / 1000;
		await sandbox.clearFaults();

		expect(outcomes).toHaveLength(size);
		const callsByNumber = new Map<string, SandboxCall[]>();
		for (const call of await sandbox.sendCalls()) {
			const to = String((call.body as { to?: string }).to ?? '').replace(/\D/g, '');
			callsByNumber.set(to, [...(callsByNumber.get(to) ?? []), call]);
		}
		const accepted = new Map<string, number>();
		for (const message of await sandbox.allMessages()) accepted.set(message.waId, (accepted.get(message.waId) ?? 0) + 1);

		const counts: Record<string, number> = {};
		let faulted = 0;
		for (const [index, outcome] of outcomes.entries()) {
			const phone = numbers[index];
			counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
			expect(['sent', 'failed', 'unknown']).toContain(outcome.status);
			expect(outcome.waId).toBe(phone);
			const calls = callsByNumber.get(phone) ?? [];
			const faults = calls.filter((call) => call.status !== 200);
			if (faults.length > 0) faulted++;
			const timedOut = faults.some((call) => call.faultId !== undefined && faultKinds[call.faultId] === 'timeout');
			// No number messaged twice; a sent item is exactly the one message the sandbox accepted.
			expect(accepted.get(phone) ?? 0).toBe(outcome.status === 'sent' ? 1 : 0);
			expect(outcome.attempts).toBe(calls.length);
			if (timedOut) {
				// An answer-less failure is never repeated: it is the item's last call, and its outcome is "unknown".
				expect(outcome).toMatchObject({ status: 'unknown', retrySafe: false });
				expect(calls[calls.length - 1].status).toBeNull();
			} else {
				expect(outcome.status).toBe('sent');
			}
		}
		expect((counts.sent ?? 0) + (counts.unknown ?? 0)).toBe(size);
		console.log(
			`[broadcast ${profile}] ${size} items in ${seconds.toFixed(1)} s: ${JSON.stringify(counts)}; ${faulted} items met a fault; ` +
				`${[...callsByNumber.values()].reduce((sum, calls) => sum + calls.length, 0)} calls`,
		);
	});

	it('the example workflow (scheduled broadcast from a sheet), with the sheet stood in for, writes back one status per row', async () => {
		for (const variant of ['a', 'b']) {
			const body = { type: 'BODY', text: `Hi {{1}}, spring sale: 20% off (${variant})`, example: { body_text: [['Ada']] } };
			await sandbox.approvedTemplate({ name: `spring_sale_${variant}`, components: [body] });
		}
		const path = uniquePath('example-broadcast');
		const workflow = exampleWithStandIns(path, credentials.cloudApi.id);
		await deployWebhookWorkflow(n8n(), workflow, path);
		const rows = [
			{ row_number: 2, phone: freshNumber(), first_name: 'Ada', opt_in: 'yes', message_id: '' },
			{ row_number: 3, phone: freshNumber(), first_name: 'Grace', opt_in: 'no', message_id: '' },
			{ row_number: 4, phone: freshNumber(), first_name: 'Alan', opt_in: 'yes', message_id: 'wamid.earlier' },
			{ row_number: 5, phone: freshNumber(), first_name: '', opt_in: 'Yes', message_id: '' },
		];
		const answer = await callWebhook(n8n().webhookBaseUrl, path, { rows });
		const written = asArray<Record<string, string | number>>(answer.json);
		expect(written.map((row) => [row.row_number, row.status])).toEqual([
			[2, 'sent'],
			[3, 'skipped: no_consent'],
			[5, 'sent'],
		]);
		const [toAda] = await sandbox.messagesTo(String(rows[0].phone));
		expect(written[0]).toMatchObject({ message_id: toAda.id, variant: expect.stringMatching(/^[AB]$/), error: '' });
		expect((toAda.content as { name: string }).name).toBe(written[0].variant === 'A' ? 'spring_sale_a' : 'spring_sale_b');
		expect(JSON.stringify(toAda.content)).toContain('Ada');
		const [toNoName] = await sandbox.messagesTo(String(rows[3].phone));
		expect(JSON.stringify(toNoName.content)).toContain('there');
	});
});

/**
 * examples/whatsapp-broadcast-from-sheet.json as it stands, except: a webhook instead of the schedule, a Code node
 * named "Read Rows" answering the posted rows instead of Google Sheets, and a Set node with the Write Status node's
 * column mapping instead of the sheet update.
 */
function exampleWithStandIns(path: string, cloudApiCredentialId: string): WorkflowJson {
	const text = readFileSync(join(EXAMPLES_DIR, 'whatsapp-broadcast-from-sheet.json'), 'utf8').replace('{{credential:whatsAppFlowsCloudApi}}', cloudApiCredentialId);
	type ExampleNode = Record<string, unknown> & { name: string; type: string; parameters: Record<string, unknown> };
	const workflow = JSON.parse(text) as { name: string; nodes: ExampleNode[]; connections: Record<string, unknown>; settings?: Record<string, unknown> };
	const schedule = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger')!;
	const nodes = workflow.nodes.map((node) => {
		if (node === schedule) {
			return { ...node, type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: `${path}-id`, parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} } };
		}
		if (node.name === 'Read Rows') {
			return { ...node, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: 'return $input.first().json.body.rows.map((row) => ({ json: row }));' } };
		}
		if (node.name === 'Write Status') {
			const mapping = (node.parameters.columns as { value: Record<string, string> }).value;
			const assignments = Object.entries(mapping).map(([name, value], i) => ({ id: `a${i}`, name, value, type: name === 'row_number' ? 'number' : 'string' }));
			return { ...node, type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'manual', assignments: { assignments }, includeOtherFields: false, options: {} } };
		}
		return node;
	});
	return { ...workflow, name: `Example broadcast (${path})`, nodes };
}
