import { hostname } from 'node:os';
import {
	NodeConnectionTypes,
	sleep,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { httpSendWithCredential } from '../../nodes/shared/n8n/http-send';
import { createDataTableStore } from '../../nodes/shared/store/data-table-store';
import { createMemoryStore } from '../../nodes/shared/store/memory-store';
import type { SharedStore } from '../../nodes/shared/store/types';
import { updateWithRetry } from '../../nodes/shared/store/update-with-retry';

/** One in-process store per n8n process, as the package's nodes use. */
const processStore = createMemoryStore({ now: () => Date.now() });

/**
 * Test-only node: each input item tries, concurrently with the others, to increment a counter capped at `cap`
 * through the shared store's compare-and-set. The store proof counts how many increments won.
 */
export class StoreProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Store Probe (test only)',
		name: 'storeProbe',
		group: ['transform'],
		version: 1,
		description: 'Concurrent capped increments through the shared store',
		defaults: { name: 'Store Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'whatsAppFlowsStateApi', required: true, displayOptions: { show: { store: ['dataTable'] } } }],
		properties: [
			{
				displayName: 'Store',
				name: 'store',
				type: 'options',
				options: [
					{ name: 'In-Process', value: 'memory' },
					{ name: 'n8n Data Table', value: 'dataTable' },
				],
				default: 'memory',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				options: [
					{ name: 'Create Counter', value: 'create' },
					{ name: 'Increment', value: 'increment' },
				],
				default: 'increment',
			},
			{ displayName: 'Key', name: 'key', type: 'string', default: 'counter' },
			{ displayName: 'Cap', name: 'cap', type: 'number', default: 5 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const kind = this.getNodeParameter('store', 0) as string;
		const key = this.getNodeParameter('key', 0) as string;
		const cap = this.getNodeParameter('cap', 0) as number;
		const operation = this.getNodeParameter('operation', 0) as string;
		let store: SharedStore = processStore;
		if (kind === 'dataTable') {
			const credential = await this.getCredentials('whatsAppFlowsStateApi');
			store = createDataTableStore({
				send: httpSendWithCredential(this, 'whatsAppFlowsStateApi'),
				baseUrl: String(credential.baseUrl),
				tableName: String(credential.tableName || 'whatsapp_flows_state'),
				now: () => Date.now(),
				sleep: async (ms: number) => await sleep(ms),
				random: Math.random,
			});
		}
		const worker = `${hostname()}:${process.pid}`;
		if (operation === 'create') {
			// the single writer that creates the record before the racing compare-and-sets
			const record = await store.create('probe', key, { count: 0 }, null);
			return [[{ json: { created: true, version: record.version, worker }, pairedItem: { item: 0 } }]];
		}
		const results = await Promise.all(
			items.map(async (_item, index) => {
				try {
					const outcome = await updateWithRetry<{ count: number }>(
						store,
						'probe',
						key,
						(current) => {
							const count = current?.value.count ?? 0;
							return count >= cap ? undefined : { count: count + 1 };
						},
						{ maxAttempts: 2000 },
					);
					const record = outcome.updated ? outcome.record : outcome.current;
					return { json: { won: outcome.updated, count: record?.value.count ?? null, worker }, pairedItem: { item: index } };
				} catch (error) {
					return { json: { won: false, error: (error as Error).message, worker }, pairedItem: { item: index } };
				}
			}),
		);
		return [results];
	}
}
