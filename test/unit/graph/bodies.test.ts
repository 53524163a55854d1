import { encodeBody, encodeMultipart } from '../../../nodes/shared/graph/bodies';

interface ParsedPart {
	headers: Record<string, string>;
	content: Buffer;
}

/** An independent reader: splits on the boundary from the content type, as a server would. */
function parseMultipart(body: Buffer, contentType: string): ParsedPart[] {
	const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
	if (!boundary) throw new Error('no boundary');
	const text = body.toString('latin1');
	const sections = text.split(`--${boundary}`);
	expect(sections[0]).toBe('');
	expect(sections[sections.length - 1]).toBe('--\r\n');
	return sections.slice(1, -1).map((section) => {
		expect(section.startsWith('\r\n')).toBe(true);
		expect(section.endsWith('\r\n')).toBe(true);
		const inner = section.slice(2, -2);
		const split = inner.indexOf('\r\n\r\n');
		const headers: Record<string, string> = {};
		for (const line of inner.slice(0, split).split('\r\n')) {
			const colon = line.indexOf(':');
			headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
		}
		return { headers, content: Buffer.from(inner.slice(split + 4), 'latin1') };
	});
}

describe('encodeBody', () => {
	it('sends a JSON object as is with a JSON content type', () => {
		const value = { messaging_product: 'whatsapp', to: '15550001111' };
		expect(encodeBody({ kind: 'json', value })).toEqual({ body: value, headers: { 'content-type': 'application/json' } });
	});

	it('serialises a bare JSON scalar so it is not mistaken for a raw string body', () => {
		expect(encodeBody({ kind: 'json', value: 'hi' }).body).toBe('"hi"');
	});

	it('encodes form fields as x-www-form-urlencoded (the encryption key upload)', () => {
		const pem = '-----BEGIN PUBLIC KEY-----\nMIIB+/=\n-----END PUBLIC KEY-----';
		const encoded = encodeBody({ kind: 'form', fields: { business_public_key: pem, invalidate: true, n: 2 } });
		expect(encoded.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
		const parsed = new URLSearchParams(encoded.body as string);
		expect(parsed.get('business_public_key')).toBe(pem);
		expect(parsed.get('invalidate')).toBe('true');
		expect(parsed.get('n')).toBe('2');
	});

	it('builds a multipart Flow JSON upload that parses back to the same fields and bytes', () => {
		const flowJson = Buffer.from(JSON.stringify({ version: '7.3', screens: [{ id: 'WELCOME', title: 'Olá — ✓' }] }));
		const binary = Buffer.from([0, 255, 13, 10, 45, 45, 1]);
		const encoded = encodeBody({
			kind: 'multipart',
			parts: [
				{ name: 'name', value: 'flow.json' },
				{ name: 'asset_type', value: 'FLOW_JSON' },
				{ name: 'file', filename: 'flow.json', contentType: 'application/json', data: flowJson },
				{ name: 'blob', filename: 'a"b.bin', contentType: 'application/octet-stream', data: binary },
			],
		});
		const contentType = encoded.headers['content-type'];
		expect(contentType).toMatch(/^multipart\/form-data; boundary=\S{20,70}$/);
		expect(Buffer.isBuffer(encoded.body)).toBe(true);

		const parts = parseMultipart(encoded.body as Buffer, contentType);
		expect(parts.map((part) => part.headers['content-disposition'])).toEqual([
			'form-data; name="name"',
			'form-data; name="asset_type"',
			'form-data; name="file"; filename="flow.json"',
			'form-data; name="blob"; filename="a%22b.bin"',
		]);
		expect(parts[0].content.toString('utf8')).toBe('flow.json');
		expect(parts[1].content.toString('utf8')).toBe('FLOW_JSON');
		expect(parts[2].headers['content-type']).toBe('application/json');
		expect(parts[2].content.equals(flowJson)).toBe(true);
		expect(JSON.parse(parts[2].content.toString('utf8'))).toEqual({
			version: '7.3',
			screens: [{ id: 'WELCOME', title: 'Olá — ✓' }],
		});
		expect(parts[3].content.equals(binary)).toBe(true);
	});

	it('uses a fresh random boundary per body', () => {
		const part = { kind: 'multipart' as const, parts: [{ name: 'a', value: 'b' }] };
		expect(encodeBody(part).headers['content-type']).not.toBe(encodeBody(part).headers['content-type']);
	});

	it('refuses content that contains the boundary', () => {
		expect(() => encodeMultipart([{ name: 'x', value: 'before --XYZ after' }], 'XYZ')).toThrow(/boundary/);
	});

	it('refuses a content type that would inject a header line', () => {
		expect(() =>
			encodeMultipart([{ name: 'f', filename: 'f', contentType: 'text/plain\r\nX-Evil: 1', data: Buffer.from('') }], 'B'),
		).toThrow(/single line/);
	});
});
