// The WhatsApp Flows node's Flow and Encryption Key resources in real n8n against the sandbox's Flows API
// (whatsapp/flows/reference/flowsapi, cloud-api/reference/whatsapp-business-encryption). Every operation runs at
// least once in the regular profile, error paths included; a core subset runs in queue mode and on n8n 1.x.
import { generateKeyPairSync } from 'node:crypto';
import { SANDBOX_SECOND_PHONE_NUMBER_ID } from '../sandbox/seed';
import { instance, loadE2eEnv, profilesAmong } from './harness/e2e-env';
import { sandboxCloudApiCredential, type CredentialRef } from './support/credentials';
import {
	assetUploads,
	FLOW_ID_FROM_BODY,
	FLOW_JSON_TO_FILE,
	flowJsonWithoutFooter,
	operationWorkflow,
	sandboxCall,
	sandboxFlow,
	searchFlowsThroughN8n,
	staticFlowJson,
	type OperationWorkflow,
} from './support/flows-api';

type Item = Record<string, unknown> & { error?: string; description?: string };

const sandboxUrl = () => loadE2eEnv().sandboxUrl;
const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

const DEPLOY_PARAMETERS = {
	resource: 'flow',
	operation: 'deploy',
	name: '={{ $json.body.name }}',
	flowJsonSource: 'json',
	flowJson: '={{ $json.body.flowJson }}',
	categories: ['APPOINTMENT_BOOKING'],
	publish: '={{ $json.body.publish === true }}',
	options: { localValidation: '={{ $json.body.localValidation !== false }}' },
};
const UPDATE_JSON_PARAMETERS = {
	resource: 'flow',
	operation: 'updateJson',
	flowId: FLOW_ID_FROM_BODY,
	flowJsonSource: 'json',
	flowJson: '={{ $json.body.flowJson }}',
	options: { localValidation: '={{ $json.body.localValidation !== false }}' },
};
const byId = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'flow', operation, flowId: FLOW_ID_FROM_BODY, ...extra });

/** What every profile must get right: deploy (create, skip when unchanged, publish), get, delete refused, JSON errors, the picker. */
describe.each(profilesAmong('regular', 'queue', 'n8n1'))('Flows API core in real n8n (%s)', (profile) => {
	const n8n = () => instance(profile);
	let credential: CredentialRef;
	let deploy: OperationWorkflow;
	let get: OperationWorkflow;
	let remove: OperationWorkflow;
	let updateJson: OperationWorkflow;

	beforeAll(async () => {
		credential = await sandboxCloudApiCredential(n8n(), sandboxUrl());
		const credentials = { whatsAppFlowsCloudApi: credential };
		deploy = await operationWorkflow(n8n(), 'deploy', DEPLOY_PARAMETERS, credentials);
		get = await operationWorkflow(n8n(), 'get', byId('get'), credentials);
		remove = await operationWorkflow(n8n(), 'delete', byId('delete'), credentials);
		updateJson = await operationWorkflow(n8n(), 'update JSON', UPDATE_JSON_PARAMETERS, credentials);
	});

	it('deploys by name: creates, then skips the upload of the same JSON, then publishes', async () => {
		const name = unique('booking');
		const [created] = await deploy.run<Item>({ name, flowJson: staticFlowJson() });
		expect(created).toMatchObject({ name, action: 'created', jsonUploaded: true, published: false, status: 'DRAFT', valid: true });
		const flowId = String(created.id);
		expect(await assetUploads(sandboxUrl(), flowId)).toBe(0); // created with flow_json in the create call

		const [again] = await deploy.run<Item>({ name, flowJson: JSON.stringify(JSON.parse(staticFlowJson())) });
		expect(again).toMatchObject({ id: flowId, action: 'unchanged', jsonUploaded: false });

		const [published] = await deploy.run<Item>({ name, flowJson: staticFlowJson(), publish: true });
		expect(published).toMatchObject({ id: flowId, published: true, status: 'PUBLISHED' });
		expect(await sandboxFlow(sandboxUrl(), flowId)).toMatchObject({ status: 'PUBLISHED', jsonText: staticFlowJson() });

		const [details] = await get.run<Item>({ flowId });
		expect(details).toMatchObject({ id: flowId, name, status: 'PUBLISHED', jsonVersion: '7.3', canSendMessage: 'AVAILABLE', valid: true });
		expect(String(details.previewUrl)).toContain(flowId);
	});

	it('refuses to delete a published Flow with Meta\'s 139004, its cause and the fix (deprecate)', async () => {
		const [published] = await deploy.run<Item>({ name: unique('live'), flowJson: staticFlowJson(), publish: true });
		const [refused] = await remove.run<Item>({ flowId: published.id });
		expect(refused.error).toMatch(/^Meta error 139004 \(Flow is not a draft\)/);
		expect(refused.description).toContain('Cause: Only a DRAFT Flow can be deleted.');
		expect(refused.description).toContain('Fix: Deprecate the published Flow instead of deleting it.');
		expect((await sandboxFlow(sandboxUrl(), String(published.id)))?.status).toBe('PUBLISHED');
	});

	it('shows Meta\'s validation errors readably: line, column, path, rule, message', async () => {
		const [draft] = await deploy.run<Item>({ name: unique('broken'), flowJson: staticFlowJson() });
		const [rejected] = await updateJson.run<Item>({ flowId: draft.id, flowJson: flowJsonWithoutFooter(), localValidation: false });
		expect(rejected.error).toMatch(new RegExp(`^Meta reported \\d+ validation errors? in the Flow JSON of Flow ${String(draft.id)}`));
		expect(rejected.description).toMatch(/^Meta reported \d+ validation errors? in the Flow JSON:\n1\. line \d+(–\d+)?, column \d+(–\d+)? \(screens\[0\]/);
	});

	it('lists Flows in the Flow picker through n8n\'s resource locator endpoint (listSearch), with a search filter', async () => {
		const name = unique('picker');
		const [created] = await deploy.run<Item>({ name, flowJson: staticFlowJson() });
		const found = await searchFlowsThroughN8n(n8n(), credential, name.slice(0, 12));
		expect(found.results).toContainEqual({ name: `${name} (DRAFT)`, value: created.id });
		const page = await searchFlowsThroughN8n(n8n(), credential);
		expect(page.results.length).toBeGreaterThan(0);
		expect(page.results.every((result) => /^\d+$/.test(result.value))).toBe(true);
	});
});

/** Every operation of the Flow and Encryption Key resources, error paths included (regular profile). */
describe.each(profilesAmong('regular'))('every Flow and Encryption Key operation in real n8n (%s)', (profile) => {
	const n8n = () => instance(profile);
	const workflows: Record<string, OperationWorkflow> = {};
	let credential: CredentialRef;

	beforeAll(async () => {
		credential = await sandboxCloudApiCredential(n8n(), sandboxUrl());
		const cloud = { whatsAppFlowsCloudApi: credential };
		const specs: Array<[string, Record<string, unknown>, Record<string, CredentialRef>?, boolean?]> = [
			['deploy', DEPLOY_PARAMETERS],
			[
				'create',
				{
					resource: 'flow',
					operation: 'create',
					name: '={{ $json.body.name }}',
					categories: ['SURVEY', 'OTHER'],
					flowJsonSource: 'json',
					flowJson: '={{ $json.body.flowJson }}',
					options: { publish: '={{ $json.body.publish === true }}', localValidation: '={{ $json.body.localValidation !== false }}' },
				},
			],
			[
				'create without JSON',
				{ resource: 'flow', operation: 'create', name: '={{ $json.body.name }}', categories: ['OTHER'], flowJsonSource: 'none', options: { cloneFlowId: '={{ $json.body.cloneFlowId || "" }}' } },
			],
			[
				'create from file',
				{ resource: 'flow', operation: 'create', name: "={{ $('Webhook').item.json.body.name }}", categories: ['LEAD_GENERATION'], flowJsonSource: 'binary', binaryPropertyName: 'data', options: {} },
				undefined,
				true,
			],
			['update JSON', UPDATE_JSON_PARAMETERS],
			['update metadata', byId('updateMetadata', { updateFields: { name: '={{ $json.body.name }}', endpointUri: '={{ $json.body.endpointUri }}' } })],
			['publish', byId('publish')],
			['deprecate', byId('deprecate')],
			['delete', byId('delete')],
			['get', byId('get', { options: { newPreviewUrl: '={{ $json.body.newPreviewUrl === true }}' } })],
			['list', { resource: 'flow', operation: 'list', returnAll: '={{ $json.body.returnAll === true }}', limit: '={{ $json.body.limit || 50 }}', status: '={{ $json.body.status || [] }}' }],
			['metrics', byId('metrics', { metric: '={{ $json.body.metric }}', granularity: 'LIFETIME' })],
			['validate', { resource: 'flow', operation: 'validate', flowJsonSource: 'json', flowJson: '={{ $json.body.flowJson }}' }],
		];
		for (const [label, parameters, credentials, fromFile] of specs) {
			workflows[label] = await operationWorkflow(n8n(), label, parameters, credentials ?? cloud, fromFile ? [FLOW_JSON_TO_FILE] : []);
		}
	});

	const run = (label: string, body: Record<string, unknown> = {}) => workflows[label].run<Item>(body);
	const one = async (label: string, body: Record<string, unknown> = {}) => (await run(label, body))[0];

	it('create: from a JSON parameter (an expression), from a binary file, without JSON, and as a clone', async () => {
		const fromJson = await one('create', { name: unique('survey'), flowJson: staticFlowJson() });
		expect(fromJson).toMatchObject({ status: 'DRAFT', categories: ['SURVEY', 'OTHER'], jsonVersion: '7.3', valid: true, validationErrors: [] });

		const fromFile = await one('create from file', { name: unique('lead'), flowJson: staticFlowJson('From a file') });
		expect(fromFile).toMatchObject({ status: 'DRAFT', categories: ['LEAD_GENERATION'], valid: true });
		expect((await sandboxFlow(sandboxUrl(), String(fromFile.id)))?.jsonText).toBe(staticFlowJson('From a file'));

		const empty = await one('create without JSON', { name: unique('empty') });
		expect(empty).toMatchObject({ status: 'DRAFT' });
		expect((await sandboxFlow(sandboxUrl(), String(empty.id)))?.jsonText).toBeUndefined();

		const clone = await one('create without JSON', { name: unique('clone'), cloneFlowId: fromFile.id });
		expect((await sandboxFlow(sandboxUrl(), String(clone.id)))?.jsonText).toBe(staticFlowJson('From a file'));
	});

	it('create: publishes in the same call when asked; a name already used answers Meta\'s code 100', async () => {
		const name = unique('instant');
		expect(await one('create', { name, flowJson: staticFlowJson(), publish: true })).toMatchObject({ status: 'PUBLISHED' });
		const duplicate = await one('create', { name, flowJson: staticFlowJson() });
		expect(duplicate.error).toMatch(/^Meta error 100/);
		expect(duplicate.description).toContain('Flow name is not unique');
	});

	it('the local validator runs before every upload: unparseable JSON stops the item and nothing reaches Meta', async () => {
		const name = unique('never');
		const stopped = await one('create', { name, flowJson: '{"version": "7.3", "screens": [' });
		expect(stopped.error).toMatch(/^The Flow JSON has \d+ errors? \(local check; nothing was sent to Meta\)/);
		expect(String(stopped.description).length).toBeGreaterThan(0);
		const listed = await run('list', { returnAll: true });
		expect(listed.map((flow) => flow.name)).not.toContain(name);
	});

	it('update JSON: uploads flow.json; Meta\'s validation errors stop the item, readable; a published Flow returns to DRAFT', async () => {
		const flow = await one('deploy', { name: unique('edit'), flowJson: staticFlowJson(), publish: true });
		const updated = await one('update JSON', { flowId: flow.id, flowJson: staticFlowJson('Changed') });
		expect(updated).toMatchObject({ id: flow.id, status: 'DRAFT', valid: true });
		expect(await assetUploads(sandboxUrl(), String(flow.id))).toBe(1);

		const rejected = await one('update JSON', { flowId: flow.id, flowJson: flowJsonWithoutFooter(), localValidation: false });
		expect(rejected.description).toMatch(/^Meta reported \d+ validation errors? in the Flow JSON:\n1\. line \d+/);
		const details = await one('get', { flowId: flow.id });
		expect(details.valid).toBe(false);
		expect(String(details.validationErrorsText)).toMatch(/^Meta reported/);
	});

	it('update metadata: renames and sets the endpoint URI', async () => {
		const flow = await one('deploy', { name: unique('meta'), flowJson: staticFlowJson() });
		const renamed = unique('renamed');
		const updated = await one('update metadata', { flowId: flow.id, name: renamed, endpointUri: 'https://example.com/flow-endpoint' });
		expect(updated).toMatchObject({ id: flow.id, name: renamed, endpointUri: 'https://example.com/flow-endpoint', updated: ['name', 'endpointUri'] });
	});

	it('publish → deprecate; deprecating a draft answers 139003, deleting a draft works, a deprecated Flow cannot be deployed again', async () => {
		const name = unique('lifecycle');
		const flow = await one('deploy', { name, flowJson: staticFlowJson() });
		expect((await one('deprecate', { flowId: flow.id })).error).toMatch(/^Meta error 139003/);
		expect(await one('publish', { flowId: flow.id })).toMatchObject({ status: 'PUBLISHED' });
		expect((await one('publish', { flowId: flow.id })).error).toMatch(/^Meta error 139002 \(Publishing failed\)/);
		expect(await one('deprecate', { flowId: flow.id })).toMatchObject({ status: 'DEPRECATED' });
		expect((await one('deploy', { name, flowJson: staticFlowJson('new') })).error).toMatch(/is DEPRECATED and can no longer be changed/);

		const draft = await one('deploy', { name: unique('to delete'), flowJson: staticFlowJson() });
		expect(await one('delete', { flowId: draft.id })).toEqual({ id: draft.id, deleted: true });
		expect(await sandboxFlow(sandboxUrl(), String(draft.id))).toBeUndefined();
	});

	it('get: status, validation errors, preview URL (new on request), health, JSON and data API versions, endpoint URI', async () => {
		const flow = await one('deploy', { name: unique('details'), flowJson: staticFlowJson() });
		const first = await one('get', { flowId: flow.id });
		expect(first).toMatchObject({
			id: flow.id,
			status: 'DRAFT',
			valid: true,
			validationErrors: [],
			jsonVersion: '7.3',
			dataApiVersion: null,
			endpointUri: null,
			canSendMessage: 'AVAILABLE',
			healthStatus: { can_send_message: 'AVAILABLE' },
		});
		const renewed = await one('get', { flowId: flow.id, newPreviewUrl: true });
		expect(renewed.previewUrl).not.toBe(first.previewUrl);
		expect((await one('get', { flowId: '999999999' })).error).toMatch(/^Meta error 100/);
	});

	it('list: one item per Flow, a limit, a status filter, and everything with Return All', async () => {
		for (let i = 0; i < 3; i++) await one('deploy', { name: unique(`listed ${i}`), flowJson: staticFlowJson(), publish: i === 0 });
		expect(await run('list', { limit: 2 })).toHaveLength(2);
		const all = await run('list', { returnAll: true });
		expect(all.length).toBeGreaterThan(3);
		expect(all.every((flow) => typeof flow.id === 'string' && typeof flow.status === 'string')).toBe(true);
		const drafts = await run('list', { returnAll: true, status: ['DRAFT'] });
		expect(drafts.length).toBeGreaterThan(0);
		expect(drafts.every((flow) => flow.status === 'DRAFT')).toBe(true);
	});

	it('metrics: Meta\'s data points once the endpoint served 250 requests; before that 139006, explained', async () => {
		const flow = await one('deploy', { name: unique('metrics'), flowJson: staticFlowJson() });
		const early = await one('metrics', { flowId: flow.id, metric: 'ENDPOINT_REQUEST_COUNT' });
		expect(early.error).toMatch(/^Meta error 139006/);
		await sandboxCall(sandboxUrl(), 'POST', `flows/${String(flow.id)}/endpoint-requests`, { count: 300, failed: 30 });
		const count = await one('metrics', { flowId: flow.id, metric: 'ENDPOINT_REQUEST_COUNT' });
		expect(count).toMatchObject({ flowId: flow.id, name: 'ENDPOINT_REQUEST_COUNT', granularity: 'LIFETIME' });
		expect(count.dataPoints).toEqual([{ timestamp: expect.any(String), data: [{ key: 'value', value: 300 }] }]);
		const rate = await one('metrics', { flowId: flow.id, metric: 'ENDPOINT_REQUEST_ERROR_RATE' });
		expect(rate.dataPoints).toEqual([{ timestamp: expect.any(String), data: [{ key: 'value', value: 0.1 }] }]);
	});

	it('validate: the local verdict without any upload, for good and unparseable JSON', async () => {
		expect(await one('validate', { flowJson: staticFlowJson() })).toMatchObject({ valid: true, version: '7.3', errors: [] });
		const bad = await one('validate', { flowJson: '{"version": "7.3",' });
		expect(bad).toMatchObject({ valid: false, publishable: false, errors: [expect.objectContaining({ line: 1, severity: 'error' })] });
		expect(String(bad.report).length).toBeGreaterThan(0);
	});

	describe('Encryption Key', () => {
		const keyWorkflows: Record<string, OperationWorkflow> = {};

		beforeAll(async () => {
			// The second sandbox number: the suites that run Flow endpoints use the first one's key.
			const secondNumber = await sandboxCloudApiCredential(n8n(), sandboxUrl(), { phoneNumberId: SANDBOX_SECOND_PHONE_NUMBER_ID });
			const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
			const privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'endpoint-pass' }).toString();
			const keyName = `Flow endpoint key ${Date.now()}`;
			const key: CredentialRef = {
				id: await n8n().api.createCredential(keyName, 'whatsAppFlowsPrivateKeyApi', { privateKey: privateKeyPem, passphrase: 'endpoint-pass' }),
				name: keyName,
			};
			const withKey = { whatsAppFlowsCloudApi: secondNumber, whatsAppFlowsPrivateKeyApi: key };
			const specs: Array<[string, Record<string, unknown>, Record<string, CredentialRef>]> = [
				['key generate', { resource: 'encryptionKey', operation: 'generate', passphrase: '={{ $json.body.passphrase }}' }, withKey],
				['key upload', { resource: 'encryptionKey', operation: 'upload', publicKeySource: '={{ $json.body.source }}', publicKeyPem: '={{ $json.body.publicKeyPem || "" }}' }, withKey],
				['key status', { resource: 'encryptionKey', operation: 'get' }, withKey],
				['key status without key credential', { resource: 'encryptionKey', operation: 'get' }, { whatsAppFlowsCloudApi: secondNumber }],
				['key rotate', { resource: 'encryptionKey', operation: 'rotate', passphrase: 'credential' }, withKey],
			];
			for (const [label, parameters, credentials] of specs) keyWorkflows[label] = await operationWorkflow(n8n(), label, parameters, credentials);
		});

		const key = async (label: string, body: Record<string, unknown> = {}) => (await keyWorkflows[label].run<Item>(body))[0];

		it('generate: an RSA-2048 PKCS#8 pair, plain or under a random passphrase, nothing sent to Meta', async () => {
			const plain = await key('key generate', { passphrase: 'none' });
			expect(String(plain.privateKeyPem)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
			expect(String(plain.publicKeyPem)).toMatch(/^-----BEGIN PUBLIC KEY-----/);
			expect(plain).toMatchObject({ encrypted: false, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
			const locked = await key('key generate', { passphrase: 'random' });
			expect(String(locked.privateKeyPem)).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
			expect(locked).toMatchObject({ encrypted: true, passphrase: expect.stringMatching(/^[\w-]{32}$/) });
		});

		it('upload (from the private key credential, or a PEM) → status VALID, and whether it matches the endpoint\'s key', async () => {
			const fromCredential = await key('key upload', { source: 'credential' });
			expect(fromCredential).toMatchObject({ phoneNumberId: SANDBOX_SECOND_PHONE_NUMBER_ID, uploaded: true, signatureStatus: 'VALID' });
			const status = await key('key status');
			expect(status).toMatchObject({ uploaded: true, signatureStatus: 'VALID', matchesPrivateKeyCredential: true, ok: true, problems: [] });
			expect(status.fingerprint).toBe(fromCredential.fingerprint);
			expect(await key('key status without key credential')).toMatchObject({ signatureStatus: 'VALID', matchesPrivateKeyCredential: null });

			const other = await key('key generate', { passphrase: 'none' });
			await key('key upload', { source: 'pem', publicKeyPem: other.publicKeyPem });
			const mismatch = await key('key status');
			expect(mismatch).toMatchObject({ matchesPrivateKeyCredential: false, ok: false });
			expect(JSON.stringify(mismatch.problems)).toContain('HTTP 421');

			await sandboxCall(sandboxUrl(), 'POST', `phone-numbers/${SANDBOX_SECOND_PHONE_NUMBER_ID}/public-key-status`, { status: 'MISMATCH' });
			expect(await key('key status')).toMatchObject({ signatureStatus: 'MISMATCH', ok: false });
			expect((await key('key upload', { source: 'pem', publicKeyPem: 'not a key' })).error).toMatch(/not a PEM public key/);
		});

		it('rotate: uploads a new key (under the credential\'s passphrase) and says the endpoint credential must change now', async () => {
			await key('key upload', { source: 'credential' });
			const before = await key('key status');
			const rotated = await key('key rotate');
			expect(rotated).toMatchObject({ rotated: true, signatureStatus: 'VALID', previousFingerprint: before.fingerprint });
			expect(rotated.fingerprint).not.toBe(before.fingerprint);
			expect(String(rotated.actionRequired)).toMatch(/Replace the private key in the "WhatsApp Flow Endpoint Private Key" credential .* NOW/);
			expect(String(rotated.privateKeyPem)).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
			expect(rotated.passphrase).toBeUndefined();
			expect(await key('key status')).toMatchObject({ fingerprint: rotated.fingerprint, matchesPrivateKeyCredential: false });
		});
	});
});
