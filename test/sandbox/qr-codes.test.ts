// QR codes and short links hosted by Meta (business-management-api/qr-codes; Postman "QR codes" folder).
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_LIMITED_TOKEN, SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID, startSandbox, type Sandbox } from './index';
import { call, expectGraphError, get, post, postmanExample } from './test-support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

const token = SANDBOX_ACCESS_TOKEN;
const edge = `/v24.0/${SANDBOX_PHONE_NUMBER_ID}/message_qrdls`;

interface Qrdl {
	code: string;
	prefilled_message: string;
	deep_link_url: string;
	qr_image_url?: string;
}

async function create(json: Record<string, unknown>) {
	return await post<Qrdl>(sandbox, edge, { token, json });
}

it('creates a QR code as the Postman example "Create QR code" answers, with a PNG image of the short link', async () => {
	const { status, body } = await create({ prefilled_message: 'Show me Cyber Monday deals!', generate_qr_image: 'PNG' });
	expect(status).toBe(200);
	expect(Object.keys(body)).toEqual(Object.keys(postmanExample('Create QR code').responseBody as object));
	expect(body.code).toMatch(/^[A-Z0-9]{14}$/);
	expect(body.deep_link_url).toBe(`https://wa.me/message/${body.code}`);
	const image = await fetch(body.qr_image_url ?? '');
	expect(image.headers.get('content-type')).toBe('image/png');
	const png = PNG.sync.read(Buffer.from(await image.arrayBuffer()));
	expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(body.deep_link_url);
});

it('serves an SVG image when asked for SVG, and no image when generate_qr_image is left out', async () => {
	const svg = await create({ prefilled_message: 'Hi', generate_qr_image: 'svg' });
	const image = await fetch(svg.body.qr_image_url ?? '');
	expect(image.headers.get('content-type')).toBe('image/svg+xml');
	expect(await image.text()).toMatch(/^<svg/);
	const plain = await create({ prefilled_message: 'Hi' });
	expect(plain.body).not.toHaveProperty('qr_image_url');
});

it('validates the prefilled message and the image format with code 100', async () => {
	expect(expectGraphError(await create({ generate_qr_image: 'PNG' }), 400, 100).message).toBe('(#100) The parameter prefilled_message is required.');
	expect(expectGraphError(await create({ prefilled_message: 'x'.repeat(141) }), 400, 100).message).toMatch(/at most 140 characters/);
	expect(expectGraphError(await create({ prefilled_message: 'x', generate_qr_image: 'GIF' }), 400, 100).message).toMatch(/must be one of \{SVG, PNG\}/);
});

it('lists, reads one (in a data array), updates its message and deletes it', async () => {
	const first = (await create({ prefilled_message: 'One' })).body;
	const second = (await create({ prefilled_message: 'Two' })).body;
	const list = await get<{ data: Qrdl[] }>(sandbox, edge, { token });
	expect(list.body.data.map((q) => q.code)).toEqual([first.code, second.code]);
	expect(Object.keys(list.body.data[0])).toEqual(['code', 'prefilled_message', 'deep_link_url']);

	const one = await get<{ data: Qrdl[] }>(sandbox, `${edge}/${second.code}?fields=prefilled_message,deep_link_url,qr_image_url.format(SVG)`, { token });
	expect(one.body.data).toEqual([{ prefilled_message: 'Two', deep_link_url: second.deep_link_url, qr_image_url: expect.stringContaining('.svg') }]);
	const byQuery = await get<{ data: Qrdl[] }>(sandbox, `${edge}?code=${first.code}`, { token });
	expect(byQuery.body.data).toEqual([first]);

	const updated = await create({ code: first.code, prefilled_message: 'One, changed' });
	expect(updated.body).toEqual({ code: first.code, prefilled_message: 'One, changed', deep_link_url: first.deep_link_url });

	expect((await call(sandbox, 'DELETE', `${edge}/${first.code}`, { token })).body).toEqual({ success: true });
	expect((await get<{ data: Qrdl[] }>(sandbox, edge, { token })).body.data.map((q) => q.code)).toEqual([second.code]);
	expectGraphError(await call(sandbox, 'DELETE', `${edge}/${first.code}`, { token }), 400, 100);
	expectGraphError(await get(sandbox, `${edge}/NOSUCHCODE0001`, { token }), 400, 100);
});

it('asks for a format with qr_image_url and refuses unknown fields', async () => {
	const { code } = (await create({ prefilled_message: 'x' })).body;
	expectGraphError(await get(sandbox, `${edge}/${code}?fields=qr_image_url`, { token }), 400, 100);
	expectGraphError(await get(sandbox, `${edge}?fields=code,colour`, { token }), 400, 100);
});

it('keeps each phone number\'s codes apart and checks the token\'s access', async () => {
	const { code } = (await create({ prefilled_message: 'x' })).body;
	expectGraphError(await get(sandbox, `/v24.0/${SANDBOX_SECOND_PHONE_NUMBER_ID}/message_qrdls/${code}`, { token }), 400, 100);
	expectGraphError(await post(sandbox, `/v24.0/${SANDBOX_SECOND_PHONE_NUMBER_ID}/message_qrdls`, { token: SANDBOX_LIMITED_TOKEN, json: { prefilled_message: 'x' } }), 403, 10);
	// Other edges still refuse extra path components.
	expectGraphError(await get(sandbox, `/v24.0/${SANDBOX_PHONE_NUMBER_ID}/media/123`, { token }), 400, 2500);
});
