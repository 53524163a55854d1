// Media (cloud-api/reference/media; Postman "Media" folder): upload multipart, read the URL, download it with the
// access token, send it by id, delete it. Also the WABA's subscribed apps (Postman "Webhook Subscriptions").
import { createHash } from 'node:crypto';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_LIMITED_TOKEN, SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID, SANDBOX_WABA_ID, startSandbox, type Sandbox } from './index';
import { call, expectGraphError, get, post, postmanExample } from './test-support';
import { postMultipart } from './test-support-flows';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

const token = SANDBOX_ACCESS_TOKEN;
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e1b0a10000000049454e44ae426082', 'hex');
const upload = (fields: Record<string, string> = { messaging_product: 'whatsapp', type: 'image/png' }, data: Buffer = png, type = 'image/png') =>
	postMultipart<{ id: string }>(sandbox, `/v24.0/${SANDBOX_PHONE_NUMBER_ID}/media`, token, fields, { file: { data, filename: 'dot.png', type } });

interface MediaInfo {
	messaging_product: string;
	url: string;
	mime_type: string;
	sha256: string;
	file_size: string;
	id: string;
}

it('uploads, answers {id}, and describes the media as the Postman example "Retrieve Media URL"', async () => {
	const { status, body } = await upload();
	expect(status).toBe(200);
	expect(body).toEqual({ id: expect.stringMatching(/^\d+$/) });
	const info = await get<MediaInfo>(sandbox, `/v24.0/${body.id}?phone_number_id=${SANDBOX_PHONE_NUMBER_ID}`, { token });
	const example = postmanExample('Retrieve Media URL').responseBody as object;
	expect(Object.keys(info.body)).toEqual(Object.keys(example));
	expect(info.body).toMatchObject({
		messaging_product: 'whatsapp',
		mime_type: 'image/png',
		sha256: createHash('sha256').update(png).digest('hex'),
		file_size: String(png.length),
		id: body.id,
	});
});

it('serves the bytes from the URL only with the access token', async () => {
	const { body } = await upload();
	const { url } = (await get<MediaInfo>(sandbox, `/v24.0/${body.id}`, { token })).body;
	expect((await fetch(url)).status).toBe(401);
	const download = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
	expect(download.status).toBe(200);
	expect(download.headers.get('content-type')).toBe('image/png');
	expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
});

it('sends an image by id (Postman "Send Image Message by ID") and refuses an id it does not know', async () => {
	sandbox.state.users.openWindow(SANDBOX_PHONE_NUMBER_ID, '15550109999');
	const { body } = await upload();
	const { requestBody } = postmanExample('Send Image Message by ID', { 'Recipient-Phone-Number': '15550109999' });
	const json = { ...(requestBody as Record<string, unknown>), image: { id: body.id } };
	expect((await post(sandbox, `/v24.0/${SANDBOX_PHONE_NUMBER_ID}/messages`, { token, json })).status).toBe(200);
	const error = expectGraphError(await post(sandbox, `/v24.0/${SANDBOX_PHONE_NUMBER_ID}/messages`, { token, json: { ...json, image: { id: '999' } } }), 400, 100);
	expect(error.error_data?.details).toBe('Invalid media id: 999');
});

it('deletes media ({"success": true}); its id is then unknown', async () => {
	const { body } = await upload();
	expect((await call(sandbox, 'DELETE', `/v24.0/${body.id}`, { token })).body).toEqual({ success: true });
	expectGraphError(await get(sandbox, `/v24.0/${body.id}`, { token }), 400, 100);
});

it.each([
	['an unsupported type', { messaging_product: 'whatsapp', type: 'application/x-msdownload' }, png, 'application/x-msdownload', 131053],
	['an image over 5 MB', { messaging_product: 'whatsapp', type: 'image/jpeg' }, Buffer.alloc(5 * 1024 * 1024 + 1), 'image/jpeg', 131053],
	['no messaging_product', { type: 'image/png' }, png, 'image/png', 100],
])('refuses %s', async (_name, fields, data, type, code) => {
	expectGraphError(await upload(fields, data, type), 400, code);
});

it('keeps media to its phone number: another number\'s token cannot read it, phone_number_id must match', async () => {
	const { body } = await upload();
	expectGraphError(await get(sandbox, `/v24.0/${body.id}?phone_number_id=${SANDBOX_SECOND_PHONE_NUMBER_ID}`, { token }), 400, 100);
	expect((await get(sandbox, `/v24.0/${body.id}`, { token: SANDBOX_LIMITED_TOKEN })).status).toBe(200);
});

describe('subscribed apps (/{waba-id}/subscribed_apps)', () => {
	const path = `/v24.0/${SANDBOX_WABA_ID}/subscribed_apps`;
	it('lists the seed\'s app as subscribed, in the shape of "Get All Subscriptions for a WABA"', async () => {
		const answer = await get<{ data: object[] }>(sandbox, path, { token });
		const example = postmanExample('Get All Subscriptions for a WABA').responseBody as { data: object[] };
		expect(Object.keys(answer.body.data[0])).toEqual(Object.keys(example.data[0]));
		expect(answer.body.data).toHaveLength(1);
	});

	it('unsubscribes and subscribes again ({"success": true})', async () => {
		expect((await call(sandbox, 'DELETE', path, { token })).body).toEqual(postmanExample('Unsubscribe from a WABA').responseBody);
		expect((await get<{ data: object[] }>(sandbox, path, { token })).body.data).toEqual([]);
		expect((await post(sandbox, path, { token })).body).toEqual({ success: true });
		expect((await get<{ data: object[] }>(sandbox, path, { token })).body.data).toHaveLength(1);
	});
});
