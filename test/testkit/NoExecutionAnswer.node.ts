import { NodeConnectionTypes, type INodeType, type INodeTypeDescription, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';
import { WEBHOOK_PATH_FIELD } from '../../nodes/shared/n8n/webhook-path';

/** What this node writes to n8n's response (an Express response). */
interface PlainResponse {
	status(code: number): PlainResponse;
	setHeader(name: string, value: string): void;
	end(body?: string): void;
}

/**
 * Test-only trigger: answers every POST in `webhook()` with a fixed text and starts nothing. The Flow endpoint
 * benchmark measures n8n's ceiling for requests answered without an execution with it (the path the WhatsApp Flow
 * Endpoint trigger takes for ping and cached answers, minus the crypto).
 */
export class NoExecutionAnswer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No-Execution Answer (test only)',
		name: 'noExecutionAnswer',
		group: ['trigger'],
		// As the WhatsApp Flow Endpoint trigger: n8n evaluates an expression on every request to a version-1 webhook node.
		version: 1.1,
		description: 'Answers the request itself; never starts an execution',
		defaults: { name: 'No-Execution Answer' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The same webhook description as the WhatsApp Flow Endpoint trigger's, so n8n does the same work per request.
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'responseNode', ...WEBHOOK_PATH_FIELD, isFullPath: true }],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '', required: true },
			{ displayName: 'Answer', name: 'answer', type: 'string', default: 'ok' },
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject() as unknown as PlainResponse;
		response.status(200);
		response.setHeader('content-type', 'text/plain; charset=utf-8');
		response.setHeader('cache-control', 'no-store');
		response.end(String(this.getNodeParameter('answer', 'ok')));
		return { noWebhookResponse: true };
	}
}
