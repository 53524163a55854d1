import { fetchOnFreshSocket } from './fresh-socket-fetch';
/** A small client for the parts of n8n's public API (X-N8N-API-KEY) and internal REST API the tests use. */

export interface WorkflowJson {
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface ExecutionSummary {
	id: string;
	finished: boolean;
	mode: string;
	status: string;
	workflowId: string;
	startedAt: string;
	stoppedAt: string | null;
	data?: { resultData?: { runData?: Record<string, unknown>; error?: { message?: string } } };
}

export class N8nApi {
	constructor(
		readonly baseUrl: string,
		readonly apiKey: string,
		readonly cookie = '',
	) {}

	/**
	 * n8n 1.x on SQLite sometimes fails a write with "Transaction is not started yet" while another write is in
	 * flight (seen once in CI on POST /workflows). The tests' writes are creations and activations, which at worst
	 * leave an unused duplicate, so they are repeated.
	 */
	async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.callOnce<T>(method, path, body);
			} catch (error) {
				const transient = error instanceof Error && error.message.includes('Transaction is not started yet');
				if (!transient || attempt === 3) throw error;
				await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
			}
		}
	}

	private async callOnce<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetchOnFreshSocket(`${this.baseUrl}/api/v1${path}`, {
			method,
			headers: { 'X-N8N-API-KEY': this.apiKey, 'content-type': 'application/json', accept: 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`n8n API ${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetchOnFreshSocket(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { cookie: this.cookie, 'content-type': 'application/json', accept: 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`n8n REST ${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
		const parsed = (text ? JSON.parse(text) : undefined) as { data: T } | undefined;
		return parsed?.data as T;
	}

	/** Creates a workflow from JSON (only the fields the public API accepts) and returns its id. */
	async createWorkflow(workflow: WorkflowJson): Promise<string> {
		const created = await this.call<{ id: string }>('POST', '/workflows', {
			name: workflow.name,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all', ...(workflow.settings ?? {}) },
		});
		return created.id;
	}

	async activateWorkflow(id: string): Promise<void> {
		const activated = await this.call<{ active?: boolean }>('POST', `/workflows/${id}/activate`);
		if (activated?.active !== true) throw new Error(`workflow ${id} did not activate: ${JSON.stringify(activated).slice(0, 500)}`);
	}

	async deactivateWorkflow(id: string): Promise<void> {
		await this.call('POST', `/workflows/${id}/deactivate`);
	}

	async importAndActivate(workflow: WorkflowJson): Promise<string> {
		const id = await this.createWorkflow(workflow);
		await this.activateWorkflow(id);
		return id;
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<string> {
		const created = await this.call<{ id: string }>('POST', '/credentials', { name, type, data });
		return created.id;
	}

	/** n8n 2.x: runs the credential's test as the editor's "Test" button does. */
	async testCredential(id: string): Promise<{ status: string; message: string }> {
		return await this.call('POST', `/credentials/${id}/test`);
	}

	async listExecutions(workflowId: string, includeData = false): Promise<ExecutionSummary[]> {
		const all: ExecutionSummary[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ workflowId, limit: '250', includeData: String(includeData) });
			if (cursor) query.set('cursor', cursor);
			const page = await this.call<{ data: ExecutionSummary[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	async getExecution(id: string): Promise<ExecutionSummary> {
		return await this.call('GET', `/executions/${id}?includeData=true`);
	}

	/** Waits until `count` executions of a workflow have finished (any status), then returns them. */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 60_000): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		let done: ExecutionSummary[] = [];
		while (Date.now() < deadline) {
			const executions = await this.listExecutions(workflowId);
			done = executions.filter((e) => e.stoppedAt !== null && e.status !== 'running' && e.status !== 'new');
			if (done.length >= count) return done;
			await new Promise((r) => setTimeout(r, 300));
		}
		throw new Error(`expected ${count} finished executions of workflow ${workflowId}, saw ${done.length}`);
	}

	/** The node types n8n loaded, as its editor sees them. */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string; version: number | number[] }>> {
		const response = await fetchOnFreshSocket(`${this.baseUrl}/types/nodes.json`, { headers: { cookie: this.cookie } });
		if (!response.ok) throw new Error(`GET /types/nodes.json → ${response.status}`);
		return (await response.json()) as Array<{ name: string; displayName: string; version: number | number[] }>;
	}

	async credentialTypes(): Promise<Array<{ name: string; displayName: string }>> {
		const response = await fetchOnFreshSocket(`${this.baseUrl}/types/credentials.json`, { headers: { cookie: this.cookie } });
		if (!response.ok) throw new Error(`GET /types/credentials.json → ${response.status}`);
		return (await response.json()) as Array<{ name: string; displayName: string }>;
	}
}
