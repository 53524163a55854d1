import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { getFlowPrivateKey } from '../crypto/private-key';
import { registerFlowEndpoint } from '../flow-endpoint/endpoint-registration';
import { RESPONSE_CACHE_NAMESPACE } from '../flow-endpoint/response-cache';
import { graphClientFor } from './graph-context';
import { dataTableStoreFor } from './state-store';

const PRIVATE_KEY_CREDENTIAL = 'whatsAppFlowsPrivateKeyApi';

/** Whether activation has work to do: n8n calls `create` only when `checkExists` answers false. */
export function hasActivationWork(context: IHookFunctions): boolean {
	return context.getNodeParameter('setEndpointOnActivation', false) === true || usesDataTableCache(context);
}

function usesDataTableCache(context: IHookFunctions): boolean {
	return context.getNodeParameter('cacheResponses', false) === true && context.getNodeParameter('cacheStore', 'process') === 'dataTable';
}

/**
 * On activation of the production webhook (never for a test URL, which would move the flow's endpoint away from
 * production): sets the flow's endpoint_uri and checks the public key; and finds (or creates) the cache's data table,
 * so the first WhatsApp request does not pay for it.
 */
export async function activateFlowEndpoint(context: IHookFunctions): Promise<void> {
	if (usesDataTableCache(context)) {
		try {
			await (await dataTableStoreFor(context)).get(RESPONSE_CACHE_NAMESPACE, 'activation-check');
		} catch (error) {
			// n8n activates workflows while it starts, possibly before its own API answers: the cache fails open later.
			context.logger.warn(`WhatsApp Flow Endpoint: the response cache's data table is not reachable yet: ${(error as Error).message}`);
		}
	}
	if (context.getNodeParameter('setEndpointOnActivation', false) !== true || context.getMode() === 'manual') return;

	const flowId = String(context.getNodeParameter('flowId', '')).trim();
	if (!/^\d+$/.test(flowId)) throw new NodeOperationError(context.getNode(), `"${flowId}" is not a flow ID: copy the numeric ID from WhatsApp Manager → Flows`);
	const { client, credential } = await graphClientFor(context);
	const key = await context.getCredentials(PRIVATE_KEY_CREDENTIAL);
	const report = await registerFlowEndpoint({
		client,
		flowId,
		endpointUrl: String(context.getNodeWebhookUrl('default')),
		phoneNumberId: credential.phoneNumberId,
		privateKey: getFlowPrivateKey(String(key.privateKey ?? ''), String(key.passphrase ?? '') || undefined),
	});
	if (report.problems.length === 0) {
		context.logger.info(`WhatsApp Flow Endpoint: flow ${flowId} (${report.flowStatus ?? '?'}) answers at this endpoint (${report.endpoint}); public key VALID`);
		return;
	}
	if (context.getNodeParameter('onEndpointProblem', 'fail') === 'warn') {
		context.logger.warn(`WhatsApp Flow Endpoint: flow ${flowId}: ${report.problems.join(' ')}`);
		return;
	}
	throw new NodeOperationError(context.getNode(), `Flow ${flowId}: ${report.problems[0]}`, { description: report.problems.join('\n\n') });
}
