// Deploy = create-or-update by name, upload only when the JSON changed, optionally publish (against the sandbox).
import { deployFlow, FlowDeployError, type DeployInput } from '../../../nodes/shared/flows/deploy';
import { createFlow, deprecateFlow, getFlow } from '../../../nodes/shared/flows/flows-api';
import { FlowJsonRejectedError } from '../../../nodes/shared/flows/validation-errors';
import { SANDBOX_WABA_ID } from '../../sandbox';
import { flowJson } from '../../sandbox/test-support-flows';
import { downloadText, sandboxClient, startSandbox, type Sandbox } from './sandbox-graph';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

function deploy(input: Partial<DeployInput> = {}, download = downloadText) {
	return deployFlow(
		{ client: sandboxClient(sandbox), wabaId: SANDBOX_WABA_ID, downloadText: download },
		{ name: 'booking', flowJson: flowJson(), categories: ['APPOINTMENT_BOOKING'], publish: false, ...input },
	);
}

const uploads = () => sandbox.state.calls({ path: '/assets', method: 'POST' }).length;
const statusOf = (id: string) => sandbox.state.flows.get(id)?.status;

/** The same Flow, written differently: other indentation and key order. */
function reformatted(text: string): string {
	const { screens, version } = JSON.parse(text) as { screens: unknown; version: string };
	return JSON.stringify({ screens, version });
}

function withHeading(text: string, heading: string): string {
	return text.replace('"Hello"', JSON.stringify(heading));
}

it('creates the Flow when the WABA has none of that name, with the JSON, as a DRAFT', async () => {
	const result = await deploy();
	expect(result).toMatchObject({ action: 'created', jsonUploaded: true, published: false, status: 'DRAFT', jsonVersion: '7.3', validationErrors: [] });
	expect(result.previewUrl).toContain(result.flowId);
	expect(sandbox.state.flows.get(result.flowId)).toMatchObject({ name: 'booking', categories: ['APPOINTMENT_BOOKING'], jsonText: flowJson() });
});

it('does not upload again when the current asset means the same JSON (whitespace and key order aside)', async () => {
	const first = await deploy();
	const before = uploads();
	const again = await deploy({ flowJson: reformatted(flowJson()) });
	expect(again).toMatchObject({ flowId: first.flowId, action: 'unchanged', jsonUploaded: false, metadataUpdated: [] });
	expect(again.jsonNote).toMatch(/^unchanged/);
	expect(uploads()).toBe(before);
});

it('uploads a changed JSON to the existing Flow and keeps its id', async () => {
	const first = await deploy();
	const changed = await deploy({ flowJson: withHeading(flowJson(), 'Book a table') });
	expect(changed).toMatchObject({ flowId: first.flowId, action: 'updated', jsonUploaded: true });
	expect(sandbox.state.flows.get(first.flowId)?.jsonText).toContain('Book a table');
});

it('publishes on request, and a re-run of a published, unchanged Flow changes nothing (it stays PUBLISHED)', async () => {
	const published = await deploy({ publish: true });
	expect(published).toMatchObject({ published: true, status: 'PUBLISHED' });
	const lastSeq = Math.max(...sandbox.state.calls().map((c) => c.seq));
	const again = await deploy({ publish: true });
	expect(again).toMatchObject({ action: 'unchanged', jsonUploaded: false, published: false, status: 'PUBLISHED' });
	expect(sandbox.state.calls({ method: 'POST' }).filter((c) => c.seq > lastSeq)).toEqual([]);
});

it('a changed JSON for a published Flow returns it to DRAFT (Meta\'s lifecycle) and publishing makes it PUBLISHED again', async () => {
	const { flowId } = await deploy({ publish: true });
	const draft = await deploy({ flowJson: withHeading(flowJson(), 'v2') });
	expect(draft).toMatchObject({ flowId, jsonUploaded: true, status: 'DRAFT' });
	const republished = await deploy({ flowJson: withHeading(flowJson(), 'v2'), publish: true });
	expect(republished).toMatchObject({ flowId, jsonUploaded: false, published: true, status: 'PUBLISHED' });
});

it('brings categories and the endpoint URI in line, only when they differ', async () => {
	const { flowId } = await deploy();
	const updated = await deploy({ categories: ['SURVEY'], endpointUri: 'https://example.com/flow' });
	expect(updated).toMatchObject({ action: 'updated', metadataUpdated: ['categories', 'endpointUri'], jsonUploaded: false });
	expect(sandbox.state.flows.get(flowId)).toMatchObject({ categories: ['SURVEY'], endpointUri: 'https://example.com/flow' });
	expect((await deploy({ categories: ['SURVEY'], endpointUri: 'https://example.com/flow' })).metadataUpdated).toEqual([]);
});

it('does not publish JSON Meta reports errors in: FlowJsonRejectedError names the Flow and lists the errors', async () => {
	const broken = JSON.stringify({ version: '7.3', screens: [{ id: 'ONLY', title: 'x', terminal: true, layout: { type: 'SingleColumnLayout', children: [] } }] });
	const error = await deploy({ flowJson: broken, publish: true }).catch((thrown: unknown) => thrown);
	expect(error).toBeInstanceOf(FlowJsonRejectedError);
	const rejected = error as FlowJsonRejectedError;
	expect(statusOf(rejected.flowId)).toBe('DRAFT');
	expect(rejected.details).toMatch(/^Meta reported \d+ validation errors? in the Flow JSON:\n1\. line \d+/);
	expect(sandbox.state.calls({ path: '/publish' })).toEqual([]);
});

it('without publishing, reports Meta\'s errors in the result', async () => {
	const broken = JSON.stringify({ version: '7.3', screens: [{ id: 'ONLY', title: 'x', terminal: true, layout: { type: 'SingleColumnLayout', children: [] } }] });
	const result = await deploy({ flowJson: broken });
	expect(result.validationErrors.length).toBeGreaterThan(0);
	expect(result.status).toBe('DRAFT');
});

it('uploads when the current asset cannot be read, and says so', async () => {
	await deploy();
	const result = await deploy({}, async () => {
		throw new Error('HTTP 403');
	});
	expect(result).toMatchObject({ jsonUploaded: true });
	expect(result.jsonNote).toContain('could not be read (HTTP 403)');
});

it('refuses a DEPRECATED Flow of that name: it can never change again', async () => {
	const client = sandboxClient(sandbox);
	const { id } = await createFlow(client, SANDBOX_WABA_ID, { name: 'booking', categories: ['OTHER'], flowJson: flowJson(), publish: true });
	await deprecateFlow(client, id);
	await expect(deploy()).rejects.toThrow(FlowDeployError);
	await expect(deploy()).rejects.toThrow(/DEPRECATED and can no longer be changed/);
	expect((await getFlow(client, id, { fields: ['status'] })).status).toBe('DEPRECATED');
});
