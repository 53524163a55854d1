// The workflows the Flow endpoint benchmark calls, all with the same execution settings.
import type { WorkflowJson } from '../../test/harness/n8n-api';
import { flowWorkflow, respondNode, triggerNode, type FlowEndpointCredentials, type WorkflowNode } from '../../test/e2e/flow-endpoint-support';
import { webhookChain } from '../../test/e2e/support/workflows';
import { codeNodeEndpointJs } from './code-node-endpoint';

/**
 * The same for every workflow (and n8n runs with EXECUTIONS_DATA_SAVE_ON_SUCCESS=none): successful executions are
 * not saved, failed ones are, no progress saving; the 8 s timeout the example workflows set.
 */
export const BENCH_WORKFLOW_SETTINGS = {
	executionOrder: 'v1',
	saveDataSuccessExecution: 'none',
	saveDataErrorExecution: 'all',
	saveManualExecutions: false,
	saveExecutionProgress: false,
	executionTimeout: 8,
};

/** The answer every workflow gives to a screen request: the booking example's APPOINTMENT screen. */
export const NEXT_SCREEN = {
	screen: 'APPOINTMENT',
	data: {
		departments: [
			{ id: 'cardiology', title: 'Cardiology' },
			{ id: 'dermatology', title: 'Dermatology' },
			{ id: 'pediatrics', title: 'Pediatrics' },
		],
		locations: [
			{ id: 'downtown', title: 'Downtown clinic' },
			{ id: 'riverside', title: 'Riverside clinic' },
		],
		dates: [1, 2, 3, 4, 5].map((day) => ({ id: `2030-01-0${day}`, title: `Day ${day}` })),
		error_messages: {},
	},
};

export const BENCH_PATHS = {
	endpoint: 'bench-flow-endpoint',
	endpointCached: 'bench-flow-endpoint-cached',
	webhookSet: 'bench-webhook-set',
	codeNode: 'bench-webhook-code',
	noExecution: 'bench-no-execution',
} as const;

const RESPOND_NAME = 'Respond to WhatsApp Flow';

/** Webhook-style nodes need a webhookId in n8n's workflow JSON. */
function withWebhookId(workflow: WorkflowJson, path: string): WorkflowJson {
	const [first, ...rest] = workflow.nodes;
	return { ...workflow, nodes: [{ ...first, webhookId: `${path}-id` }, ...rest] };
}

/**
 * (a) WhatsApp Flow Endpoint → Respond to WhatsApp Flow (next screen). With `cacheInit`, INIT answers are cached.
 * `triggerVersion` 1 shows what n8n's per-request expression for version-1 webhook nodes costs.
 */
export function endpointWorkflow(path: string, credentials: FlowEndpointCredentials, cacheInit = false, triggerVersion = 1.1): WorkflowJson {
	const trigger = { ...triggerNode(path, credentials), typeVersion: triggerVersion };
	if (cacheInit) {
		// As the booking example, but kept for an hour so no entry expires during the run.
		Object.assign(trigger.parameters, {
			cacheResponses: true,
			cacheRules: { rules: [{ action: 'INIT', screen: '', keyFields: '', ttlSeconds: 3600 }] },
			cacheStore: 'process',
		});
	}
	const respond = respondNode(RESPOND_NAME, credentials, {
		respondWith: 'nextScreen',
		screen: NEXT_SCREEN.screen,
		screenData: JSON.stringify(NEXT_SCREEN.data),
		cacheStore: 'process',
	});
	return flowWorkflow(`Bench: Flow endpoint${cacheInit ? ' (INIT cached)' : ''}`, path, [trigger, respond], [[trigger.name, RESPOND_NAME]], BENCH_WORKFLOW_SETTINGS);
}

/** (b) n8n's floor: Webhook → Set, answered when the last node finishes. */
export function webhookSetWorkflow(path: string): WorkflowJson {
	return webhookChain(
		'Bench: Webhook → Set',
		path,
		[{ name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: JSON.stringify(NEXT_SCREEN), includeOtherFields: false, options: {} } }],
		BENCH_WORKFLOW_SETTINGS,
	);
}

/** (c) What users build today: Webhook → Code (Meta's example crypto) → Respond to Webhook with the base64 text. */
export function codeNodeWorkflow(path: string, privateKeyPem: string): WorkflowJson {
	const nodes: WorkflowNode[] = [
		{ name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, parameters: { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} } },
		{ name: 'Decrypt and Answer', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: codeNodeEndpointJs(privateKeyPem, NEXT_SCREEN) } },
		{
			name: 'Respond to Webhook',
			type: 'n8n-nodes-base.respondToWebhook',
			typeVersion: 1.1,
			parameters: {
				respondWith: 'text',
				responseBody: '={{ $json.body }}',
				options: { responseHeaders: { entries: [{ name: 'content-type', value: 'text/plain' }] } },
			},
		},
	];
	const workflow = flowWorkflow('Bench: Webhook → Code → Respond to Webhook', path, nodes, [['Webhook', 'Decrypt and Answer'], ['Decrypt and Answer', 'Respond to Webhook']], BENCH_WORKFLOW_SETTINGS);
	return withWebhookId(workflow, path);
}

/** n8n's ceiling for answers without an execution: the test-only trigger that answers in webhook(). */
export function noExecutionWorkflow(path: string): WorkflowJson {
	const node: WorkflowNode = { name: 'No-Execution Answer', type: 'n8n-nodes-wa-flows-testkit.noExecutionAnswer', typeVersion: 1.1, parameters: { path, answer: 'ok' } };
	return withWebhookId(flowWorkflow('Bench: no-execution ceiling', path, [node], [], BENCH_WORKFLOW_SETTINGS), path);
}
