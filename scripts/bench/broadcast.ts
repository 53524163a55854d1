// Broadcast benchmark (a script, not a test): 10,000 template messages from a real n8n to the Cloud API sandbox,
// which answers every send after 50 ms. Prints, for the WhatsApp Flows node in broadcast mode and beside it for
// n8n's HTTP Request node with its batching options (how users send today), the achieved rate against the configured
// one, the time to the first send, 130429 refusals, and n8n's extra peak memory.
//
//   npm run build && node -r ./test/sandbox/ts-register.cjs scripts/bench/broadcast.ts
//   BENCH_RECIPIENTS=2000 BENCH_RATES=80 BENCH_BASE_PORT=6600 … (smaller or other runs)
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { splitBodyItems, webhookChain, type NodeSpec } from '../../test/e2e/support/workflows';
import { startN8n, type N8nInstance } from '../../test/harness/n8n-instance';
import { createCredentialIn, sandboxCloudApiData } from '../../test/harness/sandbox-credentials';
import { startSandbox, type Sandbox } from '../../test/sandbox/server';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_PHONE_NUMBER_ID } from '../../test/sandbox/seed';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const RATES = (process.env.BENCH_RATES ?? '80,1000').split(',').map(Number);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const BASE_PORT = Number(process.env.BENCH_BASE_PORT ?? 6600);
/** "flows,http" (default) or one of them. */
const SENDERS = (process.env.BENCH_SENDERS ?? 'flows,http').split(',');
/** A folder for V8 CPU profiles of the n8n processes (written when n8n stops). */
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;
const FIRST_NUMBER = 17770000000;

interface Run {
	label: string;
	configured: number;
	sent: number;
	refused130429: number;
	firstSendAfterS: number;
	sendSpanS: number;
	/** From the first accepted message to the one at 99 %: the span without the last stragglers. */
	p99SpanS: number;
	achieved: number;
	totalS: number;
	mainExtraMb: number;
	treeExtraMb: number;
	/** CPU time of n8n's main process ÷ the run's duration: 1.0 = one core busy all the time. */
	n8nCores: number;
	/** The same for this process, where the sandbox runs. */
	sandboxCores: number;
	loadBefore: number;
}

/** utime + stime of a process, in seconds (Linux clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return 0;
	}
}

// ---- memory of the n8n process tree (Linux /proc) ----

function rssKb(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

function descendants(root: number): number[] {
	const parents = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// the process ended meanwhile
		}
	}
	const tree = [root];
	for (let i = 0; i < tree.length; i++) for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
	return tree;
}

function listeningPid(port: number): number {
	const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
	const match = /pid=(\d+)/.exec(out);
	if (!match) throw new Error(`nothing listens on port ${port}`);
	return Number(match[1]);
}

class MemorySampler {
	private timer: NodeJS.Timeout | undefined;
	peakMain = 0;
	peakTree = 0;
	/** RSS of the freshly started n8n, idle: each run's peak is measured against it (not against the run before). */
	idle = { main: 0, tree: 0 };

	constructor(readonly pid: number) {}

	measureIdle(): void {
		const samples = [0, 1, 2, 3, 4].map(() => this.sample());
		this.idle = { main: Math.min(...samples.map((s) => s.main)), tree: Math.min(...samples.map((s) => s.tree)) };
	}

	sample(): { main: number; tree: number } {
		const main = rssKb(this.pid);
		const tree = descendants(this.pid).reduce((sum, pid) => sum + rssKb(pid), 0);
		this.peakMain = Math.max(this.peakMain, main);
		this.peakTree = Math.max(this.peakTree, tree);
		return { main, tree };
	}

	start(): void {
		this.peakMain = 0;
		this.peakTree = 0;
		this.timer = setInterval(() => this.sample(), 100);
	}

	stop(): void {
		clearInterval(this.timer);
	}
}

// ---- workflows ----

function broadcastNode(rate: number, credentialId: string): NodeSpec {
	return {
		name: 'WhatsApp Flows Broadcast',
		type: 'n8n-nodes-whatsapp-flows.whatsAppFlows',
		typeVersion: 1,
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			to: '={{ $json.phone }}',
			templateName: 'hello_world',
			language: 'en_US',
			broadcast: true,
			consent: '={{ $json.opt_in }}',
			broadcastOptions: { messagesPerSecond: rate },
		},
		credentials: { whatsAppFlowsCloudApi: { id: credentialId, name: 'Sandbox' } },
	};
}

/** n8n's HTTP Request node with its batching option: `rate` requests, then a one-second pause. */
function httpRequestNode(rate: number, sandboxUrl: string): NodeSpec {
	return {
		name: 'HTTP Request (batching)',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}/v25.0/${SANDBOX_PHONE_NUMBER_ID}/messages`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${SANDBOX_ACCESS_TOKEN}` }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				"={{ JSON.stringify({ messaging_product: 'whatsapp', to: $json.phone, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }) }}",
			options: { batching: { batch: { batchSize: rate, batchInterval: 1000 } }, response: { response: { neverError: true } } },
		},
		continueOnFail: true,
	};
}

// ---- one run ----

async function measure(n8n: N8nInstance, sandbox: Sandbox, sampler: MemorySampler, label: string, rate: number, sender: NodeSpec): Promise<Run> {
	sandbox.state.reset();
	sandbox.state.config = { ...sandbox.state.config, webhooks: { ...sandbox.state.config.webhooks, statuses: false }, messaging: { ...sandbox.state.config.messaging, throughputMps: rate } };
	sandbox.state.addFault({ pathPattern: '/messages$', latencyMs: LATENCY_MS });
	const path = `bench-${label.replace(/\W+/g, '-').toLowerCase()}-${rate}-${Date.now()}`;
	await n8n.api.importAndActivate(webhookChain(`Bench ${label} ${rate}`, path, [splitBodyItems, sender]));
	await new Promise((resolve) => setTimeout(resolve, 3000));

	const { main: baseMain, tree: baseTree } = sampler.idle;
	const loadBefore = loadavg()[0];
	const cpuBefore = cpuSeconds(sampler.pid);
	const ownBefore = process.cpuUsage();
	sampler.start();
	const started = Date.now();
	const response = await fetch(`${n8n.webhookBaseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items: Array.from({ length: RECIPIENTS }, (_, i) => ({ phone: `+${FIRST_NUMBER + i}`, opt_in: 'yes' })) }),
	});
	const items = (await response.json()) as Array<Record<string, unknown>>;
	const counts: Record<string, number> = {};
	for (const item of Array.isArray(items) ? items : [items]) {
		const status = String(item.status ?? (item.messages ? 'sent' : 'error'));
		counts[status] = (counts[status] ?? 0) + 1;
	}
	const finished = Date.now();
	sampler.stop();
	const n8nCpu = cpuSeconds(sampler.pid) - cpuBefore;
	const own = process.cpuUsage(ownBefore);

	const accepted = sandbox.state.messages().map((m) => Date.parse(m.at)).sort((a, b) => a - b);
	const refused = sandbox.state.calls({ method: 'POST', path: '/messages' }).filter((c) => c.status === 400).length;
	const span = (accepted[accepted.length - 1] - accepted[0]) / 1000;
	const achieved = accepted.length > 1 ? (accepted.length - 1) / span : 0;
	console.log(`  ${label} @ ${rate}/s: n8n answered ${JSON.stringify(counts)}`);
	return {
		label,
		configured: rate,
		sent: accepted.length,
		refused130429: refused,
		firstSendAfterS: (accepted[0] - started) / 1000,
		sendSpanS: span,
		p99SpanS: (accepted[Math.floor((accepted.length - 1) * 0.99)] - accepted[0]) / 1000,
		achieved,
		totalS: (finished - started) / 1000,
		mainExtraMb: (sampler.peakMain - baseMain) / 1024,
		treeExtraMb: (sampler.peakTree - baseTree) / 1024,
		n8nCores: n8nCpu / ((finished - started) / 1000),
		sandboxCores: (own.user + own.system) / 1e6 / ((finished - started) / 1000),
		loadBefore,
	};
}

function table(runs: Run[]): string {
	const header = ['sender', 'configured/s', 'sent', '130429', 'first send after', 'send span (99 %)', 'achieved/s', 'achieved ÷ configured', 'total', 'peak RSS over idle n8n: main (tree)', 'CPU n8n / sandbox (cores)', 'load before'];
	const rows = runs.map((r) => [
		r.label,
		String(r.configured),
		String(r.sent),
		String(r.refused130429),
		`${r.firstSendAfterS.toFixed(1)} s`,
		`${r.sendSpanS.toFixed(1)} s (${r.p99SpanS.toFixed(1)} s)`,
		r.achieved.toFixed(1),
		(r.achieved / r.configured).toFixed(3),
		`${r.totalS.toFixed(1)} s`,
		`${r.mainExtraMb.toFixed(0)} MB (${r.treeExtraMb.toFixed(0)} MB)`,
		`${r.n8nCores.toFixed(2)} / ${r.sandboxCores.toFixed(2)}`,
		r.loadBefore.toFixed(1),
	]);
	return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({ port: BASE_PORT + 90 });
	let n8n: N8nInstance | undefined;
	try {
		console.log(`Broadcast benchmark: ${RECIPIENTS} recipients, sandbox latency ${LATENCY_MS} ms, rates ${RATES.join(', ')}/s; starting n8n…`);
		n8n = await startN8n({
			name: 'bench-broadcast',
			major: 2,
			profile: 'regular',
			basePort: BASE_PORT,
			...(CPU_PROFILE_DIR ? { env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${CPU_PROFILE_DIR}` } } : {}),
		});
		const credentialId = await createCredentialIn(n8n, 'Sandbox', 'whatsAppFlowsCloudApi', sandboxCloudApiData(sandbox.url));
		const sampler = new MemorySampler(listeningPid(BASE_PORT));
		sampler.measureIdle();
		const runs: Run[] = [];
		for (const rate of RATES) {
			if (SENDERS.includes('flows')) runs.push(await measure(n8n, sandbox, sampler, 'WhatsApp Flows (broadcast)', rate, broadcastNode(rate, credentialId)));
			if (SENDERS.includes('http')) runs.push(await measure(n8n, sandbox, sampler, 'HTTP Request (batching)', rate, httpRequestNode(rate, sandbox.url)));
		}
		console.log(`\n${RECIPIENTS} recipients, ${LATENCY_MS} ms API latency, n8n ${n8n.major}.x regular (SQLite), ${cpus().length} cores\n`);
		console.log(table(runs));
	} finally {
		await n8n?.stop();
		await sandbox.close();
	}
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
