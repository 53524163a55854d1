// Benchmark of the WhatsApp Flow data-exchange endpoint (issue 4, item 7), all in one run:
//   1. crypto per request: our core vs Meta's reference way (PEM parsed per request) vs a bare RSA-OAEP decrypt;
//   2. a real n8n 2.x (regular, SQLite) at concurrency 1 and 16: (a) our endpoint, (b) Webhook → Set (n8n's floor),
//      (c) Webhook → Code node crypto → Respond to Webhook (what users do today);
//   3. ping and cached INIT against (b) and against n8n's no-execution ceiling.
// Steps 2 and 3 run once per n8n configuration (--configs), each a fresh n8n with the same execution saving.
// Prints Markdown tables with ratios against the baselines measured in the same run, and the machine's load.
//   npm run bench:flow-endpoint -- [--configs default,lazy,legacy] [--rounds 3] [--slice-seconds 5]
//       [--min-requests 170] [--concurrency 1,16] [--only a,b,c,ping,init,ceiling] [--n8n-env NAME=value ...]
//       [--skip-crypto] [--trigger-version 1.1] [--out file.md]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { flowEndpointCredentials } from '../../test/e2e/flow-endpoint-support';
import { deployWebhookWorkflow } from '../../test/e2e/support/workflows';
import { startN8n, type N8nInstance } from '../../test/harness/n8n-instance';
import { N8N_VERSIONS, nodeBinFor, REPO_ROOT } from '../../test/harness/paths';
import { demoFlowKeyPair } from '../../test/harness/sandbox-credentials';
import { buildTestkit } from '../../test/harness/testkit-build';
import { ALL_TARGETS, prepareRequests, TARGETS, targetPath, type Target } from './bench-targets';
import { BENCH_PATHS, BENCH_WORKFLOW_SETTINGS, codeNodeWorkflow, endpointWorkflow, noExecutionWorkflow, webhookSetWorkflow } from './bench-workflows';
import { keepAliveAgent, runClosedLoop } from './closed-loop';
import type { CryptoBenchResult } from './flow-crypto';
import { CORES } from './machine-load';
import { figuresOf, runCells, type Cell, type SliceOptions } from './n8n-cells';
import { figureKey, loadGoals, printCeilingRatios, printCells, printCrypto, type FigureMap } from './print-results';
import { goalCell, goalText, Printout, table, type Goal } from './report';

const E2E_PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 600);
const N8N_BASE_PORT = 5700 + E2E_PORT_OFFSET;

/** n8n settings compared; execution saving is the same in all. */
const N8N_CONFIGS: Record<string, { what: string; env: Record<string, string> }> = {
	default: {
		what: "n8n's defaults: expression engine `vm`; n8n takes a fresh expression isolate for every execution and for every webhook request to a trigger other than its own Webhook node",
		env: {},
	},
	lazy: {
		what: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true: an isolate only when an expression is actually evaluated (same `vm` engine and sandbox)',
		env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	},
	legacy: {
		what: "N8N_EXPRESSION_ENGINE=legacy: no isolates (n8n 1.x's in-process expression evaluation)",
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
};

interface Options extends SliceOptions {
	configs: string[];
	concurrencies: number[];
	out?: string;
	n8nEnv: Record<string, string>;
	skipCrypto: boolean;
	only: Target[];
	triggerVersion: number;
}

function parseOptions(argv: string[]): Options {
	const options: Options = {
		configs: ['default', 'lazy'],
		rounds: 3,
		sliceMs: 5_000,
		minRequests: 170,
		maxSliceMs: 20_000,
		warmupMs: 1_000,
		concurrencies: [1, 16],
		n8nEnv: {},
		skipCrypto: false,
		only: ALL_TARGETS,
		triggerVersion: 1.1,
	};
	for (let k = 0; k < argv.length; k += 1) {
		const flag = argv[k];
		const value = () => {
			k += 1;
			if (argv[k] === undefined) throw new Error(`${flag} needs a value`);
			return argv[k];
		};
		const list = () => value().split(',').map((item) => item.trim()).filter(Boolean);
		if (flag === '--configs') options.configs = list();
		else if (flag === '--rounds') options.rounds = Number(value());
		else if (flag === '--slice-seconds') options.sliceMs = Number(value()) * 1000;
		else if (flag === '--max-slice-seconds') options.maxSliceMs = Number(value()) * 1000;
		else if (flag === '--min-requests') options.minRequests = Number(value());
		else if (flag === '--concurrency') options.concurrencies = list().map(Number);
		else if (flag === '--only') options.only = list().filter((name): name is Target => name in TARGETS);
		else if (flag === '--out') options.out = value();
		else if (flag === '--skip-crypto') options.skipCrypto = true;
		else if (flag === '--trigger-version') options.triggerVersion = Number(value());
		else if (flag === '--n8n-env') {
			const [name, ...rest] = value().split('=');
			options.n8nEnv[name] = rest.join('=');
		} else throw new Error(`unknown option ${flag}`);
	}
	const unknown = options.configs.filter((name) => !(name in N8N_CONFIGS));
	if (unknown.length) throw new Error(`unknown --configs ${unknown.join(', ')} (known: ${Object.keys(N8N_CONFIGS).join(', ')})`);
	return options;
}

function cryptoIn(nodeBin: string): CryptoBenchResult {
	const text = execFileSync(nodeBin, ['-r', './test/sandbox/ts-register.cjs', 'scripts/bench/flow-crypto.ts', '--json'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		maxBuffer: 10 * 1024 * 1024,
	});
	return JSON.parse(text.trim().split('\n').pop() ?? '') as CryptoBenchResult;
}

/** Failed executions are saved (saveDataErrorExecution=all): what the first one says. */
async function lastExecutionError(n8n: N8nInstance, workflowId: string | undefined): Promise<string> {
	if (workflowId === undefined) return 'no workflow';
	const failed = (await n8n.api.listExecutions(workflowId, true)).find((execution) => execution.status === 'error');
	if (!failed) return 'no failed execution was saved';
	const runData = failed.data?.resultData?.runData ?? {};
	const nodeErrors = Object.entries(runData).flatMap(([node, runs]) =>
		(runs as Array<{ error?: { message?: string } }>).flatMap((run) => (run.error?.message ? [`${node}: ${run.error.message}`] : [])),
	);
	return `execution ${failed.id} failed: ${nodeErrors.join('; ') || failed.data?.resultData?.error?.message || 'no message'}`;
}

/** One fresh n8n with this configuration: deploy, check and warm every workflow, measure the cells. */
async function benchConfig(out: Printout, config: string, options: Options, stopOnSignal: (stop: () => Promise<void>) => void): Promise<FigureMap> {
	const node24 = nodeBinFor(2);
	const keys = demoFlowKeyPair();
	console.error(`[${config}] starting n8n…`);
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
			...N8N_CONFIGS[config].env,
			...options.n8nEnv,
		},
	});
	stopOnSignal(() => n8n.stop());
	try {
		const credentials = await flowEndpointCredentials(n8n, 'http://127.0.0.1:9', keys);
		const workflowIds: Record<string, string> = {};
		const deploy = async (workflow: Parameters<typeof deployWebhookWorkflow>[1], path: string) => {
			workflowIds[path] = await deployWebhookWorkflow(n8n, workflow, path);
		};
		await deploy(endpointWorkflow(BENCH_PATHS.endpoint, credentials, false, options.triggerVersion), BENCH_PATHS.endpoint);
		await deploy(endpointWorkflow(BENCH_PATHS.endpointCached, credentials, true, options.triggerVersion), BENCH_PATHS.endpointCached);
		await deploy(webhookSetWorkflow(BENCH_PATHS.webhookSet), BENCH_PATHS.webhookSet);
		await deploy(codeNodeWorkflow(BENCH_PATHS.codeNode, keys.privateKeyPem), BENCH_PATHS.codeNode);
		await deploy(noExecutionWorkflow(BENCH_PATHS.noExecution), BENCH_PATHS.noExecution);

		const requests = await prepareRequests(credentials);
		const url = (target: Target) => `${n8n.webhookBaseUrl}/webhook/${targetPath(target)}`;

		// Every workflow answers correctly before anything is timed; the first INIT fills the response cache.
		console.error(`[${config}] checking every workflow and warming up…`);
		for (const target of options.only) {
			const agent = keepAliveAgent(4);
			const warm = await runClosedLoop(url(target), requests[target], { concurrency: 4, minMs: 3_000, minRequests: 50, maxMs: 30_000 }, agent);
			agent.destroy();
			if (warm.latenciesMs.length !== warm.completed) {
				const why = await lastExecutionError(n8n, workflowIds[targetPath(target)]);
				throw new Error(`${TARGETS[target]} answered wrongly during warm-up: ${JSON.stringify(warm.failures)}; ${why} (log: ${n8n.logFiles.join(', ')})`);
			}
		}

		console.error(`[${config}] measuring…`);
		const cells: Cell[] = options.concurrencies.flatMap((concurrency) =>
			options.only.map((target) => ({ target, concurrency, url: url(target), requests: requests[target] })),
		);
		const results = await runCells(n8n, cells, options);
		const figures: FigureMap = new Map();
		for (const [cell, slices] of results) figures.set(figureKey(cell.target, cell.concurrency), figuresOf(slices));

		out.print(`## n8n configuration "${config}"`);
		out.print();
		out.print(`${N8N_CONFIGS[config].what}.`);
		out.print();
		printCells(out, figures, options.concurrencies);
		printCeilingRatios(out, figures, options.concurrencies);
		return figures;
	} finally {
		await n8n.stop();
	}
}

function printHeader(out: Printout, options: Options): void {
	const node24 = nodeBinFor(2);
	out.print(`# WhatsApp Flow endpoint benchmark — ${new Date().toISOString()}`);
	out.print();
	out.print(`- machine: ${CORES} cores (${cpus()[0]?.model ?? 'unknown CPU'}), shared with other engineers' test runs; load average at the start ${loadavg().map((v) => v.toFixed(1)).join(' / ')}`);
	out.print(`- n8n ${N8N_VERSIONS[2]}, regular mode, SQLite; Node ${execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()} for n8n and its task runner`);
	out.print(
		'- execution saving, the same throughout: EXECUTIONS_DATA_SAVE_ON_SUCCESS=none, and every workflow sets ' +
			Object.entries(BENCH_WORKFLOW_SETTINGS).map(([name, value]) => `${name}=${String(value)}`).join(', '),
	);
	out.print("- Code node (c): NODE_FUNCTION_ALLOW_BUILTIN=crypto — n8n 2.x's task runner refuses require('crypto') without it (\"Module 'crypto' is disallowed\")");
	out.print(`- WhatsApp Flow Endpoint trigger typeVersion ${options.triggerVersion}`);
	out.print(`- n8n configurations: ${options.configs.join(', ')}${Object.keys(options.n8nEnv).length ? `; in all of them also ${Object.entries(options.n8nEnv).map(([n, v]) => `${n}=${v}`).join(', ')}` : ''}`);
	out.print(
		`- load: closed loop at concurrency ${options.concurrencies.join(' and ')}, ${options.rounds} rounds alternating the cells' order; per cell and round ` +
			`${options.warmupMs / 1000} s warm-up, then ≥ ${options.sliceMs / 1000} s and ≥ ${options.minRequests} requests (≤ ${options.maxSliceMs / 1000} s)`,
	);
	out.print();
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const out = new Printout();
	const started = Date.now();
	printHeader(out, options);

	let cryptoGoals: Goal[] = [];
	if (!options.skipCrypto) {
		console.error('crypto per request (about a minute per runtime)…');
		cryptoGoals = printCrypto(out, [
			{ runtime: 'n8n 2.x runtime', result: cryptoIn(nodeBinFor(2)) },
			{ runtime: 'n8n 1.x runtime', result: cryptoIn(process.execPath) },
		]);
	}

	buildTestkit();
	let stopRunning: () => Promise<void> = async () => undefined;
	process.once('SIGINT', () => void stopRunning().then(() => process.exit(130)));
	const goalsByConfig = new Map<string, Goal[]>();
	for (const config of options.configs) {
		const figures = await benchConfig(out, config, options, (stop) => (stopRunning = stop));
		goalsByConfig.set(config, loadGoals(figures, options.concurrencies));
	}

	out.print('## Goals');
	out.print();
	if (cryptoGoals.length) out.print(table(['figure', 'goal', 'measured'], cryptoGoals.map((goal) => [goal.what, goalText(goal), goalCell(goal)])));
	out.print();
	const configs = [...goalsByConfig.keys()];
	const reference = goalsByConfig.get(configs[0]) ?? [];
	out.print(
		table(
			['figure', 'goal', ...configs.map((config) => `n8n "${config}"`)],
			reference.map((goal) => [goal.what, goalText(goal), ...configs.map((config) => goalCell(goalsByConfig.get(config)?.find((g) => g.what === goal.what)))]),
		),
	);
	out.print();
	out.print('(CPU …): the same comparison on n8n\'s CPU per request, which other processes on the machine disturb far less than req/s.');
	out.print();
	out.print(`Finished ${new Date().toISOString()} after ${((Date.now() - started) / 60_000).toFixed(1)} min; load average ${loadavg().map((v) => v.toFixed(1)).join(' / ')}.`);
	if (options.out) writeFileSync(options.out, out.text());
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
