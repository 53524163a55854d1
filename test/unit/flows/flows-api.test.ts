// The Flows API core against the sandbox: the calls Meta documents (whatsapp/flows/reference/flowsapi), end to end.
import { createPublicKey } from 'node:crypto';
import { generateFlowKeyPair } from '../../../nodes/shared/crypto/private-key';
import { parseFlowPublicKey, publicKeyFingerprint, spkiPem } from '../../../nodes/shared/crypto/public-key';
import { getBusinessPublicKey, uploadBusinessPublicKey } from '../../../nodes/shared/flows/business-public-key';
import {
	createFlow,
	deleteFlow,
	deprecateFlow,
	findFlowByName,
	flowJsonDownloadUrl,
	getFlow,
	listAllFlows,
	listFlowsPage,
	publishFlow,
	updateFlowMetadata,
	uploadFlowJson,
} from '../../../nodes/shared/flows/flows-api';
import { getFlowMetric } from '../../../nodes/shared/flows/metrics';
import { MetaApiError } from '../../../nodes/shared/graph/meta-error';
import { SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID } from '../../sandbox';
import { flowJson } from '../../sandbox/test-support-flows';
import { downloadText, sandboxClient, startSandbox, type Sandbox } from './sandbox-graph';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

const client = () => sandboxClient(sandbox);

/** A terminal screen without its Footer: Meta saves it and reports a validation error. */
function flowJsonWithoutFooter(): string {
	const json = JSON.parse(flowJson()) as { screens: Array<{ layout: { children: unknown[] } }> };
	json.screens[0].layout.children.pop();
	return JSON.stringify(json, null, 2);
}

async function metaError(promise: Promise<unknown>): Promise<MetaApiError> {
	const error = await promise.then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(MetaApiError);
	return error as MetaApiError;
}

describe('a Flow\'s life through the Flows API', () => {
	it('create with JSON → get (versions, preview) → metadata → publish → deprecate', async () => {
		const created = await createFlow(client(), SANDBOX_WABA_ID, { name: 'signup', categories: ['SIGN_UP'], flowJson: flowJson() });
		expect(created.validationErrors).toEqual([]);
		const draft = await getFlow(client(), created.id);
		expect(draft).toMatchObject({ id: created.id, name: 'signup', status: 'DRAFT', categories: ['SIGN_UP'], json_version: '7.3' });
		expect(draft.preview?.preview_url).toContain(created.id);
		expect(draft.health_status?.can_send_message).toBe('AVAILABLE');

		await updateFlowMetadata(client(), created.id, { name: 'signup v2', categories: ['SIGN_UP', 'OTHER'] });
		expect(await getFlow(client(), created.id, { fields: ['name', 'categories'] })).toMatchObject({ name: 'signup v2', categories: ['SIGN_UP', 'OTHER'] });

		await publishFlow(client(), created.id);
		expect((await getFlow(client(), created.id, { fields: ['status'] })).status).toBe('PUBLISHED');
		await deprecateFlow(client(), created.id);
		expect((await getFlow(client(), created.id, { fields: ['status'] })).status).toBe('DEPRECATED');
	});

	it('uploads flow.json as Meta\'s multipart asset and reads it back through the asset\'s download_url', async () => {
		const { id } = await createFlow(client(), SANDBOX_WABA_ID, { name: 'upload', categories: ['OTHER'] });
		expect(await flowJsonDownloadUrl(client(), id)).toBeUndefined();
		const text = flowJson();
		expect((await uploadFlowJson(client(), id, text)).validationErrors).toEqual([]);
		const [call] = sandbox.state.calls({ path: `${id}/assets`, method: 'POST' });
		expect(String(call.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
		const url = await flowJsonDownloadUrl(client(), id);
		expect(await downloadText(url!)).toBe(text);
	});

	it('passes on Meta\'s validation_errors with lines and columns in the uploaded text', async () => {
		const { id } = await createFlow(client(), SANDBOX_WABA_ID, { name: 'broken', categories: ['OTHER'] });
		const { validationErrors } = await uploadFlowJson(client(), id, flowJsonWithoutFooter());
		expect(validationErrors.length).toBeGreaterThan(0);
		expect(validationErrors[0]).toMatchObject({ error_type: 'FLOW_JSON_ERROR', line_start: expect.any(Number), column_start: expect.any(Number) });
		expect((await getFlow(client(), id, { fields: ['validation_errors'] })).validation_errors).toEqual(validationErrors);
	});

	it('deletes a DRAFT; a PUBLISHED Flow answers 139004 with the catalogue\'s cause and fix', async () => {
		const draft = await createFlow(client(), SANDBOX_WABA_ID, { name: 'draft', categories: ['OTHER'] });
		await deleteFlow(client(), draft.id);
		expect(await findFlowByName(client(), SANDBOX_WABA_ID, 'draft')).toBeUndefined();

		const published = await createFlow(client(), SANDBOX_WABA_ID, { name: 'live', categories: ['OTHER'], flowJson: flowJson(), publish: true });
		const error = await metaError(deleteFlow(client(), published.id));
		expect(error.code).toBe(139004);
		expect(error.cause).toBe('Only a DRAFT Flow can be deleted.');
		expect(error.fix).toContain('Deprecate');
	});

	it('lists in pages with Graph cursors, and finds a Flow by its exact name', async () => {
		for (let i = 0; i < 5; i++) await createFlow(client(), SANDBOX_WABA_ID, { name: `flow ${i}`, categories: ['OTHER'] });
		const first = await listFlowsPage(client(), SANDBOX_WABA_ID, { limit: 2 });
		expect(first.flows).toHaveLength(2);
		expect(first.nextCursor).toEqual(expect.any(String));
		const second = await listFlowsPage(client(), SANDBOX_WABA_ID, { limit: 2, after: first.nextCursor });
		expect(second.flows.map((f) => f.id)).not.toContain(first.flows[0].id);
		const all = await listAllFlows(client(), SANDBOX_WABA_ID);
		expect(all).toHaveLength(6); // and the seeded sandbox_signup
		expect((await findFlowByName(client(), SANDBOX_WABA_ID, 'flow 3'))?.id).toBe(all.find((f) => f.name === 'flow 3')?.id);
		expect(await findFlowByName(client(), SANDBOX_WABA_ID, 'flow')).toBeUndefined();
	});

	it('reads endpoint metrics; under 250 requests Meta answers 139006', async () => {
		const { id } = await createFlow(client(), SANDBOX_WABA_ID, { name: 'metrics', categories: ['OTHER'], flowJson: flowJson() });
		expect((await metaError(getFlowMetric(client(), id, { name: 'ENDPOINT_REQUEST_COUNT', granularity: 'DAY' }))).code).toBe(139006);
		for (let i = 0; i < 260; i++) sandbox.state.flows.recordEndpointRequest(id, { ok: i % 10 !== 0, latencyMs: 300 });
		const metric = await getFlowMetric(client(), id, { name: 'ENDPOINT_REQUEST_COUNT', granularity: 'LIFETIME' });
		expect(metric).toMatchObject({ name: 'ENDPOINT_REQUEST_COUNT', granularity: 'LIFETIME' });
		expect(metric.data_points?.[0]?.data).toEqual([{ key: 'value', value: 260 }]);
	});
});

describe('the business public key of a phone number', () => {
	it('uploads a generated key and reads it back VALID, with the same fingerprint', async () => {
		expect(await getBusinessPublicKey(client(), SANDBOX_PHONE_NUMBER_ID)).toEqual({ publicKeyPem: null, signatureStatus: null });
		const pair = generateFlowKeyPair('secret');
		await uploadBusinessPublicKey(client(), SANDBOX_PHONE_NUMBER_ID, pair.publicKeyPem);
		const stored = await getBusinessPublicKey(client(), SANDBOX_PHONE_NUMBER_ID);
		expect(stored.signatureStatus).toBe('VALID');
		expect(publicKeyFingerprint(parseFlowPublicKey(stored.publicKeyPem!))).toBe(publicKeyFingerprint(parseFlowPublicKey(pair.publicKeyPem)));
		const [call] = sandbox.state.calls({ path: 'whatsapp_business_encryption', method: 'POST' });
		expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded');
	});

	it('reports MISMATCH after a re-registration', async () => {
		await uploadBusinessPublicKey(client(), SANDBOX_PHONE_NUMBER_ID, generateFlowKeyPair().publicKeyPem);
		await fetch(`${sandbox.url}/__sandbox/phone-numbers/${SANDBOX_PHONE_NUMBER_ID}/public-key-status`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ status: 'MISMATCH' }),
		});
		expect((await getBusinessPublicKey(client(), SANDBOX_PHONE_NUMBER_ID)).signatureStatus).toBe('MISMATCH');
	});
});

describe('public key fingerprints', () => {
	it('are the same for PKCS#1 and SPKI PEM of one key, and refuse what is not an RSA-2048 public key', () => {
		const pair = generateFlowKeyPair();
		const pkcs1 = createPublicKey(pair.publicKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString();
		expect(publicKeyFingerprint(parseFlowPublicKey(pkcs1))).toBe(publicKeyFingerprint(parseFlowPublicKey(pair.publicKeyPem)));
		expect(spkiPem(parseFlowPublicKey(pkcs1))).toBe(pair.publicKeyPem);
		expect(() => parseFlowPublicKey('hello')).toThrow('not a PEM public key');
	});
});
