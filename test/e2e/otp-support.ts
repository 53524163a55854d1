import { readFileSync } from 'node:fs';
import type { VerificationView } from '../../nodes/shared/otp';
import type { WorkflowJson } from '../harness/n8n-api';
import { CLOUD_TRIGGER_NAME, cloudTriggerWorkflow } from './cloud-trigger-support';
import type { E2eInstance } from './harness/e2e-env';
import type { CredentialRef } from './support/credentials';
import { SANDBOX_WABA_ID } from '../sandbox/seed';
import { sandboxCloudApiCredential } from './support/credentials';
import { SandboxApi } from './support/sandbox-api';
import { asArray, callWebhook, deployWebhookWorkflow, uniquePath, webhookChain } from './support/workflows';

export const OTP_TYPE = 'n8n-nodes-whatsapp-flows.whatsAppOtp';

export interface OtpCredentials {
	otp: CredentialRef;
	cloudApi: CredentialRef;
	state?: CredentialRef;
}

/** What the node outputs (never the code), plus what the test workflows add. */
export interface OtpView extends Omit<VerificationView, 'status'> {
	/** A VerificationStatus, or what the test saw instead ("http_500", "error"). */
	status: VerificationView['status'] | (string & {});
	message_id?: string | null;
	/** Which output of Verify Code the item left by (added by the test workflow). */
	output?: 'approved' | 'not_approved';
	error?: string;
}

export function otpNode(operation: string, parameters: Record<string, unknown>, credentials: OtpCredentials, name = 'WhatsApp OTP') {
	return {
		name,
		type: OTP_TYPE,
		parameters: { resource: 'verification', operation, stateStore: credentials.state ? 'dataTable' : 'process', ...parameters },
		credentials: {
			whatsAppOtpApi: credentials.otp,
			whatsAppFlowsCloudApi: credentials.cloudApi,
			...(credentials.state ? { whatsAppFlowsStateApi: credentials.state } : {}),
		},
	};
}

/** Marks which output an item left by: a Set node keeping every field and adding `output`. */
export function outputMarker(name: string, output: string, x: number, y: number): Record<string, unknown> {
	return {
		id: name,
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [x, y],
		parameters: { mode: 'manual', assignments: { assignments: [{ id: 'o', name: 'output', value: output, type: 'string' }] }, includeOtherFields: true, options: {} },
	};
}

/** Send Code / Resend Code: POST {to | id, validity?, cooldown?, perHour?, maxSends?} → the node's item. */
export async function deploySendWorkflow(n8n: E2eInstance, operation: 'sendCode' | 'resendCode', templateId: string, credentials: OtpCredentials): Promise<{ path: string; workflowId: string }> {
	const path = uniquePath(`otp-${operation}`);
	const node = otpNode(
		operation,
		{
			to: '={{ $json.body.to }}',
			verificationId: '={{ $json.body.id }}',
			template: { __rl: true, mode: 'id', value: templateId },
			validitySeconds: '={{ $json.body.validity ?? 600 }}',
			limits: {
				cooldownSeconds: '={{ $json.body.cooldown ?? 30 }}',
				perNumberPerHour: '={{ $json.body.perHour ?? 10 }}',
				maxSends: '={{ $json.body.maxSends ?? 5 }}',
			},
		},
		credentials,
	);
	return { path, workflowId: await deployWebhookWorkflow(n8n, webhookChain(`OTP ${operation} (${n8n.name})`, path, [node]), path) };
}

/** Webhook → Verify Code → "Approved" / "Not Approved" Set nodes; n8n answers with the item of the branch that ran. */
export async function deployVerifyWorkflow(n8n: E2eInstance, credentials: OtpCredentials): Promise<{ path: string; workflowId: string }> {
	const path = uniquePath('otp-verify');
	const base = webhookChain(`OTP verifyCode (${n8n.name})`, path, [otpNode('verifyCode', { verificationId: '={{ $json.body.id }}', code: '={{ $json.body.code }}' }, credentials)]);
	const workflow: WorkflowJson = {
		...base,
		nodes: [...base.nodes, outputMarker('Approved', 'approved', 440, -100), outputMarker('Not Approved', 'not_approved', 440, 100)],
		connections: {
			...base.connections,
			'WhatsApp OTP': { main: [[{ node: 'Approved', type: 'main', index: 0 }], [{ node: 'Not Approved', type: 'main', index: 0 }]] },
		},
	};
	return { path, workflowId: await deployWebhookWorkflow(n8n, workflow, path) };
}

interface TemplateParameter {
	type: string;
	text?: string;
}

/** What the simulated user reads in the last authentication template they received: the code in its body. */
export async function lastCodeReceived(sandbox: SandboxApi, waId: string): Promise<{ code: string; buttonCode: string | undefined; count: number }> {
	const messages = await sandbox.messagesTo(waId);
	const last = messages[messages.length - 1];
	type Template = { components?: Array<{ type: string; sub_type?: string; parameters?: TemplateParameter[] }> };
	const template = ((last?.request as { template?: Template } | undefined)?.template ?? last?.content) as Template | undefined;
	const body = template?.components?.find((c) => c.type === 'body')?.parameters?.[0]?.text;
	const button = template?.components?.find((c) => c.type === 'button' && c.sub_type === 'url')?.parameters?.[0]?.text;
	if (body === undefined) throw new Error(`no authentication template received by ${waId}`);
	return { code: body, buttonCode: button, count: messages.length };
}

/** Where each secret was found: texts are searched for the code as a whole number (not inside a longer one). */
export function findSecrets(secrets: readonly string[], sources: Record<string, string>): string[] {
	const found: string[] = [];
	for (const secret of secrets) {
		const pattern = new RegExp(`(?<![0-9])${secret}(?![0-9])`);
		for (const [name, text] of Object.entries(sources)) if (pattern.test(text)) found.push(`${secret} in ${name}`);
	}
	return found;
}

export function readLogs(files: readonly string[]): string {
	return files.map((file) => { try { return readFileSync(file, 'utf8'); } catch { return ''; } }).join('\n');
}

/** Every row of every data table of the instance (the public API pages by 250). */
export async function allDataTableRows(n8n: E2eInstance): Promise<Record<string, Array<Record<string, unknown>>>> {
	const tables = await n8n.api.call<{ data: Array<{ id: string; name: string }> }>('GET', '/data-tables?limit=250');
	const result: Record<string, Array<Record<string, unknown>>> = {};
	for (const table of tables.data) {
		const rows: Array<Record<string, unknown>> = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ limit: '250', ...(cursor ? { cursor } : {}) });
			const page = await n8n.api.call<{ data: Array<Record<string, unknown>>; nextCursor?: string | null }>('GET', `/data-tables/${table.id}/rows?${query}`);
			rows.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		result[table.name] = rows;
	}
	return result;
}

/**
 * The smoke case: one execution sends a code and checks a wrong one (in-process store: the same process does both,
 * in every profile, n8n 1.x included): the user gets the template, the check leaves by "Not Approved", 4 attempts left.
 */
export async function smokeOtp(n8n: E2eInstance, sandboxUrl: string): Promise<void> {
	// Straight through n8n's API: the secret credential makes no requests (n8n 1.x's schema has no allowed-domains field for it).
	const secretName = `Smoke OTP Secret ${Date.now()}`;
	const otp = { id: await n8n.api.createCredential(secretName, 'whatsAppOtpApi', { secret: 'smoke-otp-secret-0123456789abcdef' }), name: secretName };
	const credentials = { otp, cloudApi: await sandboxCloudApiCredential(n8n, sandboxUrl) };
	const sandbox = new SandboxApi(sandboxUrl);
	const templates = await sandbox.graph<{ data: Array<{ id: string }> }>('GET', `${SANDBOX_WABA_ID}/message_templates?name=verification_code`);
	const path = uniquePath('smoke-otp');
	const base = webhookChain(`Smoke: WhatsApp OTP (${n8n.name})`, path, [
		otpNode('sendCode', { to: '={{ $json.body.to }}', template: { __rl: true, mode: 'id', value: templates.data[0].id } }, credentials, 'Send Code'),
		otpNode('verifyCode', { verificationId: '={{ $json.verification_id }}', code: 'not-the-code' }, credentials, 'Verify Code'),
	]);
	const workflow: WorkflowJson = {
		...base,
		nodes: [...base.nodes, outputMarker('Not Approved', 'not_approved', 660, 100)],
		connections: { ...base.connections, 'Verify Code': { main: [[], [{ node: 'Not Approved', type: 'main', index: 0 }]] } },
	};
	await deployWebhookWorkflow(n8n, workflow, path);
	const recipient = `1555${String(Date.now()).slice(-7)}`;
	const answer = await callWebhook(n8n.webhookBaseUrl, path, { to: `+${recipient}` });
	expect(answer.status).toBe(200);
	expect(asArray(answer.json)[0]).toMatchObject({ status: 'pending', attempts_left: 4, output: 'not_approved', to: recipient });
	expect((await lastCodeReceived(sandbox, recipient)).code).toMatch(/^[0-9]{6}$/);
}

/** The OTP login example (examples/whatsapp-otp-login.json): start, a wrong code, the right code, the right code again. */
export async function expectOtpLogin(webhookBaseUrl: string, sandbox: SandboxApi, waId: string): Promise<void> {
	const start = asArray<OtpView>((await callWebhook(webhookBaseUrl, 'example-otp-start', { phone: `+${waId}` })).json)[0];
	expect(start).toMatchObject({ verification_id: expect.stringMatching(/^otp_/), status: 'pending', expires_at: expect.any(String) });
	const { code } = await lastCodeReceived(sandbox, waId);
	const check = async (typed: string) => asArray((await callWebhook(webhookBaseUrl, 'example-otp-check', { verification_id: start.verification_id, code: typed })).json)[0];
	expect(await check(code === '000000' ? '111111' : '000000')).toEqual({ login: 'denied', status: 'pending', attempts_left: 4 });
	expect(await check(code)).toEqual({ login: 'ok', phone: waId });
	expect(await check(code)).toMatchObject({ login: 'denied', status: 'not_found' });
}

/** Cloud Trigger → Check Inbound Message → "Approved" / "Not Approved" markers. */
export function inboundCheckWorkflow(name: string, path: string, app: CredentialRef, credentials: OtpCredentials): WorkflowJson {
	const trigger = cloudTriggerWorkflow(name, path, {}, { app });
	const check = { id: 'check', position: [240, 0], typeVersion: 1, ...otpNode('checkInbound', {}, credentials) };
	return {
		...trigger,
		nodes: [...trigger.nodes, check, outputMarker('Approved', 'approved', 480, -100), outputMarker('Not Approved', 'not_approved', 480, 100)],
		connections: {
			[CLOUD_TRIGGER_NAME]: { main: [[{ node: 'WhatsApp OTP', type: 'main', index: 0 }]] },
			'WhatsApp OTP': { main: [[{ node: 'Approved', type: 'main', index: 0 }], [{ node: 'Not Approved', type: 'main', index: 0 }]] },
		},
	};
}

/** The item that left a marker node ("Approved" / "Not Approved") in one execution, if any. */
export async function markedItem(n8n: E2eInstance, executionId: string): Promise<OtpView | undefined> {
	const runData = (await n8n.api.getExecution(executionId)).data?.resultData?.runData as Record<string, Array<{ data: { main: Array<Array<{ json: OtpView }>> } }>> | undefined;
	for (const marker of ['Approved', 'Not Approved']) {
		const item = runData?.[marker]?.[0]?.data.main[0]?.[0]?.json;
		if (item) return item;
	}
	return undefined;
}
