// Benchmark (not a test): the WhatsApp Cloud Trigger against what n8n's built-in WhatsApp Trigger does, rebuilt
// from n8n's own nodes (the built-in trigger cannot activate offline: it fetches a token from a hard-coded Meta URL):
// a Webhook node (raw body) → a Code node that checks X-Hub-Signature-256 with HMAC-SHA256 and splits the changes
// into items. Both run in one real n8n 2.x (regular mode, executions saved), fed the same signed POSTs.
//
// It prints, per workload: Meta's answer time (p50 / p95: Meta asks a median ≤ 250 ms, whatsapp/cloud-api/guides/
// set-up-webhooks), answered events/s, completed executions/s and processed events/s, and the ratio ours ÷ baseline.
//
//   npm run build && node -r ./test/sandbox/ts-register.cjs scripts/bench/cloud-trigger.ts
//   BENCH_PORT_OFFSET=200 BENCH_TRIGGER_VERSION=1 BENCH_SMALL=300 BENCH_BATCHES=20 … (defaults below)
import { createHmac } from 'node:crypto';
import type { WorkflowJson } from '../../test/harness/n8n-api';
import { startN8n, type N8nInstance } from '../../test/harness/n8n-instance';
import { createCredentialIn, sandboxAppData } from '../../test/harness/sandbox-credentials';
import { SANDBOX_APP_SECRET } from '../../test/sandbox/seed';
import { batchOfTexts, DEFAULT_FIXTURE_IDS } from '../../test/fixtures/webhooks/meta-webhooks';

const OFFSET = Number(process.env.BENCH_PORT_OFFSET ?? process.env.E2E_PORT_OFFSET ?? 0);
const SMALL_POSTS = Number(process.env.BENCH_SMALL ?? 300);
const SMALL_CONCURRENCY = Number(process.env.BENCH_SMALL_CONCURRENCY ?? 8);
const BATCH_POSTS = Number(process.env.BENCH_BATCHES ?? 20);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 1000);
const BATCH_CONCURRENCY = Number(process.env.BENCH_BATCH_CONCURRENCY ?? 2);
const WARM_UP = 20;
/** 1.1 (the default of new nodes) skips n8n's per-request expression of version-1 webhook nodes; 1 shows its cost. */
const TRIGGER_VERSION = Number(process.env.BENCH_TRIGGER_VERSION ?? 1.1);
/** Extra n8n settings for experiments, e.g. BENCH_N8N_ENV='{"N8N_EXPRESSION_ENGINE":"legacy"}'. */
const EXTRA_ENV = JSON.parse(process.env.BENCH_N8N_ENV ?? '{}') as Record<string, string>;

/** What n8n's WhatsApp Trigger does per request: HMAC of the raw body (compared as text), one item per change. */
const BASELINE_CODE = `
const crypto = require('crypto');
const secret = ${JSON.stringify(SANDBOX_APP_SECRET)};
const raw = await this.helpers.getBinaryDataBuffer(0, 'data');
const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(raw).digest('hex');
if ($input.first().json.headers['x-hub-signature-256'] !== expected) return [];
const body = JSON.parse(raw.toString('utf8'));
const out = [];
for (const entry of body.entry || []) for (const change of entry.changes || []) out.push({ json: { ...change.value, field: change.field } });
return out;
`;

function baselineWorkflow(path: string): WorkflowJson {
	return {
		name: 'Bench: Webhook → Code (HMAC + split)',
		nodes: [
			{
				id: 'webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${path}-id`,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: { rawBody: true } },
			},
			{ id: 'code', name: 'Check and Split', type: 'n8n-nodes-base.code', typeVersion: 2, position: [240, 0], parameters: { jsCode: BASELINE_CODE } },
		],
		connections: { Webhook: { main: [[{ node: 'Check and Split', type: 'main', index: 0 }]] } },
	};
}

function triggerWorkflow(path: string, appCredential: { id: string; name: string }): WorkflowJson {
	return {
		name: 'Bench: WhatsApp Cloud Trigger',
		nodes: [
			{
				id: 'trigger',
				name: 'WhatsApp Cloud Trigger',
				type: 'n8n-nodes-whatsapp-flows.whatsAppCloudTrigger',
				typeVersion: TRIGGER_VERSION,
				position: [0, 0],
				webhookId: `${path}-id`,
				parameters: { path, registration: 'manual', dedupe: 'process' },
				credentials: { whatsAppFlowsAppApi: appCredential },
			},
		],
		connections: {},
	};
}

let seq = 0;
function signedBatch(size: number): { body: string; signature: string } {
	seq += 1;
	const body = JSON.stringify(batchOfTexts({ ...DEFAULT_FIXTURE_IDS, seq: `b${process.pid}x${seq}` }, size));
	return { body, signature: `sha256=${createHmac('sha256', SANDBOX_APP_SECRET).update(body).digest('hex')}` };
}

async function waitForWebhook(url: string): Promise<void> {
	for (let i = 0; i < 150; i++) {
		const response = await fetch(url, { method: 'OPTIONS', headers: { origin: 'http://localhost', 'access-control-request-method': 'POST' } });
		if (response.status === 204) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${url} was not registered`);
}

interface RunResult {
	answersMs: number[];
	answeredAtMs: number;
	completedAtMs: number;
	executions: number;
	events: number;
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Sends `posts` signed POSTs of `size` events with `concurrency` in flight; waits for every execution to finish. */
async function run(n8n: N8nInstance, workflowId: string, url: string, posts: number, size: number, concurrency: number): Promise<RunResult> {
	const before = (await n8n.api.listExecutions(workflowId)).length;
	const bodies = Array.from({ length: posts }, () => signedBatch(size));
	const answersMs: number[] = [];
	const started = performance.now();
	const startedWall = Date.now();
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < bodies.length) {
				const { body, signature } = bodies[next++];
				const t0 = performance.now();
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
				await response.arrayBuffer();
				answersMs.push(performance.now() - t0);
				if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
			}
		}),
	);
	const answeredAtMs = performance.now() - started;
	let finished: Array<{ stoppedAt: string | null; status: string }> = [];
	for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
		finished = (await n8n.api.listExecutions(workflowId)).filter((e) => e.stoppedAt !== null);
		if (finished.length >= before + posts) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const fresh = finished.filter((e) => Date.parse(e.stoppedAt ?? '') >= startedWall - 1_000);
	const failed = fresh.filter((e) => e.status !== 'success').length;
	if (failed > 0) throw new Error(`${failed} executions did not succeed`);
	const lastStopped = Math.max(...fresh.map((e) => Date.parse(e.stoppedAt ?? '')));
	return { answersMs, answeredAtMs, completedAtMs: lastStopped - startedWall, executions: fresh.length, events: posts * size };
}

function describe(result: RunResult) {
	return {
		p50: percentile(result.answersMs, 50),
		p95: percentile(result.answersMs, 95),
		answeredEventsPerS: result.events / (result.answeredAtMs / 1000),
		executionsPerS: result.executions / (result.completedAtMs / 1000),
		eventsPerS: result.events / (result.completedAtMs / 1000),
	};
}

function row(name: string, d: ReturnType<typeof describe>): string {
	return `| ${name} | ${d.p50.toFixed(1)} ms | ${d.p95.toFixed(1)} ms | ${d.answeredEventsPerS.toFixed(0)} | ${d.executionsPerS.toFixed(1)} | ${d.eventsPerS.toFixed(0)} |`;
}

async function main(): Promise<void> {
	console.log(`Starting n8n 2.x (regular, executions saved) on port ${6600 + OFFSET}…`);
	const n8n = await startN8n({ name: `bench-cloud-trigger${OFFSET ? `-${OFFSET}` : ''}`, major: 2, profile: 'regular', basePort: 6600 + OFFSET, env: { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto', ...EXTRA_ENV } });
	try {
		const app = { id: await createCredentialIn(n8n, 'Bench Meta App', 'whatsAppFlowsAppApi', sandboxAppData('http://127.0.0.1:9')), name: 'Bench Meta App' };
		const ours = { path: `bench-ours-${Date.now()}`, id: '' };
		const base = { path: `bench-baseline-${Date.now()}`, id: '' };
		ours.id = await n8n.api.importAndActivate(triggerWorkflow(ours.path, app));
		base.id = await n8n.api.importAndActivate(baselineWorkflow(base.path));
		const url = (path: string) => `${n8n.webhookBaseUrl}/webhook/${path}`;
		await waitForWebhook(url(ours.path));
		await waitForWebhook(url(base.path));
		for (const [id, path] of [[ours.id, ours.path], [base.id, base.path]]) await run(n8n, id, url(path), WARM_UP, 1, 4);

		const lines = [
			`n8n 2.40.7 regular (SQLite), executions saved${Object.keys(EXTRA_ENV).length ? `, ${JSON.stringify(EXTRA_ENV)}` : ''}; ${new Date().toISOString()}`,
			'',
			'| workload / workflow | answer p50 | answer p95 | answered events/s | completed executions/s | processed events/s |',
			'|---|---|---|---|---|---|',
		];
		const ratios: string[] = [];
		const workloads = [
			[`${SMALL_POSTS} POSTs × 1 event, ${SMALL_CONCURRENCY} in flight`, SMALL_POSTS, 1, SMALL_CONCURRENCY],
			[`${BATCH_POSTS} POSTs × ${BATCH_SIZE} changes, ${BATCH_CONCURRENCY} in flight`, BATCH_POSTS, BATCH_SIZE, BATCH_CONCURRENCY],
		] as const;
		for (const [index, [label, posts, size, concurrency]] of workloads.entries()) {
			// Alternate the order so neither side always runs on a warmer (or fuller) n8n.
			const runBaseline = async () => describe(await run(n8n, base.id, url(base.path), posts, size, concurrency));
			const runTrigger = async () => describe(await run(n8n, ours.id, url(ours.path), posts, size, concurrency));
			let baseline: ReturnType<typeof describe>;
			let trigger: ReturnType<typeof describe>;
			if (index % 2 === 0) {
				baseline = await runBaseline();
				trigger = await runTrigger();
			} else {
				trigger = await runTrigger();
				baseline = await runBaseline();
			}
			lines.push(row(`${label}: WhatsApp Cloud Trigger`, trigger), row(`${label}: Webhook → Code`, baseline));
			ratios.push(
				`${label}: processed events/s ${(trigger.eventsPerS / baseline.eventsPerS).toFixed(2)}×, completed executions/s ${(trigger.executionsPerS / baseline.executionsPerS).toFixed(2)}×, ` +
					`answered events/s ${(trigger.answeredEventsPerS / baseline.answeredEventsPerS).toFixed(2)}×, answer p50 ${(baseline.p50 / trigger.p50).toFixed(2)}× as fast (${trigger.p50.toFixed(1)} vs ${baseline.p50.toFixed(1)} ms)`,
			);
		}
		console.log(['', ...lines, '', 'Ratios (WhatsApp Cloud Trigger ÷ Webhook → Code; > 1 is better for the trigger):', ...ratios.map((r) => `- ${r}`)].join('\n'));
	} finally {
		await n8n.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
