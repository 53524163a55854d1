// Runs the sandbox on its own:
//   node -r ./test/sandbox/ts-register.cjs test/sandbox/main.ts [--port 5679] [--host 127.0.0.1]
// Prints one JSON line {"url", "port", "seed"} once listening; stops cleanly on SIGTERM / SIGINT.
import { startSandbox } from './server';

export interface MainArgs {
	port: number;
	host?: string;
}

export function parseArgs(argv: readonly string[]): MainArgs {
	const args: MainArgs = { port: 0 };
	for (let i = 0; i < argv.length; i += 1) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = inline ?? argv[i + 1];
		if (flag === '--port' || flag === '--host') {
			if (value === undefined) throw new Error(`${flag} needs a value`);
			if (inline === undefined) i += 1;
			if (flag === '--port') {
				const port = Number(value);
				if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${value}`);
				args.port = port;
			} else {
				args.host = value;
			}
		} else {
			throw new Error(`unknown argument: ${argv[i]} (use --port N, --host H)`);
		}
	}
	return args;
}

export async function main(argv: readonly string[]): Promise<void> {
	const args = parseArgs(argv);
	const sandbox = await startSandbox({ port: args.port, host: args.host });
	process.stdout.write(`${JSON.stringify({ url: sandbox.url, port: sandbox.port, seed: sandbox.state.seed })}\n`);
	const stop = (): void => {
		sandbox.close().then(
			() => process.exit(0),
			(error: unknown) => {
				process.stderr.write(`sandbox: close failed: ${String(error)}\n`);
				process.exit(1);
			},
		);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
