// The benchmark's tables: crypto per request, the n8n cells, ratios against the no-execution ceiling, the goals.
import { ALL_TARGETS, TARGETS, type Target } from './bench-targets';
import { CRYPTO_VARIANTS, type CryptoBenchResult } from './flow-crypto';
import { CORES } from './machine-load';
import type { CellFigures } from './n8n-cells';
import { num, ratio, table, type Goal, type Printout } from './report';

export function printCrypto(out: Printout, results: Array<{ runtime: string; result: CryptoBenchResult }>): Goal[] {
	out.print('## 1. Crypto per request (decrypt + encrypt), CPU µs per request');
	out.print();
	out.print(Object.entries(CRYPTO_VARIANTS).map(([name, what]) => `- ${name}: ${what}`).join('\n'));
	out.print();
	const rows: string[][] = [];
	const goals: Goal[] = [];
	for (const { runtime, result } of results) {
		for (const set of result.sets) {
			const { cpuUs, cpuOverBare: over } = set;
			rows.push([
				`${runtime} (${result.node}, OpenSSL ${result.openssl})`,
				set.keyFormat,
				...[cpuUs.bare, cpuUs.minimal, cpuUs.core, cpuUs.executed, cpuUs.queue, cpuUs.reference].map(num),
				ratio(over.reference / over.core),
				ratio(over.core),
				ratio(over.core / over.minimal),
				ratio(over.executed),
				ratio(over.queue),
			]);
			// Judged on the runtime n8n 2.x runs on, with the key format Meta's keyGenerator writes.
			if (runtime.startsWith('n8n 2') && set.keyFormat === 'pkcs1-des3') {
				goals.push({ what: `crypto: reference / core (${result.node}, ${set.keyFormat})`, value: over.reference / over.core, comparison: '≥', target: 3 });
				goals.push({ what: `crypto: core / bare RSA decrypt (${result.node}, ${set.keyFormat})`, value: over.core, comparison: '≤', target: 1.15 });
			}
		}
	}
	out.print(
		table(['runtime', 'key', 'bare', 'minimal', 'core', 'executed', 'queue', 'reference', 'reference/core', 'core/bare', 'core/minimal', 'executed/bare', 'queue/bare'], rows),
	);
	out.print();
	const first = results[0]?.result;
	out.print(
		`Medians of ${first?.rounds ?? 0} rounds of ${first?.opsPerSlice ?? 0} requests per variant, the variants' order rotated each round; ` +
			"ratios are medians of the per-round ratios. Requests: Meta's known-answer vectors, which every variant reproduces before it is timed.",
	);
	out.print();
	return goals;
}

export type FigureMap = Map<string, CellFigures>;

export function figureKey(target: Target, concurrency: number): string {
	return `${target}@${concurrency}`;
}

export function printCells(out: Printout, figures: FigureMap, concurrencies: number[]): void {
	const rows: string[][] = [];
	for (const target of ALL_TARGETS) {
		for (const concurrency of concurrencies) {
			const f = figures.get(figureKey(target, concurrency));
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
	out.print(table(['workflow', 'c', 'req/s', 'req/s per round', 'p50 ms', 'p99 ms', 'n8n CPU ms/req', 'n8n cores', "others' cores", 'requests', 'failed'], rows));
	out.print();
	out.print(
		'n8n CPU ms/req: CPU of the n8n process group (task runner included) per request. ' +
			`n8n / others' cores: average use of the ${CORES}-core machine by the n8n under test and by all other processes (this client excluded) during the measured slices.`,
	);
	out.print();
}

export function printCeilingRatios(out: Printout, figures: FigureMap, concurrencies: number[]): void {
	const rows: string[][] = [];
	for (const concurrency of concurrencies) {
		const ceiling = figures.get(figureKey('ceiling', concurrency));
		if (!ceiling) continue;
		for (const target of ['ping', 'init', 'a', 'b'] as Target[]) {
			const f = figures.get(figureKey(target, concurrency));
			if (!f) continue;
			rows.push([
				String(concurrency),
				TARGETS[target],
				ratio(f.reqPerSec / ceiling.reqPerSec),
				ratio(f.p50 / ceiling.p50),
				ratio(ceiling.n8nCpuMsPerRequest / f.n8nCpuMsPerRequest),
			]);
		}
	}
	if (rows.length === 0) return;
	out.print("Against n8n's no-execution ceiling:");
	out.print();
	out.print(table(['c', 'workflow', 'req/s ÷ ceiling', 'p50 ÷ ceiling', 'CPU per request: ceiling ÷ this'], rows));
	out.print();
}

/** The goals for the n8n cells; `cpuValue` states each on n8n's CPU cost per request instead of req/s. */
export function loadGoals(figures: FigureMap, concurrencies: number[]): Goal[] {
	const goals: Goal[] = [];
	for (const concurrency of concurrencies) {
		const get = (target: Target) => figures.get(figureKey(target, concurrency));
		const [a, b, c, ping, init] = (['a', 'b', 'c', 'ping', 'init'] as Target[]).map(get);
		const cpu = (over: CellFigures, under: CellFigures) => under.n8nCpuMsPerRequest / over.n8nCpuMsPerRequest;
		const c1 = `c=${concurrency}:`;
		if (a && b) goals.push({ what: `${c1} (a) / (b) req/s`, value: a.reqPerSec / b.reqPerSec, cpuValue: cpu(a, b), comparison: '≥', target: 0.9 });
		if (a && c) goals.push({ what: `${c1} (a) / (c) req/s`, value: a.reqPerSec / c.reqPerSec, cpuValue: cpu(a, c), comparison: '≥', target: 1 });
		if (a && b && concurrency === 1) goals.push({ what: `${c1} p50 (a) / p50 (b)`, value: a.p50 / b.p50, comparison: '≤', target: 1.1 });
		if (ping && b) goals.push({ what: `${c1} ping / (b) req/s`, value: ping.reqPerSec / b.reqPerSec, cpuValue: cpu(ping, b), comparison: '≥', target: 10 });
		if (init && b) goals.push({ what: `${c1} cached INIT / (b) req/s`, value: init.reqPerSec / b.reqPerSec, cpuValue: cpu(init, b), comparison: '≥', target: 5 });
	}
	return goals;
}
