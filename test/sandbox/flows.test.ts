// The Flows API (flows/reference/flowsapi; Meta's Postman collection "WhatsApp Flows API"): create, list, read with
// fields, update metadata and JSON, deprecate, delete, in the shapes of the Postman examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_APP_ACCESS_TOKEN, SANDBOX_APP_ID, SANDBOX_WABA_ID, startSandbox, type Sandbox } from './index';
import { call, expectGraphError, get, post } from './test-support';
import { flowJson, postMultipart, postmanFlowsExample } from './test-support-flows';
import { SANDBOX_FLOW_TEMPLATE_FLOW_NAME } from './templates';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

/** The published Flow the seeded FLOW template opens: always first in the list. */
const seededFlowId = () => sandbox.state.flows.findByName(SANDBOX_WABA_ID, SANDBOX_FLOW_TEMPLATE_FLOW_NAME)!.id;

const token = SANDBOX_ACCESS_TOKEN;
const v = '/v24.0';
const flowsPath = `${v}/${SANDBOX_WABA_ID}/flows`;

interface Created {
	id: string;
	success: boolean;
	validation_errors?: ValidationError[];
}
interface ValidationError {
	error: string;
	error_type: string;
	message: string;
	line_start: number;
	line_end: number;
	column_start: number;
	column_end: number;
	pointers: { path: string; line_start: number; line_end: number; column_start: number; column_end: number }[];
}

async function create(fields: Record<string, string> = {}): Promise<string> {
	const answer = await post<Created>(sandbox, flowsPath, { token, form: { name: `flow ${Math.random()}`, categories: '["OTHER"]', ...fields } });
	expect(answer.status).toBe(200);
	return answer.body.id;
}

function upload(flowId: string, text: string, fields: Record<string, string> = { name: 'flow.json', asset_type: 'FLOW_JSON' }) {
	return postMultipart<{ success: boolean; validation_errors: ValidationError[] }>(sandbox, `${v}/${flowId}/assets`, token, fields, {
		file: { data: text, filename: 'flow.json', type: 'application/json' },
	});
}

describe('creating a Flow (POST /{waba-id}/flows)', () => {
	it('accepts the Postman request "Create Flow" (form data) and answers its example\'s keys', async () => {
		const answer = await post<Created>(sandbox, flowsPath, { token, form: { name: 'my first flow', categories: '["OTHER"]' } });
		expect(answer.status).toBe(200);
		const example = postmanFlowsExample('Create Flow').responseBody as object;
		for (const key of Object.keys(example)) expect(answer.body).toHaveProperty(key);
		expect(answer.body).toEqual({ id: expect.stringMatching(/^\d+$/), success: true });
	});

	it('validates flow_json given at creation and answers its validation_errors', async () => {
		const answer = await post<Created>(sandbox, flowsPath, { token, json: { name: 'f', categories: ['SURVEY'], flow_json: flowJson() } });
		expect(answer.body).toEqual({ id: expect.any(String), success: true, validation_errors: [] });
		const details = await get<Record<string, unknown>>(sandbox, `${v}/${answer.body.id}?fields=json_version,status`, { token });
		expect(details.body).toEqual({ id: answer.body.id, json_version: '7.3', status: 'DRAFT' });
	});

	it('refuses a name already used in the WABA (code 100 "Flow name is not unique")', async () => {
		await post(sandbox, flowsPath, { token, form: { name: 'same', categories: '["OTHER"]' } });
		const error = expectGraphError(await post(sandbox, flowsPath, { token, form: { name: 'same', categories: '["OTHER"]' } }), 400, 100);
		expect(error.error_user_title).toBe('Flow name is not unique');
	});

	it.each([
		['without name', { categories: '["OTHER"]' }, '(#100) The parameter name is required.'],
		['without categories', { name: 'x' }, '(#100) The parameter categories is required.'],
		['with an unknown category', { name: 'x', categories: '["GAMES"]' }, expect.stringContaining('Param categories[0] must be one of {SIGN_UP, SIGN_IN,')],
	])('refuses a request %s', async (_name, form, message) => {
		const error = expectGraphError(await post(sandbox, flowsPath, { token, form }), 400, 100);
		expect(error.message).toEqual(message);
	});

	it('refuses a Flow JSON version Meta does not know (100 "Invalid Flow JSON version") and creates nothing', async () => {
		const error = expectGraphError(await post(sandbox, flowsPath, { token, json: { name: 'x', categories: ['OTHER'], flow_json: flowJson({ version: '9.9' }) } }), 400, 100);
		expect(error.error_user_title).toBe('Invalid Flow JSON version');
		expect(sandbox.state.flows.all().map((f) => f.id)).toEqual([seededFlowId()]);
	});

	it('clones a Flow with clone_flow_id: same JSON and endpoint, a new DRAFT', async () => {
		const source = await create({ endpoint_uri: 'https://example.com/flow' });
		await upload(source, flowJson());
		const clone = await create({ clone_flow_id: source });
		const a = sandbox.state.flows.get(source)!;
		const b = sandbox.state.flows.get(clone)!;
		expect(b).toMatchObject({ jsonText: a.jsonText, endpointUri: 'https://example.com/flow', status: 'DRAFT' });
		expect(clone).not.toBe(source);
	});

	it('refuses an app access token (Flows need a business token) with code 10', async () => {
		expectGraphError(await post(sandbox, flowsPath, { token: SANDBOX_APP_ACCESS_TOKEN, form: { name: 'x', categories: '["OTHER"]' } }), 403, 10);
	});
});

describe('reading a Flow (GET /{flow-id})', () => {
	it('answers the fields of the Postman request "Get Flow" with the example\'s keys and types', async () => {
		const id = await create({ name: 'my first flow', endpoint_uri: 'https://example.com' });
		await upload(id, flowJson({ endpoint: true }));
		const example = postmanFlowsExample('Get Flow').responseBody as Record<string, unknown>;
		const fields = 'id,name,categories,preview,status,validation_errors,json_version,data_api_version,data_channel_uri,health_status,whatsapp_business_account,application';
		const answer = await get<Record<string, unknown>>(sandbox, `${v}/${id}?fields=${fields}`, { token });
		expect(answer.status).toBe(200);
		expect(Object.keys(answer.body).sort()).toEqual(Object.keys(example).sort());
		for (const [key, value] of Object.entries(example)) expect(typeof answer.body[key]).toBe(typeof value);
		expect(answer.body).toMatchObject({
			id,
			name: 'my first flow',
			categories: ['OTHER'],
			status: 'DRAFT',
			validation_errors: [],
			json_version: '7.3',
			data_api_version: '3.0',
			data_channel_uri: 'https://example.com',
			whatsapp_business_account: { id: SANDBOX_WABA_ID },
			application: { id: SANDBOX_APP_ID },
			health_status: { can_send_message: 'AVAILABLE' },
		});
		const preview = answer.body.preview as { preview_url: string; expires_at: string };
		expect(preview.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
		expect((await fetch(preview.preview_url)).status).toBe(200);
	});

	it('answers name, status, categories, validation_errors and id without fields (the "List Flows" item shape)', async () => {
		const id = await create({ name: 'plain' });
		const answer = await get(sandbox, `${v}/${id}`, { token });
		expect(answer.body).toEqual({ name: 'plain', status: 'DRAFT', categories: ['OTHER'], validation_errors: [], id });
	});

	it('makes a new preview link with preview.invalidate(true) ("Get Preview URL"); the old one stops working', async () => {
		const id = await create();
		type P = { preview: { preview_url: string } };
		const first = (await get<P>(sandbox, `${v}/${id}?fields=preview.invalidate(false)`, { token })).body.preview.preview_url;
		const again = (await get<P>(sandbox, `${v}/${id}?fields=preview.invalidate(false)`, { token })).body.preview.preview_url;
		const fresh = (await get<P>(sandbox, `${v}/${id}?fields=preview.invalidate(true)`, { token })).body.preview.preview_url;
		expect(again).toBe(first);
		expect(fresh).not.toBe(first);
		expect((await fetch(first)).status).toBe(404);
	});

	it('answers an unknown field with code 100 "Tried accessing nonexisting field"', async () => {
		const id = await create();
		const error = expectGraphError(await get(sandbox, `${v}/${id}?fields=colour`, { token }), 400, 100);
		expect(error.message).toContain('nonexisting field (colour)');
	});
});

describe('listing Flows (GET /{waba-id}/flows)', () => {
	it('answers data and Graph paging as the Postman example "List Flows"', async () => {
		const ids = [await create({ name: 'a' }), await create({ name: 'b' }), await create({ name: 'c' })];
		const answer = await get<{ data: { id: string }[]; paging: { cursors: { before: string; after: string } } }>(sandbox, flowsPath, { token });
		const example = postmanFlowsExample('List Flows').responseBody as { data: object[]; paging: { cursors: object } };
		expect(Object.keys(answer.body)).toEqual(Object.keys(example));
		expect(Object.keys(answer.body.data[0]).sort()).toEqual(Object.keys(example.data[0]).sort());
		expect(Object.keys(answer.body.paging.cursors)).toEqual(Object.keys(example.paging.cursors));
		expect(answer.body.data.map((f) => f.id)).toEqual([seededFlowId(), ...ids]);
	});

	it('pages with limit and after / before cursors, with next and previous links', async () => {
		const ids: string[] = [seededFlowId()];
		for (let i = 0; i < 4; i += 1) ids.push(await create({ name: `f${i}` }));
		type Page = { data: { id: string }[]; paging: { cursors: { before: string; after: string }; next?: string; previous?: string } };
		const first = await get<Page>(sandbox, `${flowsPath}?limit=2`, { token });
		expect(first.body.data.map((f) => f.id)).toEqual(ids.slice(0, 2));
		expect(first.body.paging.previous).toBeUndefined();
		const second = await get<Page>(sandbox, `${flowsPath}?limit=2&after=${first.body.paging.cursors.after}`, { token });
		expect(second.body.data.map((f) => f.id)).toEqual(ids.slice(2, 4));
		const third = await fetch(second.body.paging.next!, { headers: { authorization: `Bearer ${token}` } });
		const thirdBody = (await third.json()) as Page;
		expect(thirdBody.data.map((f) => f.id)).toEqual(ids.slice(4));
		expect(thirdBody.paging.next).toBeUndefined();
		const back = await get<Page>(sandbox, `${flowsPath}?limit=2&before=${second.body.paging.cursors.before}`, { token });
		expect(back.body.data.map((f) => f.id)).toEqual(ids.slice(0, 2));
	});
});

describe('the Flow JSON asset (POST / GET /{flow-id}/assets)', () => {
	it('accepts the Postman request "Update Flow JSON" (multipart) and answers {success, validation_errors}', async () => {
		const id = await create();
		const answer = await upload(id, flowJson());
		expect(answer.status).toBe(200);
		const example = postmanFlowsExample('Update Flow JSON').responseBody as object;
		expect(Object.keys(answer.body)).toEqual(Object.keys(example));
		expect(answer.body).toEqual({ success: true, validation_errors: [] });
	});

	it('serves the uploaded text byte for byte from the download_url of "List Assets"', async () => {
		const id = await create();
		const text = readFileSync(join(__dirname, '..', 'fixtures', 'meta', 'flow-json-examples', 'survey.json'), 'utf8');
		await upload(id, text);
		const answer = await get<{ data: { name: string; asset_type: string; download_url: string }[] }>(sandbox, `${v}/${id}/assets`, { token });
		const example = postmanFlowsExample('List Assets (Get Flow JSON URL)').responseBody as { data: object[] };
		expect(Object.keys(answer.body)).toEqual(Object.keys(example));
		expect(Object.keys(answer.body.data[0])).toEqual(Object.keys(example.data[0]));
		expect(answer.body.data[0]).toMatchObject({ name: 'flow.json', asset_type: 'FLOW_JSON' });
		const download = await fetch(answer.body.data[0].download_url);
		expect(download.status).toBe(200);
		expect(await download.text()).toBe(text);
	});

	it('accepts Meta\'s own 3.1 examples into the DRAFT without validation errors', async () => {
		for (const name of ['survey.json', 'contact-us.json', 'agent-connect.json']) {
			const id = await create();
			const text = readFileSync(join(__dirname, '..', 'fixtures', 'meta', 'flow-json-examples', name), 'utf8');
			expect((await upload(id, text)).body.validation_errors).toEqual([]);
		}
	});

	it('reports errors with the line and columns of the uploaded text and a path pointer', async () => {
		const id = await create();
		const text = [
			'{',
			'  "version": "7.3",',
			'  "screens": [',
			'    {',
			'      "id": "SUCCESS",',
			'      "terminal": true,',
			'      "layout": { "type": "SingleColumnLayout", "children": [] }',
			'    }',
			'  ]',
			'}',
		].join('\n');
		const errors = (await upload(id, text)).body.validation_errors;
		expect(errors).toContainEqual({
			error: 'RESERVED_SCREEN_ID',
			error_type: 'FLOW_JSON_ERROR',
			message: expect.any(String),
			line_start: 5,
			line_end: 5,
			column_start: 13,
			column_end: 21,
			pointers: [{ line_start: 5, line_end: 5, column_start: 13, column_end: 21, path: 'screens[0].id' }],
		});
		// The terminal screen has no Footer: pointed at the "terminal" key.
		expect(errors).toContainEqual(expect.objectContaining({ error: 'MISSING_FOOTER', line_start: 6, column_start: 7, column_end: 16 }));
		expect((await get<{ validation_errors: unknown[] }>(sandbox, `${v}/${id}?fields=validation_errors`, { token })).body.validation_errors).toEqual(errors);
	});

	it.each([
		['name', { asset_type: 'FLOW_JSON' }, '(#100) The parameter name is required.'],
		['asset_type', { name: 'flow.json' }, '(#100) The parameter asset_type is required.'],
	])('needs %s', async (_what, fields, message) => {
		const id = await create();
		expect(expectGraphError(await upload(id, flowJson(), fields), 400, 100).message).toBe(message);
	});

	it('needs the file part', async () => {
		const id = await create();
		const answer = await postMultipart(sandbox, `${v}/${id}/assets`, token, { name: 'flow.json', asset_type: 'FLOW_JSON' });
		expect(expectGraphError(answer, 400, 100).message).toBe('(#100) The parameter file is required.');
	});

	it('refuses Flow JSON over 10 MB', async () => {
		const id = await create();
		const big = `{"version":"7.3","screens":[],"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`;
		expect(expectGraphError(await upload(id, big), 400, 100).error_user_title).toBe('Flow JSON is too large');
	});
});

describe('metadata, deprecation and deletion', () => {
	it('updates name, categories and endpoint_uri ("Update Flow Metadata" → {"success": true})', async () => {
		const id = await create();
		const answer = await post(sandbox, `${v}/${id}`, { token, form: { name: 'renamed', categories: '["SURVEY","OTHER"]', endpoint_uri: 'https://example.com/e' } });
		expect(answer.body).toEqual(postmanFlowsExample('Update Flow Metadata').responseBody);
		expect((await get(sandbox, `${v}/${id}?fields=name,categories,endpoint_uri`, { token })).body).toEqual({
			id,
			name: 'renamed',
			categories: ['SURVEY', 'OTHER'],
			endpoint_uri: 'https://example.com/e',
		});
	});

	it('deletes a DRAFT ({"success": true}); the id is then unknown', async () => {
		const id = await create();
		const answer = await call(sandbox, 'DELETE', `${v}/${id}`, { token });
		expect(answer.body).toEqual(postmanFlowsExample('Delete Flow').responseBody);
		expectGraphError(await get(sandbox, `${v}/${id}`, { token }), 400, 100);
	});

	it('refuses to deprecate a DRAFT (139003) and to delete a published Flow (139004)', async () => {
		const id = await create();
		await upload(id, flowJson());
		expect(expectGraphError(await post(sandbox, `${v}/${id}/deprecate`, { token }), 400, 139003).error_user_msg).toBe("Can't deprecate unpublished flow.");
		expect((await post(sandbox, `${v}/${id}/publish`, { token })).body).toEqual(postmanFlowsExample('Publish Flow').responseBody);
		expectGraphError(await call(sandbox, 'DELETE', `${v}/${id}`, { token }), 400, 139004);
		expect((await post(sandbox, `${v}/${id}/deprecate`, { token })).body).toEqual(postmanFlowsExample('Deprecate Flow').responseBody);
		expect(expectGraphError(await post(sandbox, `${v}/${id}/deprecate`, { token }), 400, 139003).error_user_msg).toBe('Flow is already deprecated.');
		expectGraphError(await upload(id, flowJson()), 400, 139001);
	});

	it('returns a published Flow to DRAFT when its JSON or metadata is edited (flows/guides/lifecycle)', async () => {
		const id = await create();
		await upload(id, flowJson());
		await post(sandbox, `${v}/${id}/publish`, { token });
		expect((await upload(id, flowJson())).status).toBe(200);
		expect(sandbox.state.flows.get(id)?.status).toBe('DRAFT');
		await post(sandbox, `${v}/${id}/publish`, { token });
		await post(sandbox, `${v}/${id}`, { token, form: { name: 'edited' } });
		expect(sandbox.state.flows.get(id)?.status).toBe('DRAFT');
	});

	it('answers 139001 "Flow can\'t be updated" instead, with config flows.publishedEdit = "reject" (the older rule)', async () => {
		await post(sandbox, '/__sandbox/config', { json: { flows: { publishedEdit: 'reject' } } });
		const id = await create();
		await upload(id, flowJson());
		await post(sandbox, `${v}/${id}/publish`, { token });
		const error = expectGraphError(await upload(id, flowJson()), 400, 139001);
		expect(error.error_user_title).toBe("Flow can't be updated");
		expect(sandbox.state.flows.get(id)?.status).toBe('PUBLISHED');
	});
});

describe('metrics (GET /{flow-id}?fields=metric.…)', () => {
	const metricPath = (id: string, name: string, granularity = 'DAY') =>
		`${v}/${id}?fields=metric.name(${name}).granularity(${granularity}).since(2020-01-01).until(2100-01-01)`;

	it('answers 139006 below 250 endpoint requests', async () => {
		const id = await create();
		await post(sandbox, `/__sandbox/flows/${id}/endpoint-requests`, { json: { count: 249 } });
		expectGraphError(await get(sandbox, metricPath(id, 'ENDPOINT_REQUEST_COUNT'), { token }), 400, 139006);
	});

	it.each([
		['ENDPOINT_REQUEST_COUNT', 'Get Endpoint Request Count Metric', 'DAY', [{ key: 'value', value: 300 }]],
		['ENDPOINT_REQUEST_ERROR', 'Get Endpoint Request Error Metric', 'DAY', [{ key: 'timeout_error', value: 30 }]],
		['ENDPOINT_REQUEST_ERROR_RATE', 'Get Endpoint Request Error Rate Metric', 'LIFETIME', [{ key: 'value', value: 0.1 }]],
		['ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL', 'Get Endpoint Request Latencies Metric', 'DAY', [{ key: '1', value: 300 }]],
		['ENDPOINT_AVAILABILITY', 'Get Endpoint Availability Metric', 'DAY', [{ key: 'succeeded', value: 270 }, { key: 'failed', value: 30 }]],
	])('%s in the shape of the Postman example "%s"', async (name, example, granularity, data) => {
		const id = await create();
		await post(sandbox, `/__sandbox/flows/${id}/endpoint-requests`, { json: { count: 300, failed: 30, latencyMs: 400 } });
		const answer = await get<{ id: string; metric: { data_points: { timestamp: string; data: unknown }[] } }>(sandbox, metricPath(id, name, granularity), { token });
		const expected = postmanFlowsExample(example).responseBody as { metric: { data_points: object[] } };
		expect(Object.keys(answer.body)).toEqual(Object.keys(expected));
		expect(Object.keys(answer.body.metric)).toEqual(Object.keys(expected.metric));
		expect(answer.body.metric).toMatchObject({ granularity, name });
		expect(answer.body.metric.data_points).toHaveLength(1);
		expect(answer.body.metric.data_points[0].timestamp).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\+0000$/);
		expect(answer.body.metric.data_points[0].data).toEqual(data);
	});

	it('refuses an unknown metric name', async () => {
		const id = await create();
		expectGraphError(await get(sandbox, metricPath(id, 'HAPPINESS'), { token }), 400, 100);
	});
});
