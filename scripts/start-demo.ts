// The README's start command (after install and build): a real n8n on http://localhost:5678 with our nodes, the
// Cloud API sandbox, credentials pre-filled for the sandbox and the example workflows imported and active.
// Ctrl+C (or SIGTERM) stops everything it started. Run through scripts/start.sh.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR, importExamples } from '../test/harness/examples';
import { startN8n } from '../test/harness/n8n-instance';
import { OWNER } from '../test/harness/n8n-owner';
import { RUN_DIR } from '../test/harness/paths';
import { createSandboxCredentials, demoFlowKeyPair } from '../test/harness/sandbox-credentials';
import { createEndpointFlow, sendEndpointFlowMessage, uploadFlowPublicKey } from '../test/harness/sandbox-flows';
import { SANDBOX_APP_SECRET } from '../test/sandbox/seed';
import { startSandbox } from '../test/sandbox/server';

export const DEMO_N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
export const DEMO_SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 5690);
/** The folder under .n8n-run/ (the e2e test of this command uses its own). */
const DEMO_NAME = process.env.DEMO_NAME ?? 'demo';

/** The simulated WhatsApp user the demo sends the booking flow to. */
const DEMO_USER = '15550100099';

/**
 * Publishes the example Flows in the sandbox with their endpoints at this n8n (publishing pings them, as Meta does)
 * and sends the booking flow to the demo user.
 */
async function publishExampleFlows(sandboxUrl: string, publicKeyPem: string): Promise<{ booking: string; kyc: string }> {
	await uploadFlowPublicKey(sandboxUrl, publicKeyPem);
	const flow = async (name: string, file: string, path: string, categories: string[]) =>
		await createEndpointFlow(sandboxUrl, {
			name,
			flowJson: readFileSync(join(EXAMPLES_DIR, 'flows', file), 'utf8'),
			endpointUri: `http://localhost:${DEMO_N8N_PORT}/webhook/${path}`,
			categories,
		});
	const booking = await flow('Appointment booking', 'appointment-booking.flow.json', 'appointment-booking', ['APPOINTMENT_BOOKING']);
	const kyc = await flow('KYC onboarding', 'kyc-onboarding.flow.json', 'kyc-onboarding', ['SIGN_UP']);
	await sendEndpointFlowMessage(sandboxUrl, DEMO_USER, booking, `demo-${Date.now()}`);
	return { booking, kyc };
}

async function main(): Promise<void> {
	// The demo lets free-form messages through without the 24-hour customer-service window, so the example sends
	// arrive; the tests keep the window on, as the Cloud API does.
	const sandbox = await startSandbox({ port: DEMO_SANDBOX_PORT, config: { messaging: { enforceWindow: false } } });
	let stopN8n: () => Promise<void> = async () => undefined;
	let stopping = false;
	const stop = async (code: number): Promise<void> => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox…');
		await stopN8n();
		await sandbox.close();
		process.exit(code);
	};
	process.once('SIGINT', () => void stop(0));
	process.once('SIGTERM', () => void stop(0));

	try {
		console.log(`Cloud API sandbox on ${sandbox.url}; starting n8n (about 30 s)…`);
		const n8n = await startN8n({ name: DEMO_NAME, major: 2, profile: 'regular', basePort: DEMO_N8N_PORT });
		stopN8n = () => n8n.stop();
		const keys = demoFlowKeyPair();
		const demoDir = join(RUN_DIR, DEMO_NAME);
		mkdirSync(demoDir, { recursive: true });
		writeFileSync(join(demoDir, 'flow-endpoint-public-key.pem'), keys.publicKeyPem);
		const credentials = await createSandboxCredentials(n8n, sandbox.url, keys.privateKeyPem);
		const workflows = await importExamples(n8n.api, credentials);
		const flows = await publishExampleFlows(sandbox.url, keys.publicKeyPem);
		console.log(
			[
				'',
				`n8n is ready: http://localhost:${DEMO_N8N_PORT}  (log in as ${OWNER.email} / ${OWNER.password})`,
				`Cloud API sandbox: ${sandbox.url}  (what it received: ${sandbox.url}/__sandbox/calls)`,
				`Example workflows imported and active: ${Object.keys(workflows).join(', ')}`,
				`Try: curl -X POST localhost:${DEMO_N8N_PORT}/webhook/example-send-text -H 'content-type: application/json' -d '{"to":"+15550100099","text":"Hi"}'`,
				`Flow endpoints: http://localhost:${DEMO_N8N_PORT}/webhook/appointment-booking and …/webhook/kyc-onboarding`,
				`  demo public key: ${join(demoDir, 'flow-endpoint-public-key.pem')}; sandbox app secret (X-Hub-Signature-256): ${SANDBOX_APP_SECRET}`,
				`  published in the sandbox as flows ${flows.booking} (booking) and ${flows.kyc} (KYC); the booking flow was sent to +${DEMO_USER}.`,
				`  Be that user: curl -X POST ${sandbox.url}/__sandbox/users/${DEMO_USER}/flow/open-last  (then …/flow/fill, …/flow/press-footer)`,
				'Press Ctrl+C to stop n8n and the sandbox.',
				'READY',
			].join('\n'),
		);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		await stop(1);
	}
}

void main();
