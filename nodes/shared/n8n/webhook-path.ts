import * as n8nWorkflow from 'n8n-workflow';

/**
 * The `path` of a webhook description, taken from the node's `path` parameter. n8n 2.x resolves it without its
 * expression engine (an isolate per request) when the description carries a native resolver
 * (webhookDescriptionFields); n8n 1.x has no such helper and evaluates the template.
 */
export const WEBHOOK_PATH_FIELD: { path: string } =
	typeof n8nWorkflow.webhookDescriptionFields === 'function' && typeof n8nWorkflow.fromParameter === 'function'
		? n8nWorkflow.webhookDescriptionFields({ path: n8nWorkflow.fromParameter('path') })
		: { path: '={{$parameter["path"]}}' };
