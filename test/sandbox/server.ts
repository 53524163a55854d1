// Starts the sandbox: one HTTP server, Graph requests under /{version}/…, the sandbox's own API under /__sandbox/.
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CDN_PREFIX, handleCdnRequest } from './cdn';
import { mergeConfig, defaultConfig, type SandboxConfig } from './config';
import { GraphError, newFbtraceId } from './errors';
import { handleGraphRequest } from './graph';
import { BodyTooLargeError, sendJson } from './http-io';
import { INSPECTION_PREFIX, handleInspectionRequest } from './inspection';
import { buildSeed, type SandboxSeed } from './seed';
import { SandboxState } from './state';

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 127.0.0.1: the sandbox is for local use only. */
	host?: string;
	seed?: Partial<SandboxSeed>;
	/** Runtime settings to start with (merged into the defaults; `reset` comes back to them). */
	config?: DeepPartial<SandboxConfig>;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

export interface Sandbox {
	/** Base URL without a trailing slash, e.g. http://127.0.0.1:5679; Graph paths follow as `${url}/v21.0/…`. */
	url: string;
	port: number;
	state: SandboxState;
	/** Stops listening, drops open connections (held timeouts included) and cancels pending latencies. */
	close(): Promise<void>;
}

function isInspectionPath(pathname: string): boolean {
	return pathname === INSPECTION_PREFIX || pathname.startsWith(`${INSPECTION_PREFIX}/`);
}

/** A failure inside the sandbox itself: loud, Graph-shaped so clients can read it, never mistaken for Meta's. */
function sandboxFailure(res: ServerResponse, error: unknown): void {
	if (res.headersSent || res.destroyed) {
		res.destroy();
		return;
	}
	if (error instanceof BodyTooLargeError) {
		sendJson(res, 413, { error: error.message });
		return;
	}
	const message = error instanceof Error ? error.message : String(error);
	const wrapped = new GraphError(500, { message: `[sandbox] internal error: ${message}`, type: 'SandboxError', code: 1 });
	sendJson(res, 500, wrapped.envelope(newFbtraceId()));
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	const state = new SandboxState(buildSeed(options.seed), mergeConfig(defaultConfig(), options.config ?? {}));
	const lifetime = new AbortController();
	// Every request delayed by a latency fault listens on it; thousands can be in flight during a broadcast benchmark.
	setMaxListeners(0, lifetime.signal);

	async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		if (isInspectionPath(url.pathname)) {
			await handleInspectionRequest(state, req, res, url);
		} else if (url.pathname.startsWith(`${CDN_PREFIX}/`)) {
			handleCdnRequest(state, req, res, url);
		} else {
			await handleGraphRequest(state, req, res, url, lifetime.signal);
		}
	}

	const server = createServer((req, res) => {
		route(req, res).catch((error: unknown) => {
			if (lifetime.signal.aborted) {
				res.destroy();
				return;
			}
			sandboxFailure(res, error);
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	state.baseUrl = `http://${urlHost}:${port}`;

	let closing: Promise<void> | undefined;
	return {
		url: `http://${urlHost}:${port}`,
		port,
		state,
		close() {
			closing ??= new Promise<void>((resolve, reject) => {
				lifetime.abort();
				state.dispose();
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
			return closing;
		},
	};
}
