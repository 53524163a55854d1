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
}

/** Credential ids by type; examples reference them as "{{credential:<type>}}". */
export type CredentialIds = Record<string, string>;

export function loadExamples(credentialIds: CredentialIds): ExampleWorkflow[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const text = readFileSync(join(EXAMPLES_DIR, file), 'utf8').replace(/\{\{credential:([A-Za-z0-9]+)\}\}/g, (_match, type: string) => {
				const id = credentialIds[type];
				if (!id) throw new Error(`example ${file} needs a ${type} credential`);
				return id;
			});
			const workflow = JSON.parse(text) as WorkflowJson;
			const webhookPaths = workflow.nodes
				.filter((node) => node.type === 'n8n-nodes-base.webhook')
				.map((node) => String((node.parameters as { path?: string }).path));
			return { file, workflow, webhookPaths };
		});
}

/** Imports and activates every example; returns the workflow id per file. */
export async function importExamples(api: N8nApi, credentialIds: CredentialIds): Promise<Record<string, string>> {
	const ids: Record<string, string> = {};
	for (const example of loadExamples(credentialIds)) ids[example.file] = await api.importAndActivate(example.workflow);
	return ids;
}
