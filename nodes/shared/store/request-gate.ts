/**
 * Keeps one n8n process from flooding n8n's API: under a burst (1,000 items racing one counter) an unbounded
 * client makes n8n answer 503 "Database is not ready" and drop connections. Requests to one API base URL wait
 * for a slot; the gate is per process because every node execution creates its own store object.
 */
export class RequestGate {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private readonly limit: number) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.active++;
		try {
			return await task();
		} finally {
			this.active--;
			this.waiting.shift()?.();
		}
	}
}

const gates = new Map<string, RequestGate>();

export const DEFAULT_REQUESTS_IN_FLIGHT = 8;

export function requestGateFor(baseUrl: string, limit = DEFAULT_REQUESTS_IN_FLIGHT): RequestGate {
	let gate = gates.get(baseUrl);
	if (!gate) {
		gate = new RequestGate(limit);
		gates.set(baseUrl, gate);
	}
	return gate;
}

/** n8n answers 503 (database busy) and 429 before it handles a request, so repeating them is safe. */
export const isRefusedBeforeHandling = (status: number): boolean => status === 503 || status === 429;
