// main.ts runs the sandbox on its own: one JSON line with the URL and the seed, and a clean stop on SIGTERM / SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_SEED } from './index';
import { parseArgs } from './main';

interface Started {
	url: string;
	port: number;
	seed: unknown;
}

function startMain(args: string[]): { child: ChildProcess; firstLine: Promise<string> } {
	const child = spawn(process.execPath, ['-r', join(__dirname, 'ts-register.cjs'), join(__dirname, 'main.ts'), ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const lines = createInterface({ input: child.stdout! });
	const firstLine = new Promise<string>((resolve, reject) => {
		lines.once('line', resolve);
		child.once('exit', (code) => reject(new Error(`main exited with ${code} before printing`)));
	});
	return { child, firstLine };
}

describe('main.ts', () => {
	it.each(['SIGTERM', 'SIGINT'] as const)(
		'prints {url, port, seed} on one line, serves, and exits 0 on %s',
		async (signal) => {
			const { child, firstLine } = startMain(['--port', '0']);
			try {
				const started = JSON.parse(await firstLine) as Started;
				expect(started.url).toBe(`http://127.0.0.1:${started.port}`);
				expect(started.seed).toEqual(DEFAULT_SEED);
				const health = await fetch(`${started.url}/__sandbox/health`);
				expect(await health.json()).toEqual({ ok: true });
				const exited = once(child, 'exit');
				child.kill(signal);
				const [code] = (await exited) as [number | null];
				expect(code).toBe(0);
			} finally {
				if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			}
		},
		20_000,
	);

	it('reads --port N, --port=N and --host H, and refuses anything else', () => {
		expect(parseArgs(['--port', '5679'])).toEqual({ port: 5679 });
		expect(parseArgs(['--port=0', '--host', '::1'])).toEqual({ port: 0, host: '::1' });
		expect(() => parseArgs(['--port', 'x'])).toThrow('invalid port: x');
		expect(() => parseArgs(['--verbose'])).toThrow('unknown argument: --verbose');
	});
});
