import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface StartedProcess {
	name: string;
	child: ChildProcess;
	logFile: string;
	stop(): Promise<void>;
}

/** Starts a long-running process in its own process group, output to a log file. */
export function startProcess(
	name: string,
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string },
): StartedProcess {
	mkdirSync(dirname(options.logFile), { recursive: true });
	const log = createWriteStream(options.logFile, { flags: 'a' });
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		name,
		child,
		logFile: options.logFile,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			killGroup(child, 'SIGTERM');
			const timedOut = await Promise.race([exited.then(() => false), delay(15_000).then(() => true)]);
			if (timedOut) {
				killGroup(child, 'SIGKILL');
				await exited;
			}
		},
	};
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		child.kill(signal);
	}
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls a URL until it answers with one of `okStatuses`, or fails after `timeoutMs` (or when `alive()` turns false). */
export async function waitForHttp(
	url: string,
	options: { timeoutMs: number; okStatuses?: number[]; alive?: () => boolean; what: string },
): Promise<void> {
	const deadline = Date.now() + options.timeoutMs;
	const ok = options.okStatuses ?? [200];
	let last = '';
	while (Date.now() < deadline) {
		if (options.alive && !options.alive()) throw new Error(`${options.what} exited before it was ready`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
			if (ok.includes(response.status)) return;
			last = `HTTP ${response.status}`;
		} catch (error) {
			last = (error as Error).message;
		}
		await delay(500);
	}
	throw new Error(`${options.what} not ready at ${url} after ${options.timeoutMs} ms (${last})`);
}

export function isRunning(child: ChildProcess): boolean {
	return child.exitCode === null && child.signalCode === null;
}

/** Waits until something accepts TCP connections on 127.0.0.1:port. */
export async function waitForTcp(port: number, options: { timeoutMs: number; what: string }): Promise<void> {
	const { connect } = await import('node:net');
	const deadline = Date.now() + options.timeoutMs;
	while (Date.now() < deadline) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await delay(250);
	}
	throw new Error(`${options.what} did not open port ${port} within ${options.timeoutMs} ms`);
}
