// PhotoPicker / DocumentPicker in a 7.3 endpoint flow (picker.json): the app's limits, the CDN form the endpoint
// downloads and decrypts, and media ids in the completion message (reference/media_upload).
import { createHash } from 'node:crypto';
import { EndpointClient } from './endpoint-client';
import { FlowJsonError } from './flow-json';
import { openFlow } from './flow-runner';
import { InMemoryCdn } from './media-cdn';
import type { EncryptionMetadata } from './media-crypto';
import { nodeDecrypt } from './testing/media-receiver';
import { startFlowEndpoint, type FlowEndpoint, type JsonRecord } from './testing/flow-endpoint';
import { loadClientFixture, loadVectorSets } from './testing/vectors';

const keys = loadVectorSets()[2];
const APP_SECRET = 'picker-test-secret';
const jpeg = (name: string, size: number) => ({ fileName: name, bytes: new Uint8Array(size).fill(size % 251) });

describe('media pickers (picker.json)', () => {
	const cdn = new InMemoryCdn();
	let endpoint: FlowEndpoint;
	const downloaded: Buffer[] = [];

	beforeAll(async () => {
		endpoint = await startFlowEndpoint({
			privateKeyPem: keys.privateKeyPem,
			appSecret: APP_SECRET,
			handle: (p) => {
				const photos = ((p.data as JsonRecord).photos ?? []) as unknown as { cdn_url: string; encryption_metadata: EncryptionMetadata }[];
				for (const photo of photos) downloaded.push(nodeDecrypt(Buffer.from(cdn.get(photo.cdn_url)!), photo.encryption_metadata));
				const bytes = downloaded.reduce((n, f) => n + f.length, 0);
				return { screen: 'DOCUMENTS', data: { received: `${photos.length} photos, ${bytes} bytes` } };
			},
		});
	});
	afterAll(() => endpoint.close());

	it('enforces the picker limits, sends the CDN form to the endpoint and media ids in the completion', async () => {
		const session = await openFlow({
			flowJson: loadClientFixture('picker.json'),
			flowToken: 'claim-7',
			initialScreen: 'PHOTOS',
			endpoint: new EndpointClient({ endpointUri: endpoint.url, publicKeyPem: keys.publicKeyPem, appSecret: APP_SECRET }),
			cdn,
		});
		expect(await session.pressFooter()).toEqual({ outcome: 'invalid', errors: { photos: 'Add at least 1 file' } });
		expect((await session.fill({ photos: [jpeg('huge.jpg', 65 * 1024)] })).errors).toEqual({ photos: 'huge.jpg is larger than 64 KB' });
		expect((await session.fill({ photos: [{ fileName: 'scan.pdf', bytes: new Uint8Array(10) }] })).errors).toEqual({
			photos: 'scan.pdf is not a photo',
		});
		expect((await session.fill({ photos: [jpeg('1.jpg', 1), jpeg('2.jpg', 2), jpeg('3.jpg', 3)] })).errors).toEqual({
			photos: 'Add at most 2 photos',
		});
		await expect(session.fill({ photos: 'IMG_1.jpg' })).rejects.toThrow('takes files');

		await session.fill({ photos: [jpeg('front.jpg', 3000), jpeg('side.jpg', 4100)] });
		const value = session.field('photos')?.value as JsonRecord[];
		expect(value).toHaveLength(2);
		expect(Object.keys(value[0]).sort()).toEqual(['cdn_url', 'encryption_metadata', 'file_name', 'media_id']);
		expect(Object.keys(value[0].encryption_metadata as object).sort()).toEqual([
			'encrypted_hash',
			'encryption_key',
			'hmac_key',
			'iv',
			'plaintext_hash',
		]);

		expect(await session.pressFooter()).toEqual({ outcome: 'navigated', screen: 'DOCUMENTS' });
		expect(endpoint.received[0].payload.data).toMatchObject({ claim: 'C-7', photos: value });
		expect(downloaded.map((f) => f.length)).toEqual([3000, 4100]);
		expect(session.texts()).toEqual(['2 photos, 7100 bytes']);

		expect((await session.fill({ invoice: [{ fileName: 'invoice.png', bytes: new Uint8Array(5) }] })).errors).toEqual({
			invoice: 'invoice.png has a type not allowed here',
		});
		const pdf = new Uint8Array(Buffer.from('%PDF-1.7 invoice 42'));
		await session.fill({ invoice: [{ fileName: 'invoice.pdf', bytes: pdf }] });
		const done = await session.pressFooter();
		expect(done.outcome).toBe('completed');
		const completion = session.completion!;
		expect(completion.media).toHaveLength(1);
		const media = completion.media[0];
		expect(JSON.parse(completion.responseJson)).toEqual({
			flow_token: 'claim-7',
			invoice: [{ file_name: 'invoice.pdf', mime_type: 'application/pdf', sha256: createHash('sha256').update(pdf).digest('base64'), id: media.webhookMediaId }],
			claim: 'C-7',
		});
		expect(media.webhookMediaId).toMatch(/^\d{16}$/);
		expect(completion.responseJson).not.toContain('encryption_key');
		expect(media.bytes).toEqual(pdf);
	});

	it('registers completion files with the media store the sandbox passes, and sends its ids', async () => {
		const registered: { fileName: string; mimeType: string; size: number }[] = [];
		const session = await openFlow({
			flowJson: loadClientFixture('picker.json'),
			flowToken: 'claim-8',
			initialScreen: 'DOCUMENTS',
			registerMedia: (file) => {
				registered.push({ fileName: file.fileName, mimeType: file.mimeType, size: file.bytes.length });
				return '7000000000000001';
			},
		});
		await session.fill({ invoice: [{ fileName: 'invoice.pdf', bytes: new Uint8Array(12) }] });
		await session.pressFooter();
		expect(registered).toEqual([{ fileName: 'invoice.pdf', mimeType: 'application/pdf', size: 12 }]);
		expect(session.completion!.response.invoice).toEqual([expect.objectContaining({ id: '7000000000000001' })]);
	});

	it('refuses picked media in a navigate payload or nested in a payload', async () => {
		const flow = JSON.parse(loadClientFixture('picker.json')) as { screens: { layout: { children: JsonRecord[] } }[] };
		const footer = flow.screens[0].layout.children[1];
		footer['on-click-action'] = { name: 'navigate', next: { type: 'screen', name: 'DOCUMENTS' }, payload: { photos: '${form.photos}' } };
		const session = await openFlow({ flowJson: JSON.stringify(flow), flowToken: 't' });
		await session.fill({ photos: [jpeg('a.jpg', 10)] });
		await expect(session.pressFooter()).rejects.toThrow(FlowJsonError);

		footer['on-click-action'] = { name: 'complete', payload: { nested: { photos: '${form.photos}' } } };
		const nested = await openFlow({ flowJson: JSON.stringify(flow), flowToken: 't' });
		await nested.fill({ photos: [jpeg('a.jpg', 10)] });
		await expect(nested.pressFooter()).rejects.toThrow('only be a top-level payload value');
	});
});
