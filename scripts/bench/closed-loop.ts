// A closed-loop HTTP load: `concurrency` clients, each sending its next request as soon as the previous answer
// arrived (as that many WhatsApp users tapping through a flow would, without think time). Kept-alive connections,
// node:http, requests prepared beforehand so the client spends little CPU on the shared machine.
import { Agent, request as httpRequest } from 'node:http';

export interface PreparedRequest {
	headers: Record<string, string>;
	body: string;
	/** Undefined when the answer is right, else a short reason (counted, not timed). */
	check(status: number, text: string): Promise<string | undefined>;
}

export interface LoadOptions {
	concurrency: number;
	/** The slice runs at least this long and at least `minRequests`, but never longer than `maxMs`. */
	minMs: number;
	minRequests: number;
	maxMs: number;
}

export interface LoadSlice {
	/** Latencies of the right answers, in milliseconds. */
	latenciesMs: number[];
	elapsedMs: number;
	completed: number;
	failures: Record<string, number>;
}

const REQUEST_TIMEOUT_MS = 30_000;

function send(url: URL, agent: Agent, prepared: PreparedRequest): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			url,
			{
				method: 'POST',
				agent,
				headers: { ...prepared.headers, 'content-length': String(Buffer.byteLength(prepared.body)) },
				timeout: REQUEST_TIMEOUT_MS,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(prepared.body);
	});
}

export function keepAliveAgent(concurrency: number): Agent {
	return new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
}

export async function runClosedLoop(url: string, requests: PreparedRequest[], options: LoadOptions, agent: Agent): Promise<LoadSlice> {
	const target = new URL(url);
	const latenciesMs: number[] = [];
	const failures: Record<string, number> = {};
	let next = 0;
	let completed = 0;
	const started = performance.now();
	const elapsed = () => performance.now() - started;
	const done = () => elapsed() >= options.maxMs || (elapsed() >= options.minMs && completed >= options.minRequests);

	const client = async () => {
		while (!done()) {
			const prepared = requests[next % requests.length];
			next += 1;
			const sentAt = performance.now();
			let reason: string | undefined;
			try {
				const answer = await send(target, agent, prepared);
				const latency = performance.now() - sentAt;
				reason = await prepared.check(answer.status, answer.text);
				if (reason === undefined) latenciesMs.push(latency);
			} catch (error) {
				reason = error instanceof Error ? error.message : String(error);
			}
			completed += 1;
			if (reason !== undefined) failures[reason] = (failures[reason] ?? 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: options.concurrency }, client));
	return { latenciesMs, elapsedMs: elapsed(), completed, failures };
}
