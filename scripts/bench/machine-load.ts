// What the machine did during a benchmark slice (Linux /proc): CPU used by the n8n under test (its process groups,
// task runners included), by this client, and by everything else on the machine, plus the load average. The
// machine is shared with other engineers' test runs, so each figure comes with the share of CPU others took.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Linux reports process CPU in clock ticks of 1/100 s (getconf CLK_TCK). */
const TICK_MS = 10;

export interface CpuSnapshot {
	atMs: number;
	/** CPU milliseconds of the watched process groups. */
	groupMs: number;
	/** CPU milliseconds of this process. */
	clientMs: number;
	/** Busy and total CPU milliseconds of the whole machine (all cores). */
	machineBusyMs: number;
	machineTotalMs: number;
}

export interface CpuUse {
	wallMs: number;
	/** In cores (1.0 = one core fully busy) over the slice. */
	n8nCores: number;
	clientCores: number;
	otherCores: number;
	idleCores: number;
	/** CPU milliseconds the n8n used. */
	n8nMs: number;
	loadAverage1m: number;
}

export const CORES = cpus().length;

function groupCpuMs(groupIds: number[]): number {
	let ticks = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// Fields after the command name in parentheses: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (groupIds.includes(Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
	}
	return ticks * TICK_MS;
}

function machineCpuMs(): { busy: number; total: number } {
	const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
	const values = line.trim().split(/\s+/).slice(1).map(Number);
	// user nice system idle iowait irq softirq steal (guest time is already counted in user)
	const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
	const idle = values[3] + values[4];
	return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
}

export function cpuSnapshot(groupIds: number[]): CpuSnapshot {
	const machine = machineCpuMs();
	const client = process.cpuUsage();
	return {
		atMs: performance.now(),
		groupMs: groupCpuMs(groupIds),
		clientMs: (client.user + client.system) / 1000,
		machineBusyMs: machine.busy,
		machineTotalMs: machine.total,
	};
}

export function cpuUseBetween(start: CpuSnapshot, end: CpuSnapshot): CpuUse {
	const wallMs = end.atMs - start.atMs;
	const n8nMs = end.groupMs - start.groupMs;
	const clientMs = end.clientMs - start.clientMs;
	const busyMs = end.machineBusyMs - start.machineBusyMs;
	const totalMs = end.machineTotalMs - start.machineTotalMs;
	// /proc/stat counts every core: scale its totals to the wall time measured here.
	const coresOf = (ms: number) => (wallMs > 0 ? ms / wallMs : 0);
	const busyCores = totalMs > 0 ? (busyMs / totalMs) * CORES : 0;
	return {
		wallMs,
		n8nMs,
		n8nCores: coresOf(n8nMs),
		clientCores: coresOf(clientMs),
		otherCores: Math.max(0, busyCores - coresOf(n8nMs) - coresOf(clientMs)),
		idleCores: Math.max(0, CORES - busyCores),
		loadAverage1m: loadavg()[0],
	};
}
