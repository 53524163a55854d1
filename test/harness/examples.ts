import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { N8nApi, WorkflowJson } from './n8n-api';
import { REPO_ROOT } from './paths';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

export interface ExampleWorkflow {
	file: string;
	workflow: WorkflowJson;
	/** Production webhook paths of its Webhook nodes. */
	webhookPaths: string[];
	/**
	 * Whether it is activated on import: examples started by a webhook or one of our triggers. Others (a schedule
	 * over the user's own Google Sheet, say) need the user's data and credentials first, so they are imported only.
	 */
	activate: boolean;
}

function startsByWebhook(workflow: WorkflowJson): boolean {
	return workflow.nodes.some((node) => {
		const type = String(node.type);
		return type === 'n8n-nodes-base.webhook' || (type.startsWith('n8n-nodes-whatsapp-flows.') && /(Trigger|Endpoint)$/.test(type));
	});
}

/** Credential ids by type; examples reference them as "{{credential:<type>}}". */
export type CredentialIds = Record<string, string>;

export function loadExamples(credentialIds: CredentialIds): ExampleWorkflow[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => loadExample(file, credentialIds));
}

/** One example, its credential placeholders replaced. */
export function loadExample(file: string, credentialIds: CredentialIds): ExampleWorkflow {
	const text = readFileSync(join(EXAMPLES_DIR, file), 'utf8').replace(/\{\{credential:([A-Za-z0-9]+)\}\}/g, (_match, type: string) => {
		const id = credentialIds[type];
		if (!id) throw new Error(`example ${file} needs a ${type} credential`);
		return id;
	});
	const workflow = JSON.parse(text) as WorkflowJson;
	const webhookPaths = workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-base.webhook')
		.map((node) => String((node.parameters as { path?: string }).path));
	return { file, workflow, webhookPaths, activate: startsByWebhook(workflow) };
}

/** Imports every example, activating those started by a webhook; returns the workflow id per file. */
export async function importExamples(api: N8nApi, credentialIds: CredentialIds): Promise<Record<string, string>> {
	const ids: Record<string, string> = {};
	for (const example of loadExamples(credentialIds)) {
		ids[example.file] = example.activate ? await api.importAndActivate(example.workflow) : await api.createWorkflow(example.workflow);
	}
	return ids;
}
