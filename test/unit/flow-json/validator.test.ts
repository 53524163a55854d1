// The validator's public behaviour: Meta's examples, positions, versions and the limits that change with them,
// object and text sources, and the readable text for n8n errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFlowJsonIssues, validateFlowJson } from '../../../nodes/shared/flow-json';
import { base64OfKb, footer, formFlow, minimalFlow, navigate, options, screen, set, terminal, text } from './flows';

const example = (name: string) => readFileSync(join(__dirname, '../../fixtures/meta/flow-json-examples', `${name}.json`), 'utf8');
const W = '/screens/0/layout/children';
const rulesOf = (report: { errors: { rule: string }[] }) => report.errors.map((e) => e.rule);

describe("Meta's example flows (Flow JSON 3.1)", () => {
	it.each(['agent-connect', 'contact-us', 'survey'])('%s passes structurally and is flagged "not publishable: version"', (name) => {
		const report = validateFlowJson(example(name));
		expect(report).toMatchObject({ valid: true, publishable: false, version: '3.1', errors: [] });
		expect(report.warnings).toEqual([
			expect.objectContaining({ rule: 'version.not-publishable', pointer: '/version', line: 2, severity: 'warning', message: expect.stringContaining('Not publishable') }),
		]);
	});

	it('shows what raising the survey to 7.3 would break: radio groups need a label from 4.0 on', () => {
		const report = validateFlowJson(example('survey'), { targetVersion: '7.3' });
		expect(report.publishable).toBe(false);
		expect(new Set(rulesOf(report))).toEqual(new Set(['component.property-missing']));
		expect(report.errors).toHaveLength(9);
		expect(report.errors[0]).toMatchObject({ pointer: '/screens/0/layout/children/0/children/3', line: 28, column: 29 });
		expect(report.warnings.map((w) => w.rule)).toContain('version.target');
	});

	it('contact-us raised to 7.3 passes as it is', () => {
		const raised = JSON.parse(example('contact-us')) as Record<string, unknown>;
		raised.version = '7.3';
		expect(validateFlowJson(raised)).toMatchObject({ valid: true, publishable: true, errors: [], warnings: [] });
	});
});

describe("patterns Meta's Flow JSON reference shows as valid", () => {
	const exchange = { name: 'data_exchange', payload: {} };
	const list = (example: unknown[]) => ({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } }, __example__: example });

	it.each([
		[
			'an endpoint flow whose routing_model names the last screen only as a target',
			{
				version: '7.2',
				data_api_version: '3.0',
				routing_model: { FIRST: ['SECOND'], SECOND: ['THIRD'] },
				screens: [screen('FIRST', [footer(exchange)]), screen('SECOND', [footer(exchange)], { data: {} }), { ...screen('THIRD', [footer(exchange)], { data: {} }), terminal: true, success: true }],
			},
		],
		[
			'a Form with init-values whose navigate payload feeds the next screen',
			{
				version: '7.2',
				screens: [
					screen('LOGIN', [
						{ type: 'Form', name: 'flow_path', 'init-values': { name: 'Jon' }, children: [
							{ type: 'TextInput', name: 'name', label: 'Name', required: true },
							footer(navigate('CONFIRMATION', { name: '${form.name}' })),
						] },
					], { data: {} }),
					{ ...terminal('CONFIRMATION', [text('${data.name}')]), data: { name: { type: 'string', __example__: 'John' } } },
				],
			},
		],
		[
			'update_data actions inside the __example__ of a dynamic data-source (6.0)',
			{
				version: '6.0',
				screens: [{
					...terminal('ADDRESS', [
						{ type: 'RadioButtonsGroup', name: 'country', label: 'Country', 'data-source': '${data.countries}' },
						{ type: 'RadioButtonsGroup', name: 'state', label: 'State', visible: '${data.show_states}', 'data-source': '${data.states}' },
					]),
					data: {
						countries: list([{ id: '1', title: 'USA', 'on-select-action': { name: 'update_data', payload: { show_states: true } } }]),
						states: list([]),
						show_states: { type: 'boolean', __example__: false },
					},
				}],
			},
		],
		[
			'global references to a previous screen with an empty navigate payload',
			{
				version: '7.2',
				screens: [
					screen('SCREEN_ONE', [{ type: 'TextInput', name: 'field1', label: 'Enter your name' }, footer(navigate('SCREEN_TWO'))], { data: { field2: { type: 'string', __example__: 'data' } } }),
					{ ...screen('SCREEN_TWO', [footer({ name: 'complete', payload: { a: '${screen.SCREEN_ONE.form.field1}', b: '${screen.SCREEN_ONE.data.field2}' } })], { data: {} }), terminal: true },
				],
			},
		],
	])('%s', (_name, flow) => {
		expect(validateFlowJson(flow)).toMatchObject({ valid: true, errors: [], warnings: [] });
	});
});

describe('positions', () => {
	it('gives the line and column of the offending value in the text as written', () => {
		const textSource = '{\n  "version": "7.3",\n  "screens": [\n    {\n      "id": "END-1",\n      "terminal": true,\n' +
			'      "layout": {"type": "SingleColumnLayout", "children": [{"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]}\n    }\n  ]\n}';
		const [issue] = validateFlowJson(textSource).errors;
		expect(issue).toMatchObject({ rule: 'screen.id-pattern', pointer: '/screens/0/id', line: 5, column: 13 });
	});

	it('points at the property name for a property that is not allowed', () => {
		const flow = minimalFlow();
		set(flow, '/screens/0/colour', 'red');
		const lines = JSON.stringify(flow, null, 2).split('\n');
		const line = lines.findIndex((l) => l.includes('"colour"')) + 1;
		const [issue] = validateFlowJson(flow).errors;
		expect(issue).toMatchObject({ rule: 'screen.unknown-property', line, column: lines[line - 1].indexOf('"colour"') + 1 });
	});

	it('reports a syntax error at its line and column, and nothing else', () => {
		const report = validateFlowJson('{\n  "version": "7.3",\n  "screens": [\n    {"id": "A",}\n  ]\n}');
		expect(report).toMatchObject({ valid: false, publishable: false, version: null });
		expect(report.errors).toEqual([expect.objectContaining({ rule: 'json.syntax', line: 4, column: 16 })]);
	});

	it('counts columns in characters, so an emoji before the error counts once', () => {
		const report = validateFlowJson('{"version": "7.3", "x": "🙂", "screens": []}');
		const issue = report.errors.find((e) => e.rule === 'screens.empty');
		expect(issue).toMatchObject({ line: 1, column: 41 });
	});

	it('reads a text with a byte-order mark', () => {
		expect(validateFlowJson(`\uFEFF${JSON.stringify(minimalFlow())}`).valid).toBe(true);
	});

	it('gives the same issues for an object as for its 2-space serialisation', () => {
		const flow = formFlow();
		set(flow, `${W}/1/label`, 'Your full legal first name');
		expect(validateFlowJson(flow)).toEqual(validateFlowJson(JSON.stringify(flow, null, 2)));
	});
});

describe('rules that depend on the version (the limits table)', () => {
	it('option images: up to 300 KB before 6.0, 100 KB from 6.0', () => {
		const flow = minimalFlow('5.1');
		set(flow, `${W}/0`, { type: 'RadioButtonsGroup', name: 'r', label: 'Pick', 'data-source': [{ id: 'a', title: 'A', image: base64OfKb(150) }] });
		set(flow, `${W}/1`, footer({ name: 'complete', payload: {} }));
		expect(validateFlowJson(flow).errors).toEqual([]);
		set(flow, '/version', '6.0');
		expect(rulesOf(validateFlowJson(flow))).toEqual(['image.too-large']);
	});

	it('RichText: alone until 6.2, beside a Footer from 6.3', () => {
		const flow = minimalFlow('6.3');
		set(flow, `${W}/1`, get1(flow));
		set(flow, `${W}/0`, { type: 'RichText', text: ['# Terms', 'Be kind.'] });
		expect(validateFlowJson(flow).errors).toEqual([]);
		expect(rulesOf(validateFlowJson(flow, { targetVersion: '6.2' }))).toEqual(['rich-text.alone']);
	});

	it('ChipsSelector inside an If from 7.1', () => {
		const flow = minimalFlow('7.1');
		set(flow, `${W}/1`, get1(flow));
		set(flow, `${W}/0`, { type: 'If', condition: '${data.show}', then: [{ type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': options(2) }] });
		set(flow, '/screens/0/data', { show: { type: 'boolean', __example__: true } });
		expect(validateFlowJson(flow).errors).toEqual([]);
		expect(rulesOf(validateFlowJson(flow, { targetVersion: '7.0' }))).toEqual(['branch.component-not-allowed']);
	});

	it('update_data and open_url from 6.0', () => {
		const flow = minimalFlow('6.0');
		set(flow, `${W}/1`, get1(flow));
		set(flow, `${W}/0`, { type: 'EmbeddedLink', text: 'Terms', 'on-click-action': { name: 'open_url', url: 'https://example.com' } });
		expect(validateFlowJson(flow).errors).toEqual([]);
		expect(rulesOf(validateFlowJson(flow, { targetVersion: '5.1' }))).toEqual(['action.unavailable']);
	});

	it('every publishable version accepts the same plain flow', () => {
		for (const version of ['5.1', '6.0', '6.1', '6.2', '6.3', '7.0', '7.1', '7.2', '7.3']) {
			expect(validateFlowJson(minimalFlow(version))).toMatchObject({ valid: true, publishable: true, version });
		}
	});
});

describe('references', () => {
	it('accepts forward references to later screens (flowjson "Forward references")', () => {
		const flow = {
			version: '7.3',
			routing_model: { SELECT_SERVICES: ['SELECT_INSURANCE'] },
			screens: [
				terminal('SELECT_SERVICES', [
					text('${screen.SELECT_INSURANCE.form.insurance}'),
					{ type: 'EmbeddedLink', text: 'Choose insurance', 'on-click-action': navigate('SELECT_INSURANCE') },
				]),
				screen('SELECT_INSURANCE', [{ type: 'RadioButtonsGroup', name: 'insurance', label: 'Coverage', 'data-source': options(3) }]),
			],
		};
		expect(validateFlowJson(flow).errors).toEqual([]);
	});

	it('descends into declared object properties of the data model', () => {
		const flow = minimalFlow();
		set(flow, '/screens/0/data', { user: { type: 'object', properties: { name: { type: 'string' } }, __example__: { name: 'Ana' } } });
		set(flow, `${W}/1`, get1(flow));
		set(flow, `${W}/0`, text('${data.user.name}'));
		expect(validateFlowJson(flow).errors).toEqual([]);
		set(flow, `${W}/0/text`, '${data.user.age}');
		expect(rulesOf(validateFlowJson(flow))).toEqual(['binding.data-unknown']);
	});

	it('reads references inside nested expressions (6.0+)', () => {
		const flow = minimalFlow();
		set(flow, `${W}/1`, get1(flow));
		set(flow, `${W}/0`, text("`'Hello ' ${data.name}`"));
		expect(rulesOf(validateFlowJson(flow))).toEqual(['binding.data-unknown']);
	});
});

describe('formatFlowJsonIssues', () => {
	it('summarises, then lists errors and warnings one per line with position, rule and doc', () => {
		const flow = formFlow();
		set(flow, `${W}/1/label`, 'Your full legal first name');
		set(flow, `${W}/1/placeholder`, 'Ana');
		const lines = formatFlowJsonIssues(validateFlowJson(flow)).split('\n');
		expect(lines[0]).toBe('Flow JSON has 1 error and 1 warning.');
		expect(lines[1]).toBe('Errors:');
		expect(lines[2]).toMatch(/^- line \d+, column \d+ at \/screens\/0\/layout\/children\/1\/label: TextInput label is 26 characters; the limit is 20\. \[text\.too-long\] https:\/\/developers\.facebook\.com\/docs\/whatsapp\/flows\/reference\/components#textentry$/);
		expect(lines[3]).toBe('Warnings:');
		expect(lines[4]).toContain('[component.unknown-property]');
	});

	it('says when a valid flow cannot be published', () => {
		expect(formatFlowJsonIssues(validateFlowJson(example('contact-us')))).toMatch(/^Flow JSON is valid but not publishable \(version 3\.1\); 1 warning\.\nWarnings:\n- line 2/);
	});

	it('says a clean flow is valid', () => {
		expect(formatFlowJsonIssues(validateFlowJson(minimalFlow()))).toBe('Flow JSON is valid.');
	});
});

describe('inputs that are not Flow JSON at all', () => {
	it.each([
		['an empty text', ''],
		['a number', '42'],
		['a string', '"flow"'],
	])('%s', (_name, source) => {
		expect(validateFlowJson(source).valid).toBe(false);
	});

	it('nesting deep enough to exhaust the stack', () => {
		const report = validateFlowJson(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
		expect(report.errors).toEqual([expect.objectContaining({ rule: 'json.syntax', message: expect.stringContaining('nested too deeply') })]);
	});

	it('an object with a cycle', () => {
		const cyclic: Record<string, unknown> = { version: '7.3' };
		cyclic.self = cyclic;
		expect(rulesOf(validateFlowJson(cyclic))).toEqual(['json.syntax']);
	});
});

/** The minimal flow's Footer, to move it after a component put first. */
function get1(flow: Record<string, unknown>): unknown {
	return ((flow.screens as Record<string, unknown>[])[0].layout as { children: unknown[] }).children[0];
}
