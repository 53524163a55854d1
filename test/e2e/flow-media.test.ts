// Flow Media → Decrypt in a real n8n: the sandbox's simulated WhatsApp user picks photos and a document in a
// published flow; WhatsApp's side encrypts them onto the sandbox's CDN and sends the entries to the n8n workflow's
// WhatsApp Flow Endpoint trigger; the workflow decrypts them into binary data, n8n's own Crypto node hashes the
// stored files, and the answer the user sees lists those hashes. Then tampered files, with and without
// "Continue On Fail".
import { createHash, randomBytes } from 'node:crypto';
import { instance, loadE2eEnv, profilesAmong, type E2eInstance } from './harness/e2e-env';
import { endpointUrl, flowEndpointCredentials, flowWorkflow, respondNode, triggerNode, TRIGGER_NAME, type WorkflowNode } from './flow-endpoint-support';
import {
	decryptNode,
	downloadCdnFile,
	hashStoredFileNode,
	publishPickerFlow,
	sendPickerFlow,
	sha256Base64,
	stageFlowMedia,
	startFileServer,
	toBase64,
	userStep,
	type FileServer,
	type FlowMediaEntryJson,
} from './flow-media-support';
import { asArray, callWebhook, deployWebhookWorkflow, uniquePath, webhookChain } from './support/workflows';

type RunData = Record<
	string,
	Array<{
		error?: { message: string; description?: string };
		data?: { main: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, { fileName?: string; mimeType?: string; id?: string }> }>> };
	}>
>;

/**
 * Where each profile's n8n keeps binary data by default (no N8N_DEFAULT_BINARY_DATA_MODE set): n8n 2.x writes files
 * to disk in regular mode and to the database in queue mode (so workers and main share them); n8n 1.x keeps them
 * inline in the execution data (no id).
 */
const BINARY_STORAGE: Record<string, string | undefined> = { regular: 'filesystem-v2', queue: 'database', n8n1: undefined };

async function newestExecution(n8n: E2eInstance, workflowId: string, count: number) {
	const executions = await n8n.api.waitForExecutions(workflowId, count);
	const newest = executions.sort((a, b) => Number(b.id) - Number(a.id))[0];
	return await n8n.api.getExecution(newest.id);
}

function runDataOf(execution: { data?: unknown }): RunData {
	return (execution.data as { resultData: { runData: RunData } }).resultData.runData;
}

const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size)]);
const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size)]);

describe.each(profilesAmong('regular', 'queue', 'n8n1'))('Flow Media → Decrypt in real n8n (%s)', (profile) => {
	let n8n: E2eInstance;
	let sandboxUrl: string;

	beforeAll(() => {
		n8n = instance(profile);
		sandboxUrl = loadE2eEnv().sandboxUrl;
	});

	describe('a simulated user\'s uploads, decrypted by the flow\'s endpoint workflow', () => {
		const path = uniquePath('flow-media-claim');
		const waId = `1555013${String(Date.now()).slice(-4)}`;
		let workflowId = '';

		beforeAll(async () => {
			const credentials = await flowEndpointCredentials(n8n, sandboxUrl);
			const nodes: WorkflowNode[] = [
				triggerNode(path, credentials),
				decryptNode('Decrypt Files', '={{ $json.data.photos ?? $json.data.documents }}'),
				hashStoredFileNode('Hash Stored File', 'storedSha256'),
				respondNode('Show What Arrived', credentials, {
					respondWith: 'nextScreen',
					screen: `={{ $("${TRIGGER_NAME}").first().json.screen === "UPLOAD" ? "DOCUMENTS" : "RECEIVED" }}`,
					screenData: '={{ JSON.stringify({ received: $input.all().map(i => [i.json.fileName, i.json.mimeType, i.json.fileSize, i.json.storedSha256].join(" ")).join("; ") }) }}',
				}),
			];
			workflowId = await deployWebhookWorkflow(
				n8n,
				flowWorkflow(`Flow media: claim (${profile})`, path, nodes, [
					[TRIGGER_NAME, 'Decrypt Files'],
					['Decrypt Files', 'Hash Stored File'],
					['Hash Stored File', 'Show What Arrived'],
				]),
				path,
			);
			// Publishing pings the endpoint (the sandbox's health check) through the trigger, with this key.
			const flowId = await publishPickerFlow(sandboxUrl, { publicKeyPem: credentials.publicKeyPem, endpointUri: endpointUrl(n8n, path), name: `claim ${profile} ${Date.now()}` });
			await sendPickerFlow(sandboxUrl, waId, flowId, `claim-${profile}`);
		});

		it('photos: the user sees the SHA-256 of each file as n8n stored it, equal to the picked bytes', async () => {
			expect((await userStep(sandboxUrl, waId, 'open-last')).screen?.id).toBe('UPLOAD');
			const front = jpeg(30_000);
			const side = png(2_345);
			const picked = await userStep(sandboxUrl, waId, 'select-files', {
				field: 'photos',
				files: [
					{ fileName: 'front.jpg', base64: toBase64(front) },
					{ fileName: 'side.png', base64: toBase64(side) },
				],
			});
			expect(picked.result).toEqual({ outcome: 'filled', errors: {}, actions: [] });

			const uploaded = await userStep(sandboxUrl, waId, 'press-footer');
			expect(uploaded.exchanges.map((e) => [e.request.action, e.statuses, e.outcome.kind])).toEqual([['data_exchange', [200], 'ok']]);
			expect(uploaded.result).toEqual({ outcome: 'navigated', screen: 'DOCUMENTS' });
			expect(uploaded.screen?.components.find((c) => c.type === 'TextBody')?.text).toBe(
				`front.jpg image/jpeg ${front.length} ${sha256Base64(front)}; side.png image/png ${side.length} ${sha256Base64(side)}`,
			);

			const runData = runDataOf(await newestExecution(n8n, workflowId, 1));
			const decrypted = runData['Decrypt Files'][0].data!.main[0];
			expect(decrypted.map((item) => item.json)).toEqual([
				{ fileName: 'front.jpg', mediaId: expect.any(String), mimeType: 'image/jpeg', fileSize: front.length, sha256: sha256Base64(front) },
				{ fileName: 'side.png', mediaId: expect.any(String), mimeType: 'image/png', fileSize: side.length, sha256: sha256Base64(side) },
			]);
			expect(decrypted.map((item) => [item.binary?.data?.fileName, item.binary?.data?.mimeType])).toEqual([
				['front.jpg', 'image/jpeg'],
				['side.png', 'image/png'],
			]);
			expect(decrypted.map((item) => item.binary?.data?.id?.split(':')[0])).toEqual([BINARY_STORAGE[profile], BINARY_STORAGE[profile]]);
		});

		it('a document: the same round trip through the DocumentPicker screen', async () => {
			const invoice = Buffer.from(`%PDF-1.7\n${randomBytes(700).toString('hex')}`);
			await userStep(sandboxUrl, waId, 'select-files', { field: 'documents', files: [{ fileName: 'invoice.pdf', base64: toBase64(invoice) }] });
			const sent = await userStep(sandboxUrl, waId, 'press-footer');
			expect(sent.result).toEqual({ outcome: 'navigated', screen: 'RECEIVED' });
			expect(sent.screen?.components.find((c) => c.type === 'TextBody')?.text).toBe(`invoice.pdf application/pdf ${invoice.length} ${sha256Base64(invoice)}`);
		});
	});

	describe('refused files', () => {
		let cdn: FileServer;
		let good: FlowMediaEntryJson[];
		let tampered: { encryptedHash: FlowMediaEntryJson; hmac: FlowMediaEntryJson; gone: FlowMediaEntryJson };
		const originals = [Buffer.from('%PDF-1.4 first page'), jpeg(5_000), Buffer.from('plain notes\n')];

		beforeAll(async () => {
			cdn = await startFileServer();
			good = await stageFlowMedia(sandboxUrl, [
				{ fileName: 'a.pdf', bytes: originals[0] },
				{ fileName: 'b.jpg', bytes: originals[1] },
				{ fileName: 'c.txt', bytes: originals[2] },
			]);
			const flipped = await downloadCdnFile(good[1].cdn_url);
			flipped[7] ^= 0x01;
			const flippedUrl = cdn.put('/tampered/b.jpg', flipped);
			tampered = {
				// The file changed on the way: SHA-256 of the CDN file no longer matches.
				encryptedHash: { ...good[1], cdn_url: flippedUrl },
				// The file changed and so did encrypted_hash: only the HMAC can tell.
				hmac: { ...good[1], cdn_url: flippedUrl, encryption_metadata: { ...good[1].encryption_metadata, encrypted_hash: createHash('sha256').update(flipped).digest('base64') } },
				gone: { ...good[0], cdn_url: cdn.url('/expired') },
			};
		});
		afterAll(async () => {
			await cdn.close();
		});

		it('stops the workflow with the failed check and its fix, and outputs no file at all', async () => {
			const path = uniquePath('flow-media-tampered');
			const id = await deployWebhookWorkflow(n8n, webhookChain(`Flow media: tampered (${profile})`, path, [decryptNode('Decrypt', '={{ $json.body.files }}')]), path);
			const answer = await callWebhook(n8n.webhookBaseUrl, path, { files: [good[0], tampered.encryptedHash, good[2]] });
			expect(answer.status).toBe(500);

			const execution = await newestExecution(n8n, id, 1);
			expect(execution.status).toBe('error');
			const run = runDataOf(execution).Decrypt[0];
			expect(run.data).toBeUndefined();
			expect(run.error?.message).toBe(
				'File "b.jpg" (Files[1]) was not decrypted: the downloaded file does not match encryption_metadata.encrypted_hash (SHA-256 of the CDN file)',
			);
			expect(run.error?.description).toContain('Failed check: encrypted-hash');
			expect(run.error?.description).toContain('Fix: The file at cdn_url is not the one WhatsApp encrypted for this entry');
		});

		it('refuses a file over "Max File Size (MB)", whether the CDN announces its length or not', async () => {
			const path = uniquePath('flow-media-size');
			await deployWebhookWorkflow(
				n8n,
				webhookChain(`Flow media: size limit (${profile})`, path, [
					{ ...decryptNode('Decrypt', '={{ $json.body.files }}', { continueOnFail: true }), parameters: { resource: 'flowMedia', operation: 'decrypt', files: '={{ $json.body.files }}', binaryPropertyName: 'data', options: { maxFileSizeMb: 0.004 } } },
				]),
				path,
			);
			const chunkedUrl = cdn.put('/chunked/b.jpg', await downloadCdnFile(good[1].cdn_url), { chunked: true });
			const answer = await callWebhook(n8n.webhookBaseUrl, path, { files: [good[1], { ...good[1], cdn_url: chunkedUrl }, good[0]] });
			const items = asArray<Record<string, unknown>>(answer.json);
			expect(items.map((item) => item.check ?? item.sha256)).toEqual(['size', 'size', sha256Base64(originals[0])]);
			expect(items[0].error).toContain('the file is larger than the limit of 4194 bytes (0.004 MB)');
		});

		it('with "Continue On Fail": an error item per bad file, in place, while the good files still decrypt', async () => {
			const path = uniquePath('flow-media-continue');
			const id = await deployWebhookWorkflow(
				n8n,
				webhookChain(`Flow media: continue on fail (${profile})`, path, [decryptNode('Decrypt', '={{ $json.body.files }}', { continueOnFail: true })]),
				path,
			);
			const answer = await callWebhook(n8n.webhookBaseUrl, path, {
				files: [good[0], tampered.encryptedHash, tampered.hmac, tampered.gone, { file_name: 'x.jpg', mime_type: 'image/jpeg', sha256: 'AAAA', id: '123' }, good[2]],
			});
			expect(answer.status).toBe(200);
			const items = asArray<Record<string, unknown>>(answer.json);
			expect(items.map((item) => item.check ?? item.sha256)).toEqual([
				sha256Base64(originals[0]),
				'encrypted-hash',
				'hmac',
				'download',
				'entry',
				sha256Base64(originals[2]),
			]);
			expect(items[3]).toMatchObject({ file: 'Files[3]', fileName: 'a.pdf', mediaId: good[0].media_id, error: expect.stringContaining('HTTP 404') });
			expect(items[4]).toMatchObject({ error: expect.stringContaining('completion message'), description: expect.stringContaining('Media endpoint') });

			const decrypted = runDataOf(await newestExecution(n8n, id, 1)).Decrypt[0].data!.main[0];
			expect(decrypted.map((item) => Object.keys(item.binary ?? {}))).toEqual([['data'], [], [], [], [], ['data']]);
		});
	});
});
