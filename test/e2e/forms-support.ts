// Twins of the Forms to Flows examples: the same workflows with Typeform, Google Forms, Google Sheets and HubSpot
// (unreachable here) replaced by a small local stand-in that serves a fixture form, a contacts sheet, and records
// appended rows and HubSpot submissions. Everything else (our nodes, the sandbox, the simulated user) is real.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadExample, type CredentialIds } from '../harness/examples';
import { unfilledInputs, valueFor } from '../harness/form-answers';
import type { WorkflowJson } from '../harness/n8n-api';
import { simulatedUser } from '../harness/sandbox-flows';
import type { FlowStep } from '../sandbox/simulated-user/step-view';

export interface StandInRecord {
	method: string;
	path: string;
	body: unknown;
}

export interface StandIn {
	url: string;
	records: StandInRecord[];
	close(): Promise<void>;
}

/** GET routes answer from `routes` (path → JSON); any POST is recorded and answered {ok: true}. */
export function startStandIn(routes: Record<string, unknown>): Promise<StandIn> {
	const records: StandInRecord[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const path = decodeURIComponent(req.url ?? '');
			const text = Buffer.concat(chunks).toString('utf8');
			if (req.method === 'GET' && routes[path] !== undefined) {
				res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(routes[path]));
				return;
			}
			if (req.method === 'POST') {
				records.push({ method: 'POST', path, body: text ? (JSON.parse(text) as unknown) : null });
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
				return;
			}
			res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no route ${req.method} ${path}` }));
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
				records,
				close: () =>
					new Promise<void>((done) => {
						server.close(() => done());
						server.closeAllConnections();
					}),
			}),
		),
	);
}

const HTTP = 'n8n-nodes-base.httpRequest';

/** "=…{{ expr }}…" or a literal → an expression text that yields `prefix` + its value. */
function urlAfter(prefix: string, value: string): string {
	if (!value.startsWith('=')) return `${prefix}${value}`;
	return `=${prefix}${value.slice(1).trim()}`;
}

function httpNode(node: Record<string, unknown>, parameters: Record<string, unknown>): Record<string, unknown> {
	return { id: node.id, name: node.name, type: HTTP, typeVersion: 4.2, position: node.position, parameters: { ...parameters, options: {} } };
}

export interface TwinSpec {
	file: string;
	formId: string;
	sendPath: string;
	triggerPath: string;
	standInUrl: string;
	credentials: CredentialIds;
}

/** The example with its third-party services pointed at the stand-in, started by a webhook instead of by hand. */
export function formsTwin(spec: TwinSpec): WorkflowJson {
	const example = loadExample(spec.file, spec.credentials);
	const text = JSON.stringify(example.workflow).replace(/REPLACE_WITH_YOUR_FORM_(ID|GUID)/g, spec.formId);
	const workflow = JSON.parse(text) as WorkflowJson;
	workflow.name = `${workflow.name} ${spec.triggerPath}`;
	workflow.settings = { ...workflow.settings, saveDataSuccessExecution: 'all' };
	const s = spec.standInUrl;
	workflow.nodes = workflow.nodes.map((node) => {
		const p = node.parameters as Record<string, unknown>;
		switch (node.type) {
			case 'n8n-nodes-base.manualTrigger':
				return { ...node, type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: spec.sendPath, parameters: { httpMethod: 'POST', path: spec.sendPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} } };
			case 'n8n-nodes-whatsapp-flows.whatsAppCloudTrigger':
				return { ...node, webhookId: spec.triggerPath, parameters: { ...p, path: spec.triggerPath } };
			case HTTP: {
				const url = String(p.url).replace('https://api.typeform.com/', `${s}/typeform/`).replace('https://forms.googleapis.com/v1/', `${s}/google/`);
				return httpNode(node, { method: 'GET', url });
			}
			case 'n8n-nodes-base.googleSheets': {
				const sheet = (p.sheetName as { value: string }).value;
				if (p.operation === 'read') return httpNode(node, { method: 'GET', url: `${s}/sheets/${sheet}` });
				return httpNode(node, { method: 'POST', url: `${s}/sheets/${sheet}`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}' });
			}
			case 'n8n-nodes-base.hubspot': {
				const formId = String(p.formId);
				if (p.operation === 'getFields') return httpNode(node, { method: 'GET', url: urlAfter(`${s}/hubspot/fields/`, formId) });
				// What n8n's HubSpot node sends for Form → Submit: every key of the item as {name, value}.
				return httpNode(node, {
					method: 'POST',
					url: urlAfter(`${s}/hubspot/submit/`, formId),
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ fields: Object.entries($json).map(([name, value]) => ({ name, value })) }) }}',
				});
			}
			default:
				return node;
		}
	});
	return workflow;
}

export type Filled = Record<string, unknown>;

/** A simulated user over the sandbox's HTTP API opens the last flow, fills every field of every screen, submits. */
export async function fillEveryFieldOverHttp(sandboxUrl: string, waId: string): Promise<{ filled: Filled; last: FlowStep }> {
	const user = simulatedUser(sandboxUrl, waId);
	let step = await user.openLastFlow();
	const filled: Filled = {};
	let index = 0;
	for (let guard = 0; guard < 40 && step.status === 'open'; guard += 1) {
		// Fill what is shown; an answer can show more (an If on it: HubSpot dependent fields), so look again.
		for (let round = 0; round < 5; round += 1) {
			const values: Filled = {};
			let picked = false;
			for (const component of unfilledInputs(step.screen?.components ?? [], filled)) {
				index += 1;
				const value = valueFor(component, index);
				if (component.type === 'PhotoPicker' || component.type === 'DocumentPicker') {
					const selected = await user.selectFiles(component.name, value as Array<{ fileName: string; bytes: Buffer; mimeType: string }>);
					if (selected.result.outcome === 'filled' && Object.keys(selected.result.errors).length > 0) throw new Error(JSON.stringify(selected.result));
					filled[component.name] = value;
					picked = true;
				} else values[component.name] = value;
			}
			if (Object.keys(values).length === 0 && !picked) break;
			if (Object.keys(values).length > 0) {
				step = await user.fill(values);
				if (step.result.outcome === 'filled' && Object.keys(step.result.errors).length > 0) throw new Error(`screen ${step.screen?.id}: ${JSON.stringify(step.result.errors)}`);
				Object.assign(filled, values);
			}
		}
		step = await user.pressFooter();
		if (step.result.outcome === 'invalid') throw new Error(`screen invalid: ${JSON.stringify(step.result)}`);
	}
	return { filled, last: step };
}

export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
