import { sleep, type IExecuteFunctions, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';
import { createDataTableStore, DEFAULT_STATE_TABLE } from '../store/data-table-store';
import { createMemoryStore } from '../store/memory-store';
import type { SharedStore } from '../store/types';
import { httpSendWithCredential } from './http-send';

export const STATE_CREDENTIAL = 'whatsAppFlowsStateApi';

/** Where a node keeps shared state: in this n8n process, or in an n8n data table (shared by every process). */
export type StateStoreKind = 'process' | 'dataTable';

export const STATE_STORE_OPTIONS = [
	{ name: 'In This Process', value: 'process', description: 'Fast; not shared between queue-mode processes, lost on restart' },
	{ name: 'Data Table (State Store Credential)', value: 'dataTable', description: 'Shared by every n8n process (queue mode); n8n 2.x' },
];

const processStores = new Map<string, SharedStore>();

/**
 * The in-process store of one use (`purpose`), created on first use and shared by every node of this package in this
 * n8n process. Each use has its own bound, so a full cache never refuses an OTP counter.
 */
export function processStoreFor(purpose: string, maxRecords: number): SharedStore {
	let store = processStores.get(purpose);
	if (store === undefined) {
		store = createMemoryStore({ now: () => Date.now(), maxRecords });
		processStores.set(purpose, store);
	}
	return store;
}

/** The data-table store of the node's State Store credential. */
export async function dataTableStoreFor(context: IExecuteFunctions | IWebhookFunctions | IHookFunctions): Promise<SharedStore> {
	const credential = await context.getCredentials(STATE_CREDENTIAL);
	return createDataTableStore({
		send: httpSendWithCredential(context, STATE_CREDENTIAL),
		baseUrl: String(credential.baseUrl ?? ''),
		tableName: String(credential.tableName ?? '').trim() || DEFAULT_STATE_TABLE,
		now: () => Date.now(),
		sleep: async (ms: number) => await sleep(ms),
	});
}
