import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { EXAMPLES_DIR, loadExample } from '../harness/examples';
import type { WorkflowJson } from '../harness/n8n-api';
import { createEndpointFlow, sendEndpointFlowMessage, simulatedUser, uploadFlowPublicKey } from '../harness/sandbox-flows';
import { parseMultipart } from '../sandbox/http-io';
import type { FlowStep } from '../sandbox/simulated-user/step-view';
import { instance, loadE2eEnv, profilesAmong, type E2eInstance } from './harness/e2e-env';
import { endpointUrl, flowEndpointCredentials, TRIGGER_TYPE, type FlowEndpointCredentials } from './flow-endpoint-support';
import { openConversationWindow, uniquePath, waitForWebhook } from './support/workflows';

// The KYC example (examples/kyc-onboarding-endpoint.json) in real n8n, as its e2e twin: the HubSpot node and the
// HubSpot Files uploads point at a local stand-in CRM instead of api.hubapi.com (unreachable here). A simulated user
// fills identity and address, picks an ID document (DocumentPicker) and a selfie (PhotoPicker); the workflow
// decrypts both into n8n binaries, uploads them and creates the contact, and the user sees the confirmation.

const FLOW_JSON = readFileSync(join(EXAMPLES_DIR, 'flows', 'kyc-onboarding.flow.json'), 'utf8');

interface CrmRecord {
	path: string;
	json?: Record<string, unknown>;
	file?: { field: string; filename?: string; sha256: string; size: number };
}

function startStandInCrm(): Promise<{ server: Server; url: string; records: CrmRecord[] }> {
	const records: CrmRecord[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			if (req.url === '/files') {
				const { files } = parseMultipart(String(req.headers['content-type']), raw);
				const file = files.file;
				const id = String(records.length + 1);
				records.push({
					path: '/files',
					...(file ? { file: { field: file.field, filename: file.filename, sha256: createHash('sha256').update(file.data).digest('hex'), size: file.data.length } } : {}),
				});
				res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, url: `https://files.example.com/kyc/${id}` }));
				return;
			}
			records.push({ path: req.url ?? '', json: JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown> });
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ vid: 1001 }));
		});
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, records })));
}

/** The example with its HubSpot calls pointed at the stand-in CRM. */
function kycTwin(credentials: FlowEndpointCredentials, path: string, crmUrl: string): WorkflowJson {
	const example = loadExample('kyc-onboarding-endpoint.json', {
		whatsAppFlowsAppApi: credentials.app.id,
		whatsAppFlowsPrivateKeyApi: credentials.key.id,
		whatsAppFlowsCloudApi: 'unused',
		hubspotAppToken: 'unused',
	});
	const workflow = structuredClone(example.workflow);
	workflow.name = `${workflow.name} ${path}`;
	workflow.settings = { ...workflow.settings, saveDataSuccessExecution: 'all' };
	workflow.nodes = workflow.nodes.map((node) => {
		const parameters = node.parameters as Record<string, unknown>;
		if (node.type === TRIGGER_TYPE) return { ...node, webhookId: path, parameters: { ...parameters, path } };
		if (String(node.name).startsWith('Upload')) {
			const rest = { ...parameters };
			delete rest.nodeCredentialType;
			const withoutCredentials = { ...node };
			delete withoutCredentials.credentials;
			return { ...withoutCredentials, parameters: { ...rest, url: `${crmUrl}/files`, authentication: 'none' } };
		}
		if (node.type === 'n8n-nodes-base.hubspot') {
			const fields = parameters.additionalFields as Record<string, string>;
			const body = Object.entries({ email: String(parameters.email), ...fields })
				.map(([key, value]) => `${JSON.stringify(key)}: {{ JSON.stringify(${value.replace(/^=\{\{\s*|\s*\}\}$/g, '')}) }}`)
				.join(', ');
			return {
				id: node.id,
				name: node.name,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: node.position,
				parameters: { method: 'POST', url: `${crmUrl}/contacts`, sendBody: true, specifyBody: 'json', jsonBody: `={ ${body} }`, options: {} },
			};
		}
		return node;
	});
	return workflow;
}

function screenId(step: FlowStep): string | undefined {
	return step.screen?.id;
}

describe.each(profilesAmong('regular', 'queue'))('KYC onboarding through a real n8n (%s)', (profile) => {
	let n8n: E2eInstance;
	let sandboxUrl: string;
	let crm: Awaited<ReturnType<typeof startStandInCrm>>;
	let flowId: string;
	const path = uniquePath('kyc');

	beforeAll(async () => {
		n8n = instance(profile);
		sandboxUrl = loadE2eEnv().sandboxUrl;
		crm = await startStandInCrm();
		const credentials = await flowEndpointCredentials(n8n, sandboxUrl);
		await uploadFlowPublicKey(sandboxUrl, credentials.publicKeyPem);
		await n8n.api.importAndActivate(kycTwin(credentials, path, crm.url));
		await waitForWebhook(n8n.webhookBaseUrl, path);
		flowId = await createEndpointFlow(sandboxUrl, { name: `KYC ${path}`, flowJson: FLOW_JSON, endpointUri: endpointUrl(n8n, path), categories: ['SIGN_UP'] });
	});

	afterAll(async () => {
		await new Promise((resolve) => crm.server.close(resolve));
	});

	it('identity → address → ID document → selfie → confirmation; the files reach the CRM decrypted, the contact is created', async () => {
		const waId = `1555${String(Date.now()).slice(-7)}`;
		const user = simulatedUser(sandboxUrl, waId);
		const idDocument = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(20_000)]);
		const selfie = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(30_000)]);
		await openConversationWindow(sandboxUrl, waId);
		await sendEndpointFlowMessage(sandboxUrl, waId, flowId, `kyc-${waId}`);

		expect(screenId(await user.openLastFlow())).toBe('IDENTITY');
		await user.fill({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', birth_date: '1990-12-10' });
		expect(screenId(await user.pressFooter())).toBe('ADDRESS');
		await user.fill({ street: '12 St James Square', city: 'London', postal_code: 'SW1Y 4JH' });
		expect(screenId(await user.pressFooter())).toBe('DOCUMENTS');
		await user.selectFiles('id_document', [{ fileName: 'passport.pdf', bytes: idDocument, mimeType: 'application/pdf' }]);
		const askedForSelfie = await user.pressFooter();
		expect(askedForSelfie.exchanges.map((exchange) => exchange.statuses)).toEqual([[200]]);
		expect(screenId(askedForSelfie)).toBe('SELFIE');
		await user.selectFiles('selfie', [{ fileName: 'me.jpg', bytes: selfie, mimeType: 'image/jpeg' }]);
		const confirmed = await user.pressFooter();
		expect(screenId(confirmed)).toBe('CONFIRMATION');
		expect(confirmed.screen?.components.map((component) => component.text).join(' ')).toContain('KYC-1001');
		const done = await user.pressFooter();
		expect(done.status).toBe('completed');
		expect(JSON.parse(done.reply?.responseJson ?? '{}')).toMatchObject({ reference: 'KYC-1001', flow_token: `kyc-${waId}` });

		const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
		expect(crm.records.map((record) => record.path)).toEqual(['/files', '/contacts', '/files']);
		expect(crm.records[0].file).toMatchObject({ filename: 'passport.pdf', sha256: sha256(idDocument), size: idDocument.length });
		expect(crm.records[2].file).toMatchObject({ filename: 'me.jpg', sha256: sha256(selfie), size: selfie.length });
		expect(crm.records[1].json).toEqual({
			email: 'ada@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			streetAddress: '12 St James Square',
			city: 'London',
			postalCode: 'SW1Y 4JH',
			message: 'WhatsApp KYC: ID document https://files.example.com/kyc/1',
		});
	});
});
