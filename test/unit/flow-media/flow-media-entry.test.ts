// Reading the picker value the endpoint receives (flows/reference/media_upload): Meta's own example, the sandbox's
// picked files, and errors that name the field.
import { createHash } from 'node:crypto';
import { describeFlowMediaEntry, FlowMediaError, flowMediaEntryValues, parseFlowMediaEntry } from '../../../nodes/shared/flow-media';
import { InMemoryCdn } from '../../sandbox/client/media-cdn';
import { META_EXAMPLE_ENTRY, pickedEntry } from './sandbox-media';

function entryError(run: () => unknown): FlowMediaError {
	try {
		run();
	} catch (error) {
		if (error instanceof FlowMediaError) return error;
		throw error;
	}
	throw new Error('expected a FlowMediaError');
}

describe('a picked file as the endpoint receives it', () => {
	it('reads Meta\'s example entry: 32-byte keys and hashes, 16-byte IV', () => {
		const entry = parseFlowMediaEntry(META_EXAMPLE_ENTRY, 'photo_picker[0]');
		expect(entry).toMatchObject({ fileName: 'IMG_5237.jpg', mediaId: '790aba14-5f4a-4dbd-aa9e-0d75401da14b', cdnUrl: 'https://mmg.whatsapp.net/v/redacted' });
		expect([entry.keys.encryptionKey, entry.keys.hmacKey, entry.keys.encryptedHash, entry.keys.plaintextHash].map((b) => b.length)).toEqual([32, 32, 32, 32]);
		expect(entry.keys.iv).toHaveLength(16);
	});

	it('reads the sandbox\'s picked files', async () => {
		const cdn = new InMemoryCdn('http://127.0.0.1:5680/__cdn/flow-media/');
		const { picked, entry } = await pickedEntry(cdn, 'front.jpg', Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]));
		const parsed = parseFlowMediaEntry(entry, 'photos[0]');
		expect(parsed).toMatchObject({ path: 'photos[0]', fileName: 'front.jpg', mediaId: picked.mediaId, cdnUrl: picked.cdnUrl });
		expect(parsed.keys.plaintextHash.equals(createHash('sha256').update(Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3])).digest())).toBe(true);
	});

	it('falls back to the media id when file_name is absent', () => {
		const nameless: Record<string, unknown> = { ...META_EXAMPLE_ENTRY };
		delete nameless.file_name;
		expect(parseFlowMediaEntry(nameless, 'x').fileName).toBe(META_EXAMPLE_ENTRY.media_id);
	});

	it.each([
		['not an object', 'text', 'photos[0] is not an object'],
		['no cdn_url', { ...META_EXAMPLE_ENTRY, cdn_url: undefined }, 'photos[0].cdn_url is missing'],
		['a cdn_url that is no URL', { ...META_EXAMPLE_ENTRY, cdn_url: 'mmg.whatsapp.net/v/x' }, 'photos[0].cdn_url is not a URL'],
		['a file: URL', { ...META_EXAMPLE_ENTRY, cdn_url: 'file:///etc/passwd' }, 'photos[0].cdn_url must be an http(s) URL'],
		['no encryption_metadata', { ...META_EXAMPLE_ENTRY, encryption_metadata: undefined }, 'photos[0].encryption_metadata is missing'],
		['an IV of 12 bytes', { ...META_EXAMPLE_ENTRY, encryption_metadata: { ...META_EXAMPLE_ENTRY.encryption_metadata, iv: 'AAAAAAAAAAAAAAAA' } }, 'photos[0].encryption_metadata.iv must be 16 bytes'],
		['a key that is not base64', { ...META_EXAMPLE_ENTRY, encryption_metadata: { ...META_EXAMPLE_ENTRY.encryption_metadata, encryption_key: 'not base64!' } }, 'photos[0].encryption_metadata.encryption_key is not base64'],
		['a short encryption key', { ...META_EXAMPLE_ENTRY, encryption_metadata: { ...META_EXAMPLE_ENTRY.encryption_metadata, encryption_key: 'AAAAAAAAAAAAAAAAAAAAAA==' } }, 'photos[0].encryption_metadata.encryption_key must be 32 bytes'],
	])('refuses %s, naming the field', (_case, value, message) => {
		const error = entryError(() => parseFlowMediaEntry(value, 'photos[0]'));
		expect(error.check).toBe('entry');
		expect(error.message).toContain(message);
	});

	it('explains that a completion-message file is not encrypted and is downloaded with the Media API', () => {
		const error = entryError(() => parseFlowMediaEntry({ file_name: 'IMG_5237.jpg', mime_type: 'image/jpeg', sha256: 'PqHg…', id: '3631120727156756' }, 'photo_picker[0]'));
		expect(error.message).toContain('completion message');
		expect(error.fix).toMatch(/Media endpoint \(GET \/\{id\}/);
	});
});

describe('the Files parameter', () => {
	it('takes a list, one entry, or either as JSON text', () => {
		expect(flowMediaEntryValues([META_EXAMPLE_ENTRY, META_EXAMPLE_ENTRY], 'Files').map((e) => e.path)).toEqual(['Files[0]', 'Files[1]']);
		expect(flowMediaEntryValues(META_EXAMPLE_ENTRY, 'Files')).toEqual([{ path: 'Files', value: META_EXAMPLE_ENTRY }]);
		expect(flowMediaEntryValues(JSON.stringify([META_EXAMPLE_ENTRY]), 'Files')).toEqual([{ path: 'Files[0]', value: META_EXAMPLE_ENTRY }]);
	});

	it('gives no files for an empty list (an optional picker left empty)', () => {
		expect(flowMediaEntryValues([], 'Files')).toEqual([]);
	});

	it('refuses an empty value, which usually means the expression names a field that is not there', () => {
		for (const empty of [undefined, null, '', '  ']) {
			expect(entryError(() => flowMediaEntryValues(empty, 'Files')).message).toMatch(/^Files is empty/);
		}
		expect(entryError(() => flowMediaEntryValues('{photos', 'Files')).message).toContain('neither JSON');
	});

	it('describes even a broken entry by what it has', () => {
		expect(describeFlowMediaEntry({ file_name: 'a.pdf', media_id: 'm-9' })).toEqual({ fileName: 'a.pdf', mediaId: 'm-9' });
		expect(describeFlowMediaEntry(42)).toEqual({ fileName: null, mediaId: null });
	});
});
