// Benchmark of the WhatsApp Flow data-exchange endpoint (issue 4, item 7), all in one run:
//   1. crypto per request: our core vs Meta's reference way (PEM parsed per request) vs a bare RSA-OAEP decrypt;
//   2. a real n8n 2.x (regular, SQLite) at concurrency 1 and 16: (a) our endpoint, (b) Webhook → Set (n8n's floor),
//      (c) Webhook → Code node crypto → Respond to Webhook (what users do today);
//   3. ping and cached INIT against (b) and against n8n's no-execution ceiling.
// Prints Markdown tables with ratios against the baselines measured in the same run, and the machine's load.
//   npm run bench:flow-endpoint -- [--rounds 3] [--slice-seconds 5] [--min-requests 170] [--out file.md]
//                                  [--n8n-env NAME=value ...] [--skip-crypto] [--only a,b,c,ping,init,ceiling]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { flowEndpointCredentials, type FlowEndpointCredentials } from '../../test/e2e/flow-endpoint-support';
import { deployWebhookWorkflow } from '../../test/e2e/support/workflows';
import { startN8n, type N8nInstance } from '../../test/harness/n8n-instance';
import { N8N_VERSIONS, nodeBinFor, REPO_ROOT } from '../../test/harness/paths';
import { demoFlowKeyPair } from '../../test/harness/sandbox-credentials';
import { buildTestkit } from '../../test/harness/testkit-build';
import { openAnswer, sealRequest, signatureHeader } from '../../test/sandbox/client/flow-crypto';
import { importRsaOaepPublicKey } from '../../test/sandbox/client/web-crypto';
import { BENCH_PATHS, BENCH_WORKFLOW_SETTINGS, codeNodeWorkflow, endpointWorkflow, NEXT_SCREEN, noExecutionWorkflow, webhookSetWorkflow } from './bench-workflows';
import { keepAliveAgent, runClosedLoop, type LoadSlice, type PreparedRequest } from './closed-loop';
import { CRYPTO_VARIANTS, type CryptoBenchResult } from './flow-crypto';
import { cpuSnapshot, cpuUseBetween, CORES, type CpuUse } from './machine-load';
import { goalRow, num, percentile, ratio, table, type Goal } from './report';

const E2E_PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 600);
const N8N_BASE_PORT = 5700 + E2E_PORT_OFFSET;

interface Options {
	rounds: number;
	sliceMs: number;
	minRequests: number;
	maxSliceMs: number;
	warmupMs: number;
	concurrencies: number[];
	out?: string;
	n8nEnv: Record<string, string>;
	skipCrypto: boolean;
	/** Measure only these workflows (all by default). */
	only?: Target[];
}

function parseOptions(argv: string[]): Options {
	const options: Options = {
		rounds: 3,
		sliceMs: 5_000,
		minRequests: 170,
		maxSliceMs: 20_000,
		warmupMs: 1_000,
		concurrencies: [1, 16],
		n8nEnv: {},
		skipCrypto: false,
	};
	for (let k = 0; k < argv.length; k += 1) {
		const value = () => {
			k += 1;
			if (argv[k] === undefined) throw new Error(`${argv[k - 1]} needs a value`);
			return argv[k];
		};
		switch (argv[k]) {
			case '--rounds': options.rounds = Number(value()); break;
			case '--slice-seconds': options.sliceMs = Number(value()) * 1000; break;
			case '--min-requests': options.minRequests = Number(value()); break;
			case '--max-slice-seconds': options.maxSliceMs = Number(value()) * 1000; break;
			case '--concurrency': options.concurrencies = value().split(',').map(Number); break;
			case '--out': options.out = value(); break;
			case '--skip-crypto': options.skipCrypto = true; break;
			case '--only': options.only = value().split(',').filter((name): name is Target => name in TARGETS); break;
			case '--n8n-env': {
				const [name, ...rest] = value().split('=');
				options.n8nEnv[name] = rest.join('=');
				break;
			}
			default: throw new Error(`unknown option ${argv[k]}`);
		}
	}
	return options;
}

const output: string[] = [];
function print(text = ''): void {
	console.log(text);
	output.push(text);
}

// ---------------------------------------------------------------- 1. crypto per request

function cryptoIn(nodeBin: string): CryptoBenchResult {
	const text = execFileSync(nodeBin, ['-r', './test/sandbox/ts-register.cjs', 'scripts/bench/flow-crypto.ts', '--json'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		maxBuffer: 10 * 1024 * 1024,
	});
	return JSON.parse(text.trim().split('\n').pop() ?? '') as CryptoBenchResult;
}

function printCrypto(results: Array<{ runtime: string; result: CryptoBenchResult }>): Goal[] {
	print('## 1. Crypto per request (decrypt + encrypt), CPU µs per request');
	print();
	print(Object.entries(CRYPTO_VARIANTS).map(([name, what]) => `- ${name}: ${what}`).join('\n'));
	print();
	const rows: string[][] = [];
	const goals: Goal[] = [];
	for (const { runtime, result } of results) {
		for (const set of result.sets) {
			const { cpuUs, cpuOverBare } = set;
			rows.push([
				`${runtime} (${result.node}, OpenSSL ${result.openssl})`,
				set.keyFormat,
				num(cpuUs.bare),
				num(cpuUs.minimal),
				num(cpuUs.core),
				num(cpuUs.executed),
				num(cpuUs.reference),
				ratio(cpuOverBare.reference / cpuOverBare.core),
				ratio(cpuOverBare.core),
				ratio(cpuOverBare.core / cpuOverBare.minimal),
				ratio(cpuOverBare.executed),
			]);
			// The goals are judged on the runtime n8n 2.x runs on, with the key format Meta's keyGenerator writes.
			if (runtime.startsWith('n8n 2') && set.keyFormat === 'pkcs1-des3') {
				goals.push({ what: `crypto: reference / core (${result.node}, ${set.keyFormat})`, value: cpuOverBare.reference / cpuOverBare.core, comparison: '≥', target: 3 });
				goals.push({ what: `crypto: core / bare RSA decrypt (${result.node}, ${set.keyFormat})`, value: cpuOverBare.core, comparison: '≤', target: 1.15 });
			}
		}
	}
	print(
		table(
			['runtime', 'key', 'bare', 'minimal', 'core', 'executed', 'reference', 'reference/core', 'core/bare', 'core/minimal', 'executed/bare'],
			rows,
		),
	);
	print();
	print(
		`Medians of ${results[0]?.result.rounds ?? 0} rounds of ${results[0]?.result.opsPerSlice ?? 0} requests per variant, variants rotated each round; ` +
			'ratios are medians of the per-round ratios. Requests: Meta\'s known-answer vectors, reproduced by every variant first.',
	);
	print();
	return goals;
}

// ---------------------------------------------------------------- 2./3. n8n cells

type Target = 'a' | 'b' | 'c' | 'ping' | 'init' | 'ceiling';

const TARGETS: Record<Target, string> = {
	a: '(a) our endpoint: Flow Endpoint → Respond to WhatsApp Flow',
	b: '(b) Webhook → Set, respond when last node finishes',
	c: '(c) Webhook → Code (Meta example crypto) → Respond to Webhook',
	ping: 'ping, answered by the trigger',
	init: 'cached INIT, answered by the trigger',
	ceiling: 'no-execution ceiling (test trigger answers in webhook())',
};

interface Cell {
	target: Target;
	concurrency: number;
	url: string;
	requests: PreparedRequest[];
}

interface CellResult {
	slices: Array<LoadSlice & { cpu: CpuUse; round: number }>;
}

const POOL_SIZE = 64;
const SIGNED_HEADERS = { 'content-type': 'application/json' };

async function sealedPool(
	payload: (index: number) => Record<string, unknown>,
	credentials: FlowEndpointCredentials,
	check: (status: number, text: string, open: (text: string) => Promise<unknown>) => Promise<string | undefined>,
): Promise<PreparedRequest[]> {
	const publicKey = await importRsaOaepPublicKey(credentials.publicKeyPem);
	return await Promise.all(
		Array.from({ length: POOL_SIZE }, async (_, index) => {
			const sealed = await sealRequest(payload(index), publicKey);
			const open = async (text: string) => {
				const opened = await openAnswer(text, sealed.aesKey, sealed.iv);
				return opened.ok ? (JSON.parse(opened.text) as unknown) : undefined;
			};
			return {
				headers: { ...SIGNED_HEADERS, 'x-hub-signature-256': await signatureHeader(sealed.rawBody, credentials.appSecret) },
				body: sealed.rawBody,
				check: (status: number, text: string) => check(status, text, open),
			};
		}),
	);
}

function isNextScreen(answer: unknown): boolean {
	return typeof answer === 'object' && answer !== null && (answer as { screen?: unknown }).screen === NEXT_SCREEN.screen;
}

async function prepareRequests(credentials: FlowEndpointCredentials): Promise<Record<Target, PreparedRequest[]>> {
	const screenRequest = (index: number) => ({
		version: '3.0',
		action: 'data_exchange',
		screen: 'DETAILS',
		data: { department: 'cardiology', location: 'downtown', date: '2030-01-02' },
		flow_token: `bench-flow-token-${index}`,
	});
	const encryptedScreen = (status: number, text: string, open: (text: string) => Promise<unknown>) =>
		status !== 200 ? Promise.resolve(`HTTP ${status}`) : open(text).then((answer) => (isNextScreen(answer) ? undefined : 'wrong or undecryptable answer'));
	const plainScreen = async (status: number, text: string) => {
		if (status !== 200) return `HTTP ${status}`;
		const json = JSON.parse(text) as unknown;
		return isNextScreen(Array.isArray(json) ? json[0] : json) ? undefined : 'wrong answer';
	};
	const ping = () => ({ version: '3.0', action: 'ping' });
	const active = (status: number, text: string, open: (text: string) => Promise<unknown>) =>
		status !== 200
			? Promise.resolve(`HTTP ${status}`)
			: open(text).then((answer) => ((answer as { data?: { status?: string } } | undefined)?.data?.status === 'active' ? undefined : 'wrong ping answer'));
	const screens = await sealedPool(screenRequest, credentials, encryptedScreen);
	return {
		a: screens,
		b: screens.map((request) => ({ ...request, check: plainScreen })),
		c: screens,
		ping: await sealedPool(ping, credentials, active),
		init: await sealedPool((index) => ({ version: '3.0', action: 'INIT', flow_token: `bench-flow-token-${index}` }), credentials, encryptedScreen),
		ceiling: await sealedPool(ping, credentials, async (status, text) => (status === 200 && text === 'ok' ? undefined : `HTTP ${status}`)),
	};
}

function targetPath(target: Target): string {
	switch (target) {
		case 'a':
		case 'ping':
			return BENCH_PATHS.endpoint;
		case 'init':
			return BENCH_PATHS.endpointCached;
		case 'b':
			return BENCH_PATHS.webhookSet;
		case 'c':
			return BENCH_PATHS.codeNode;
		case 'ceiling':
			return BENCH_PATHS.noExecution;
	}
}

async function runCells(n8n: N8nInstance, cells: Cell[], options: Options): Promise<Map<Cell, CellResult>> {
	const results = new Map<Cell, CellResult>(cells.map((cell) => [cell, { slices: [] }]));
	for (let round = 1; round <= options.rounds; round += 1) {
		// Alternate the order each round, so a slow spell of the shared machine does not always hit the same cells.
		const order = round % 2 === 1 ? cells : [...cells].reverse();
		for (const cell of order) {
			const agent = keepAliveAgent(cell.concurrency);
			await runClosedLoop(cell.url, cell.requests, { concurrency: cell.concurrency, minMs: options.warmupMs, minRequests: 0, maxMs: options.warmupMs }, agent);
			const before = cpuSnapshot(n8n.processIds);
			const slice = await runClosedLoop(
				cell.url,
				cell.requests,
				{ concurrency: cell.concurrency, minMs: options.sliceMs, minRequests: options.minRequests, maxMs: options.maxSliceMs },
				agent,
			);
			const cpu = cpuUseBetween(before, cpuSnapshot(n8n.processIds));
			agent.destroy();
			results.get(cell)?.slices.push({ ...slice, cpu, round });
			const failed = slice.completed - slice.latenciesMs.length;
			console.error(
				`  round ${round} ${cell.target.padEnd(7)} c=${String(cell.concurrency).padEnd(2)} ${num((slice.latenciesMs.length / slice.elapsedMs) * 1000).padStart(6)} req/s` +
					`${failed > 0 ? `  ${failed} FAILED ${JSON.stringify(slice.failures)}` : ''}  load ${cpu.loadAverage1m.toFixed(1)}, others ${cpu.otherCores.toFixed(2)} cores`,
			);
		}
	}
	return results;
}

interface CellFigures {
	reqPerSec: number;
	p50: number;
	p99: number;
	requests: number;
	failures: number;
	n8nCpuMsPerRequest: number;
	n8nCores: number;
	otherCores: number;
	roundRates: number[];
}

function figuresOf(result: CellResult): CellFigures {
	const latencies = result.slices.flatMap((slice) => slice.latenciesMs).sort((a, b) => a - b);
	const elapsedMs = result.slices.reduce((sum, slice) => sum + slice.elapsedMs, 0);
	const completed = result.slices.reduce((sum, slice) => sum + slice.completed, 0);
	const n8nMs = result.slices.reduce((sum, slice) => sum + slice.cpu.n8nMs, 0);
	const weighted = (pick: (cpu: CpuUse) => number) => result.slices.reduce((sum, slice) => sum + pick(slice.cpu) * slice.elapsedMs, 0) / elapsedMs;
	return {
		reqPerSec: (latencies.length / elapsedMs) * 1000,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		requests: latencies.length,
		failures: completed - latencies.length,
		n8nCpuMsPerRequest: n8nMs / Math.max(1, completed),
		n8nCores: weighted((cpu) => cpu.n8nCores),
		otherCores: weighted((cpu) => cpu.otherCores),
		roundRates: result.slices.map((slice) => (slice.latenciesMs.length / slice.elapsedMs) * 1000),
	};
}

function printCells(cells: Cell[], results: Map<Cell, CellResult>, options: Options): Map<string, CellFigures> {
	const figures = new Map<string, CellFigures>();
	for (const cell of cells) {
		const result = results.get(cell);
		if (result) figures.set(`${cell.target}@${cell.concurrency}`, figuresOf(result));
	}
	print('## 2./3. Real n8n: requests per second and latency (ms)');
	print();
	const rows: string[][] = [];
	for (const target of Object.keys(TARGETS) as Target[]) {
		for (const concurrency of options.concurrencies) {
			const f = figures.get(`${target}@${concurrency}`);
			if (!f) continue;
			rows.push([
				TARGETS[target],
				String(concurrency),
				num(f.reqPerSec),
				f.roundRates.map(num).join(' / '),
				num(f.p50),
				num(f.p99),
				num(f.n8nCpuMsPerRequest),
				num(f.n8nCores),
				num(f.otherCores),
				String(f.requests),
				String(f.failures),
			]);
		}
	}
	print(
		table(
			['workflow', 'c', 'req/s', 'req/s per round', 'p50', 'p99', 'n8n CPU ms/req', 'n8n cores', 'others\' cores', 'requests', 'failed'],
			rows,
		),
	);
	print();
	print(
		'n8n CPU ms/req: CPU of the n8n process group (task runner included) over the requests answered. ' +
			`n8n / others' cores: average CPU use of the ${CORES}-core machine by the n8n under test and by every other process (not this client) during the measured slices.`,
	);
	print();
	return figures;
}

function loadGoals(figures: Map<string, CellFigures>, options: Options): Goal[] {
	const goals: Goal[] = [];
	const get = (target: Target, concurrency: number) => figures.get(`${target}@${concurrency}`);
	for (const concurrency of options.concurrencies) {
		const a = get('a', concurrency);
		const b = get('b', concurrency);
		const c = get('c', concurrency);
		const ping = get('ping', concurrency);
		const init = get('init', concurrency);
		const ceiling = get('ceiling', concurrency);
		if (!a || !b || !c || !ping || !init || !ceiling) continue;
		goals.push({ what: `c=${concurrency}: (a) / (b) req/s`, value: a.reqPerSec / b.reqPerSec, comparison: '≥', target: 0.9 });
		goals.push({ what: `c=${concurrency}: (a) / (c) req/s`, value: a.reqPerSec / c.reqPerSec, comparison: '≥', target: 1 });
		if (concurrency === 1) goals.push({ what: 'c=1: p50 (a) / p50 (b)', value: a.p50 / b.p50, comparison: '≤', target: 1.1 });
		goals.push({ what: `c=${concurrency}: ping / (b) req/s`, value: ping.reqPerSec / b.reqPerSec, comparison: '≥', target: 10 });
		goals.push({ what: `c=${concurrency}: cached INIT / (b) req/s`, value: init.reqPerSec / b.reqPerSec, comparison: '≥', target: 5 });
	}
	return goals;
}

function printCeilingRatios(figures: Map<string, CellFigures>, options: Options): void {
	const rows: string[][] = [];
	for (const concurrency of options.concurrencies) {
		const ceiling = figures.get(`ceiling@${concurrency}`);
		if (!ceiling) continue;
		for (const target of ['ping', 'init', 'a', 'b'] as Target[]) {
			const f = figures.get(`${target}@${concurrency}`);
			if (f) rows.push([`c=${concurrency}`, TARGETS[target], ratio(f.reqPerSec / ceiling.reqPerSec), ratio(f.p50 / ceiling.p50)]);
		}
	}
	print('### Against n8n\'s no-execution ceiling');
	print();
	print(table(['c', 'workflow', 'req/s / ceiling', 'p50 / ceiling'], rows));
	print();
}

// ---------------------------------------------------------------- main

/** Failed executions are saved (saveDataErrorExecution=all): the first one's error message. */
async function lastExecutionError(n8n: N8nInstance, workflowId: string | undefined): Promise<string> {
	if (workflowId === undefined) return 'no workflow';
	const executions = await n8n.api.listExecutions(workflowId, true);
	const failed = executions.find((execution) => execution.status === 'error');
	if (!failed) return 'no failed execution was saved';
	const runData = failed.data?.resultData?.runData ?? {};
	const nodeErrors = Object.entries(runData).flatMap(([node, runs]) =>
		(runs as Array<{ error?: { message?: string } }>).flatMap((run) => (run.error?.message ? [`${node}: ${run.error.message}`] : [])),
	);
	return `execution ${failed.id} failed: ${nodeErrors.join('; ') || failed.data?.resultData?.error?.message || 'no message'}`;
}

function machineLine(): string {
	const model = cpus()[0]?.model ?? 'unknown CPU';
	return `${CORES} cores (${model}), shared with other engineers' test runs`;
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const node24 = nodeBinFor(2);
	const startedAt = new Date();
	print(`# WhatsApp Flow endpoint benchmark — ${startedAt.toISOString()}`);
	print();
	print(`- machine: ${machineLine()}`);
	print(`- n8n ${N8N_VERSIONS[2]}, regular mode, SQLite; Node ${execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()} for n8n and its task runner`);
	print(
		'- execution saving, the same throughout: EXECUTIONS_DATA_SAVE_ON_SUCCESS=none, and every workflow sets ' +
			Object.entries(BENCH_WORKFLOW_SETTINGS).map(([name, value]) => `${name}=${String(value)}`).join(', '),
	);
	print(`- Code node: NODE_FUNCTION_ALLOW_BUILTIN=crypto (n8n 2.x's task runner refuses require('crypto') without it)`);
	const extraEnv = Object.entries(options.n8nEnv).map(([name, value]) => `${name}=${value}`);
	print(`- other n8n settings: ${extraEnv.length ? extraEnv.join(', ') : 'n8n defaults'}`);
	print(
		`- load: closed loop at concurrency ${options.concurrencies.join(' and ')}, ${options.rounds} rounds alternating the order; per cell and round ` +
			`${options.warmupMs / 1000} s warm-up, then ≥ ${options.sliceMs / 1000} s and ≥ ${options.minRequests} requests (≤ ${options.maxSliceMs / 1000} s)`,
	);
	print();

	const goals: Goal[] = [];
	if (!options.skipCrypto) {
		console.error('crypto per request (about a minute per runtime)…');
		goals.push(
			...printCrypto([
				{ runtime: 'n8n 2.x runtime', result: cryptoIn(node24) },
				{ runtime: 'n8n 1.x runtime', result: cryptoIn(process.execPath) },
			]),
		);
	}

	console.error('starting n8n…');
	buildTestkit();
	const keys = demoFlowKeyPair();
	const n8n = await startN8n({
		name: 'bench-flow-endpoint',
		major: 2,
		profile: 'regular',
		basePort: N8N_BASE_PORT,
		saveSuccessfulExecutions: false,
		withTestkit: true,
		env: {
			// n8n starts its task runner with the `node` on PATH: the same Node as n8n, as in n8n's own image.
			PATH: `${dirname(node24)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
			NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
			...options.n8nEnv,
		},
	});
	const stop = async () => {
		await n8n.stop();
	};
	process.once('SIGINT', () => void stop().then(() => process.exit(130)));
	try {
		const credentials = await flowEndpointCredentials(n8n, 'http://127.0.0.1:9', keys);
		const workflowIds: Record<string, string> = {
			[BENCH_PATHS.endpoint]: await deployWebhookWorkflow(n8n, endpointWorkflow(BENCH_PATHS.endpoint, credentials), BENCH_PATHS.endpoint),
			[BENCH_PATHS.endpointCached]: await deployWebhookWorkflow(n8n, endpointWorkflow(BENCH_PATHS.endpointCached, credentials, true), BENCH_PATHS.endpointCached),
			[BENCH_PATHS.webhookSet]: await deployWebhookWorkflow(n8n, webhookSetWorkflow(BENCH_PATHS.webhookSet), BENCH_PATHS.webhookSet),
			[BENCH_PATHS.codeNode]: await deployWebhookWorkflow(n8n, codeNodeWorkflow(BENCH_PATHS.codeNode, keys.privateKeyPem), BENCH_PATHS.codeNode),
			[BENCH_PATHS.noExecution]: await deployWebhookWorkflow(n8n, noExecutionWorkflow(BENCH_PATHS.noExecution), BENCH_PATHS.noExecution),
		};
		const targets = (Object.keys(TARGETS) as Target[]).filter((target) => options.only?.includes(target) ?? true);

		const requests = await prepareRequests(credentials);
		const url = (target: Target) => `${n8n.webhookBaseUrl}/webhook/${targetPath(target)}`;
		const cells: Cell[] = [];
		for (const concurrency of options.concurrencies) {
			for (const target of targets) cells.push({ target, concurrency, url: url(target), requests: requests[target] });
		}

		// Every workflow answers correctly before anything is timed; the first INIT fills the response cache.
		console.error('checking every workflow and warming up…');
		for (const target of targets) {
			const agent = keepAliveAgent(4);
			const warm = await runClosedLoop(url(target), requests[target], { concurrency: 4, minMs: 3_000, minRequests: 50, maxMs: 30_000 }, agent);
			agent.destroy();
			if (warm.latenciesMs.length !== warm.completed) {
				const why = await lastExecutionError(n8n, workflowIds[targetPath(target)]);
				throw new Error(`${TARGETS[target]} answered wrongly during warm-up: ${JSON.stringify(warm.failures)}; ${why} (log: ${n8n.logFiles.join(', ')})`);
			}
		}

		console.error('measuring…');
		const results = await runCells(n8n, cells, options);
		const figures = printCells(cells, results, options);
		printCeilingRatios(figures, options);
		goals.push(...loadGoals(figures, options));
	} finally {
		await stop();
	}

	print('## Goals');
	print();
	print(table(['figure', 'measured', 'goal', ''], goals.map(goalRow)));
	print();
	print(`Finished ${new Date().toISOString()} (${((Date.now() - startedAt.getTime()) / 60_000).toFixed(1)} min).`);
	if (options.out) writeFileSync(options.out, `${output.join('\n')}\n`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
