// The measured cells (one workflow at one concurrency) and their figures. Rounds alternate the cells' order, each
// slice warms up first, and the CPU the n8n under test and everything else used is recorded per slice.
import type { N8nInstance } from '../../test/harness/n8n-instance';
import type { Target } from './bench-targets';
import { keepAliveAgent, runClosedLoop, type LoadSlice, type PreparedRequest } from './closed-loop';
import { cpuSnapshot, cpuUseBetween, type CpuUse } from './machine-load';
import { num, percentile } from './report';

export interface Cell {
	target: Target;
	concurrency: number;
	url: string;
	requests: PreparedRequest[];
}

export interface Slice extends LoadSlice {
	cpu: CpuUse;
	round: number;
}

export interface SliceOptions {
	rounds: number;
	warmupMs: number;
	sliceMs: number;
	minRequests: number;
	maxSliceMs: number;
}

export async function runCells(n8n: N8nInstance, cells: Cell[], options: SliceOptions): Promise<Map<Cell, Slice[]>> {
	const results = new Map<Cell, Slice[]>(cells.map((cell) => [cell, []]));
	for (let round = 1; round <= options.rounds; round += 1) {
		// Alternate the order each round, so a slow spell of the shared machine does not always hit the same cells.
		const order = round % 2 === 1 ? cells : [...cells].reverse();
		for (const cell of order) {
			const agent = keepAliveAgent(cell.concurrency);
			const load = { concurrency: cell.concurrency };
			await runClosedLoop(cell.url, cell.requests, { ...load, minMs: options.warmupMs, minRequests: 0, maxMs: options.warmupMs }, agent);
			const before = cpuSnapshot(n8n.processIds);
			const slice = await runClosedLoop(cell.url, cell.requests, { ...load, minMs: options.sliceMs, minRequests: options.minRequests, maxMs: options.maxSliceMs }, agent);
			const cpu = cpuUseBetween(before, cpuSnapshot(n8n.processIds));
			agent.destroy();
			results.get(cell)?.push({ ...slice, cpu, round });
			const failed = slice.completed - slice.latenciesMs.length;
			console.error(
				`  round ${round} ${cell.target.padEnd(7)} c=${String(cell.concurrency).padEnd(2)} ${num((slice.latenciesMs.length / slice.elapsedMs) * 1000).padStart(6)} req/s` +
					`, n8n ${num(cpu.n8nMs / Math.max(1, slice.completed))} CPU ms/req${failed > 0 ? `, ${failed} FAILED ${JSON.stringify(slice.failures)}` : ''}` +
					`; load ${cpu.loadAverage1m.toFixed(1)}, others ${cpu.otherCores.toFixed(2)} cores`,
			);
		}
	}
	return results;
}

export interface CellFigures {
	reqPerSec: number;
	p50: number;
	p99: number;
	requests: number;
	failures: number;
	/** CPU of the n8n process group (task runner included) per request answered. */
	n8nCpuMsPerRequest: number;
	/** Average cores used during the slices by the n8n under test, and by every other process but this client. */
	n8nCores: number;
	otherCores: number;
	roundRates: number[];
}

export function figuresOf(slices: Slice[]): CellFigures {
	const latencies = slices.flatMap((slice) => slice.latenciesMs).sort((a, b) => a - b);
	const elapsedMs = slices.reduce((sum, slice) => sum + slice.elapsedMs, 0);
	const completed = slices.reduce((sum, slice) => sum + slice.completed, 0);
	const n8nMs = slices.reduce((sum, slice) => sum + slice.cpu.n8nMs, 0);
	const weighted = (pick: (cpu: CpuUse) => number) => slices.reduce((sum, slice) => sum + pick(slice.cpu) * slice.elapsedMs, 0) / elapsedMs;
	return {
		reqPerSec: (latencies.length / elapsedMs) * 1000,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		requests: latencies.length,
		failures: completed - latencies.length,
		n8nCpuMsPerRequest: n8nMs / Math.max(1, completed),
		n8nCores: weighted((cpu) => cpu.n8nCores),
		otherCores: weighted((cpu) => cpu.otherCores),
		roundRates: slices.map((slice) => (slice.latenciesMs.length / slice.elapsedMs) * 1000),
	};
}
