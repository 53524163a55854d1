import { sleep, type IExecuteFunctions, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';
import { createDataTableStore, DEFAULT_STATE_TABLE } from '../store/data-table-store';
import { createMemoryStore } from '../store/memory-store';
import type { SharedStore } from '../store/types';
import { httpSendWithCredential } from './http-send';

export const STATE_CREDENTIAL = 'whatsAppFlowsStateApi';

/**
 * One in-process store per n8n process, shared by every node of this package that runs in it. Bounded: at 500,000
 * live records a write fails (StoreUnavailableError) rather than evicting a live record; each use decides whether
 * to fail open or closed.
 */
const processStore = createMemoryStore({ now: () => Date.now(), maxRecords: 500_000 });

export function inProcessStore(): SharedStore {
	return processStore;
}

type StoreContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions;

/** The store in n8n's own database (data tables through the public API), with the node's State Store credential. */
export async function dataTableStoreFor(context: StoreContext): Promise<SharedStore> {
	const credential = await context.getCredentials(STATE_CREDENTIAL);
	return createDataTableStore({
		send: httpSendWithCredential(context, STATE_CREDENTIAL),
		baseUrl: String(credential.baseUrl ?? ''),
		tableName: String(credential.tableName || DEFAULT_STATE_TABLE),
		now: () => Date.now(),
		sleep: async (ms: number) => await sleep(ms),
	});
}
