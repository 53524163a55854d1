import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import type { FlowEndpointConfig } from '../flow-endpoint/request-handler';
import {
	isShareableResponse,
	parseResponseCacheRules,
	RESPONSE_CACHE_NAMESPACE,
	responseCacheRefFor,
	type ResponseCacheRef,
} from '../flow-endpoint/response-cache';
import type { SharedStore } from '../store/types';
import { dataTableStoreFor, processStoreFor, type StateStoreKind } from './state-store';

/** At most this many cached answers per n8n process; when full, answers are not cached (the workflow runs). */
const PROCESS_CACHE_MAX_ENTRIES = 10_000;
const PRUNE_EVERY_MS = 60_000;
let lastPruneAt = 0;

async function cacheStore(context: IExecuteFunctions | IWebhookFunctions, kind: StateStoreKind): Promise<SharedStore> {
	return kind === 'dataTable' ? await dataTableStoreFor(context) : processStoreFor('flow-response-cache', PROCESS_CACHE_MAX_ENTRIES);
}

/** The trigger's cache lookup, or undefined when its Response Cache is off (or its rules cannot be read). */
export function responseCacheLookup(context: IWebhookFunctions): FlowEndpointConfig['responseCache'] {
	if (context.getNodeParameter('cacheResponses', false) !== true) return undefined;
	let rules;
	try {
		rules = parseResponseCacheRules(context.getNodeParameter('cacheRules', {}));
	} catch (error) {
		context.logger.warn(`WhatsApp Flow Endpoint: the response cache is off: ${(error as Error).message}`);
		return undefined;
	}
	if (rules.length === 0) return undefined;
	const kind = context.getNodeParameter('cacheStore', 'process') as StateStoreKind;
	const node = context.getNode();
	const scope = JSON.stringify([context.getWorkflow().id ?? '', node.id]);
	return async (request) => {
		const ref = responseCacheRefFor(rules, scope, request, kind);
		if (ref === undefined) return undefined;
		try {
			const store = await cacheStore(context, kind);
			const record = await store.get<Record<string, unknown>>(RESPONSE_CACHE_NAMESPACE, ref.key);
			return { ref, answer: record?.value ?? null };
		} catch (error) {
			// Fails open: the workflow answers.
			context.logger.warn(`WhatsApp Flow Endpoint: the response cache could not be read, the workflow answers: ${(error as Error).message}`);
			return { ref, answer: null };
		}
	};
}

/**
 * The respond node's part: stores a shareable answer under the trigger's cache entry. Returns what happened, for
 * the node's output; never throws (the user already has the answer).
 */
export async function fillResponseCache(
	context: IExecuteFunctions,
	ref: ResponseCacheRef,
	answer: Record<string, unknown>,
	flowToken: unknown,
	ownStore: StateStoreKind,
): Promise<string> {
	if (!isShareableResponse(answer, flowToken)) return 'not cached: completions and answers containing the flow token are never cached';
	if (ref.store !== ownStore) {
		const message = `not cached: the trigger caches in "${ref.store}" but this node's Cache Store is "${ownStore}"`;
		context.logger.warn(`Respond to WhatsApp Flow: ${message}`);
		return message;
	}
	try {
		const store = await cacheStore(context, ownStore);
		await store.insertIfAbsent(RESPONSE_CACHE_NAMESPACE, ref.key, answer, ref.ttlMs);
		if (ownStore === 'process' && Date.now() - lastPruneAt > PRUNE_EVERY_MS) {
			lastPruneAt = Date.now();
			await store.prune();
		}
		return 'cached';
	} catch (error) {
		const message = `not cached: ${(error as Error).message}`;
		context.logger.warn(`Respond to WhatsApp Flow: ${message}`);
		return message;
	}
}
