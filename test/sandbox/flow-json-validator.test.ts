// The sandbox's own Flow JSON rules, as the Flows API reports them after an upload (validation_errors with Meta's
// shape and real positions). One upload per rule, over HTTP.
import { SANDBOX_ACCESS_TOKEN, SANDBOX_WABA_ID, startSandbox, type Sandbox } from './index';
import { post } from './test-support';
import { postMultipart } from './test-support-flows';

let sandbox: Sandbox;
let flowId: string;
beforeAll(async () => {
	sandbox = await startSandbox();
	flowId = (await post<{ id: string }>(sandbox, `/v24.0/${SANDBOX_WABA_ID}/flows`, { token: SANDBOX_ACCESS_TOKEN, form: { name: 'rules', categories: '["OTHER"]' } })).body.id;
});
afterAll(() => sandbox.close());

interface ValidationError {
	error: string;
	error_type: string;
	line_start: number;
	column_start: number;
	pointers: { path: string }[];
}

async function errorsOf(json: unknown): Promise<ValidationError[]> {
	const text = typeof json === 'string' ? json : JSON.stringify(json, null, 2);
	const answer = await postMultipart<{ validation_errors: ValidationError[] }>(sandbox, `/v24.0/${flowId}/assets`, SANDBOX_ACCESS_TOKEN, { name: 'flow.json', asset_type: 'FLOW_JSON' }, {
		file: { data: text, filename: 'flow.json', type: 'application/json' },
	});
	expect(answer.status).toBe(200);
	return answer.body.validation_errors;
}

const footer = (action: Record<string, unknown> = { name: 'complete', payload: {} }) => ({ type: 'Footer', label: 'Go', 'on-click-action': action });
const screen = (id: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ id, layout: { type: 'SingleColumnLayout', children }, ...extra });
const flow = (screens: unknown[], extra: Record<string, unknown> = {}) => ({ version: '7.3', ...extra, screens });
const terminal = (id = 'END') => screen(id, [footer()], { terminal: true });
const names = (errors: ValidationError[]) => errors.map((e) => e.error);

it('accepts a minimal valid Flow', async () => {
	expect(await errorsOf(flow([terminal()]))).toEqual([]);
});

it.each([
	['no version', { screens: [terminal()] }, 'MISSING_REQUIRED_PROPERTY'],
	['no screens', { version: '7.3' }, 'MISSING_REQUIRED_PROPERTY'],
	['an empty screens array', { version: '7.3', screens: [] }, 'INVALID_PROPERTY_VALUE'],
	['a screen id with digits', flow([terminal('END1')]), 'INVALID_SCREEN_ID'],
	['the reserved id SUCCESS', flow([terminal('SUCCESS')]), 'RESERVED_SCREEN_ID'],
	['two screens with one id', flow([terminal('A'), terminal('A')]), 'DUPLICATE_SCREEN_ID'],
	['a terminal screen without Footer', flow([screen('A', [], { terminal: true })]), 'MISSING_FOOTER'],
	['no terminal screen', flow([screen('A', [footer()])]), 'MISSING_TERMINAL_SCREEN'],
	['two Footers on one screen', flow([screen('A', [footer(), footer()], { terminal: true })]), 'TOO_MANY_FOOTERS'],
	['51 components on one screen', flow([screen('A', [...Array.from({ length: 50 }, () => ({ type: 'TextBody', text: 'x' })), footer()], { terminal: true })]), 'TOO_MANY_COMPONENTS'],
	['a navigate to a missing screen', flow([screen('A', [footer({ name: 'navigate', next: { type: 'screen', name: 'B' } })]), terminal()]), 'INVALID_NAVIGATION'],
	['a routing_model to a missing screen', flow([terminal('A')], { data_api_version: '3.0', routing_model: { A: ['B'] } }), 'INVALID_ROUTING_MODEL'],
	['data_api_version without routing_model', flow([terminal('A')], { data_api_version: '3.0' }), 'MISSING_ROUTING_MODEL'],
	['a data_exchange without data_api_version', flow([screen('A', [footer({ name: 'data_exchange', payload: {} })], { terminal: true })]), 'MISSING_DATA_API_VERSION'],
	['a layout that is not SingleColumnLayout', flow([{ id: 'A', terminal: true, layout: { type: 'TwoColumns', children: [footer()] } }]), 'INVALID_PROPERTY_VALUE'],
])('reports %s', async (_name, json, error) => {
	expect(names(await errorsOf(json))).toContain(error);
});

it('counts components inside Forms, If and Switch branches (Meta\'s 3.1 examples nest the Footer in a Form)', async () => {
	const nested = flow([
		screen('A', [{ type: 'Form', name: 'f', children: [{ type: 'If', condition: 'true', then: [{ type: 'TextBody', text: 'x' }], else: [] }, footer()] }], { terminal: true }),
	]);
	expect(await errorsOf(nested)).toEqual([]);
	const tooMany = flow([screen('A', [{ type: 'Switch', value: 'x', cases: { a: Array.from({ length: 50 }, () => ({ type: 'TextBody', text: 'x' })) } }, footer()], { terminal: true })]);
	expect(names(await errorsOf(tooMany))).toEqual(['TOO_MANY_COMPONENTS']);
});

it('counts a Footer in both branches of an If as one, and one beside them as a second', async () => {
	const branches = { type: 'If', condition: '${form.ok}', then: [footer()], else: [footer()] };
	const optIn = { type: 'OptIn', name: 'ok', label: 'OK' };
	expect(await errorsOf(flow([screen('A', [optIn, branches], { terminal: true })]))).toEqual([]);
	const [error] = await errorsOf(flow([screen('A', [optIn, branches, footer()], { terminal: true })]));
	expect(error).toMatchObject({ error: 'TOO_MANY_FOOTERS', pointers: [{ path: 'screens[0].layout.children[2]' }] });
});

it('counts a terminal screen even when its layout is missing', async () => {
	expect(names(await errorsOf(flow([{ id: 'A', terminal: true }])))).toEqual(['MISSING_REQUIRED_PROPERTY']);
});

it('reports a JSON syntax error at its line and column', async () => {
	const errors = await errorsOf('{\n  "version": "7.3",\n  "screens": [,]\n}');
	expect(errors).toEqual([expect.objectContaining({ error: 'INVALID_JSON', line_start: 3, column_start: 15 })]);
});

it('points at the offending value with a path in Meta\'s notation', async () => {
	const [error] = await errorsOf(flow([screen('A', [footer({ name: 'navigate', next: { type: 'screen', name: 'NOPE' } })]), terminal()]));
	expect(error.pointers[0].path).toBe('screens[0].layout.children[0].on-click-action.next.name');
	expect(error.error_type).toBe('FLOW_JSON_ERROR');
});
