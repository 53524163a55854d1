import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { N8nApi } from '../harness/n8n-api';
import { ensureOwner } from '../harness/n8n-owner';
import { REPO_ROOT } from '../harness/paths';
import { waitForTcp } from '../harness/processes';
import { E2E_PORT_OFFSET, E2E_RUN_SUFFIX } from './harness/e2e-env';
import { asArray, callWebhook } from './support/workflows';

const N8N_PORT = 5820 + E2E_PORT_OFFSET;
const SANDBOX_PORT = 5830 + E2E_PORT_OFFSET;

/** The README's start command (after its install and build steps, which the test command has already run). */
describe('the start command', () => {
	it('brings up n8n with our nodes, the sandbox and the active examples, and Ctrl+C stops all of it', async () => {
		const child = spawn(process.execPath, ['-r', './test/sandbox/ts-register.cjs', join('scripts', 'start-demo.ts')], {
			cwd: REPO_ROOT,
			env: { ...process.env, N8N_PORT: String(N8N_PORT), SANDBOX_PORT: String(SANDBOX_PORT), DEMO_NAME: `e2e-start-command${E2E_RUN_SUFFIX}` },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		try {
			const deadline = Date.now() + 240_000;
			while (!output.includes('READY') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 250));
			expect(output).toContain('READY');

			const baseUrl = `http://127.0.0.1:${N8N_PORT}`;
			const api = new N8nApi(baseUrl, '', await ensureOwner(baseUrl));
			const nodeTypes = (await api.nodeTypes()).map((t) => t.name);
			expect(nodeTypes).toContain('n8n-nodes-whatsapp-flows.whatsAppFlows');

			const sent = await callWebhook(baseUrl, 'example-send-text', { to: '+15550100098', text: 'Hi from the start command test' });
			expect(asArray(sent.json)[0]).toMatchObject({ status: 'sent', waId: '15550100098' });
			const received = (await (await fetch(`http://127.0.0.1:${SANDBOX_PORT}/__sandbox/messages?to=15550100098`)).json()) as unknown;
			expect(JSON.stringify(received)).toContain('Hi from the start command test');

			// The booking flow is published against the demo's endpoint and waiting for the demo user.
			const opened = await fetch(`http://127.0.0.1:${SANDBOX_PORT}/__sandbox/users/15550100099/flow/open-last`, { method: 'POST', body: '{}' });
			expect(((await opened.json()) as { screen?: { id?: string } }).screen?.id).toBe('APPOINTMENT');
		} finally {
			child.kill('SIGINT');
			await exited;
		}
		await expect(waitForTcp(N8N_PORT, { timeoutMs: 1_000, what: 'stopped n8n' })).rejects.toThrow();
		await expect(waitForTcp(SANDBOX_PORT, { timeoutMs: 1_000, what: 'stopped sandbox' })).rejects.toThrow();
	});
});
