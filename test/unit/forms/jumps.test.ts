// Logic jumps: which source jumps become Flow routing (If / Switch Footers, flows/reference/components) and which
// are warned, and the path a simulated WhatsApp user (test/sandbox/client) takes for each answer.
import { convertFormToFlow } from '../../../nodes/shared/forms';
import { fillEveryField, formFixtures } from './support';

function fixture(source: 'typeform' | 'google-forms', name: string): Record<string, unknown> {
	const found = formFixtures(source).find((f) => f.name === name);
	if (found === undefined) throw new Error(`no fixture ${source}/${name}`);
	return found.json;
}

async function path(json: Record<string, unknown>, choices: Record<string, string>): Promise<{ screens: string[]; answered: string[] }> {
	const converted = convertFormToFlow(json);
	expect(converted.validation.errors).toEqual([]);
	const run = await fillEveryField(converted.flowJson, undefined, choices);
	const sources = converted.fieldMap.fields.filter((e) => e.field in run.filled).map((e) => e.source.ref ?? e.source.title);
	return { screens: run.screens, answered: sources };
}

describe('Typeform logic jumps (12-logic-branching)', () => {
	const json = fixture('typeform', '12-logic-branching');
	const topic = 'q1_what_brings_you_here';
	const contact = 'q6_may_we_contact_you';

	it.each([
		['Sales: the next question, then "always → contact_ok" skips the support group; "No" jumps to the end', { [topic]: '0', [contact]: '1' }, ['SCREEN_A', 'SCREEN_B', 'SCREEN_D', 'SCREEN_G'], ['topic', 'company', 'team_size', 'contact_ok']],
		['Support: jumps to the support group; "Yes" goes on to the email', { [topic]: '1', [contact]: '0' }, ['SCREEN_A', 'SCREEN_C', 'SCREEN_D', 'SCREEN_E', 'SCREEN_F', 'SCREEN_G'], ['topic', 'product', 'what_happened', 'contact_ok', 'email', 'anything']],
		['Partnership: jumps to the thank-you screen', { [topic]: '2' }, ['SCREEN_A', 'SCREEN_G'], ['topic']],
		['Something else: jumps to the last question', { [topic]: '3' }, ['SCREEN_A', 'SCREEN_F', 'SCREEN_G'], ['topic', 'anything']],
	])('%s', async (_name, choices, screens, answered) => {
		expect(await path(json, choices)).toEqual({ screens, answered });
	});

	it('branches with a Switch over the required choice, an If over the optional yes / no, a plain Footer for "always"', () => {
		const screens = convertFormToFlow(json).flowJson.screens as Array<{ id: string; layout: { children: Array<Record<string, unknown>> } }>;
		const last = (id: string) => screens.find((s) => s.id === id)!.layout.children.at(-1)!;
		expect(last('SCREEN_A')).toMatchObject({ type: 'Switch', value: `\${form.${topic}}` });
		expect(Object.keys(last('SCREEN_A').cases as object)).toEqual(['0', '1', '2', '3']);
		expect(last('SCREEN_D')).toMatchObject({ type: 'If', condition: `(\${form.${contact}} == '1')` });
		expect(last('SCREEN_B')).toMatchObject({ type: 'Footer', 'on-click-action': { name: 'navigate', next: { name: 'SCREEN_D' } } });
	});

	it('warns, naming the question and why, for every jump a Flow cannot make', () => {
		const warnings = convertFormToFlow(json).warnings.filter((w) => w.startsWith('Logic jump'));
		expect(warnings).toEqual([
			expect.stringMatching(/^Logic jump after "Team size" \(greater_than → "email"\) is not converted: its condition "greater_than" has no Flow equivalent/),
			expect.stringMatching(/^Logic jump after "Email" \(is → "anything"\) is not converted: its condition reads the answer to "topic", another question/),
			expect.stringMatching(/^Logic jump after "utm_source" \(1 jump\) is not converted: it depends on hidden fields/),
			expect.stringMatching(/^Logic jump after "Anything else\?" \(always → "topic"\) is not converted: it goes back to an earlier question/),
		]);
	});
});

describe('Typeform jumps one by one', () => {
	const choice = (ref: string, labels: string[], extra: Record<string, unknown> = {}) => ({
		id: `id_${ref}`, ref, title: `Question ${ref}`, type: 'multiple_choice', validations: { required: false },
		properties: { choices: labels.map((label) => ({ id: `c_${label}`, ref: `r_${label}`, label })), ...extra },
	});
	const text = (ref: string) => ({ id: `id_${ref}`, ref, title: `Question ${ref}`, type: 'short_text', validations: { required: false } });
	const jump = (ref: string, op: string, vars: unknown[], to: string) => ({ action: 'jump', details: { to: { type: 'field', value: to } }, condition: { op, vars: [{ type: 'field', value: ref }, ...vars] } });
	const form = (fields: unknown[], logic: unknown[]) => ({ id: 'f', title: 'T', fields, logic });

	it('"or" of two choices becomes one If over both option ids', () => {
		const converted = convertFormToFlow(form([choice('a', ['x', 'y', 'z']), text('b'), text('c')], [
			{ type: 'field', ref: 'a', actions: [{ action: 'jump', details: { to: { type: 'field', value: 'c' } }, condition: { op: 'or', vars: [{ op: 'is', vars: [{ type: 'field', value: 'a' }, { type: 'choice', value: 'r_x' }] }, { op: 'equal', vars: [{ type: 'field', value: 'a' }, { type: 'choice', value: 'r_z' }] }] } }] },
		]));
		const first = (converted.flowJson.screens as Array<{ layout: { children: Array<Record<string, unknown>> } }>)[0].layout.children.at(-1);
		expect(first).toMatchObject({ type: 'If', condition: "(${form.q1_question_a} == '0') || (${form.q1_question_a} == '2')" });
		expect(converted.validation.errors).toEqual([]);
	});

	it('warns for a condition on a multiple-selection question and for an optional question going three ways', () => {
		const multiple = convertFormToFlow(form([choice('a', ['x', 'y'], { allow_multiple_selection: true }), text('b')], [
			{ type: 'field', ref: 'a', actions: [jump('a', 'is', [{ type: 'choice', value: 'r_x' }], 'b')] },
		]));
		expect(multiple.warnings).toContainEqual(expect.stringContaining('"multiple_choice" answers cannot be compared in a Flow condition'));
		const threeWays = convertFormToFlow(form([choice('a', ['x', 'y', 'z']), text('b'), text('c'), text('d')], [
			{ type: 'field', ref: 'a', actions: [jump('a', 'is', [{ type: 'choice', value: 'r_x' }], 'c'), jump('a', 'is', [{ type: 'choice', value: 'r_y' }], 'd')] },
		]));
		expect(threeWays.warnings).toContainEqual(expect.stringContaining('it is optional: a Switch over the answer has no case for no answer'));
		expect(threeWays.validation.errors).toEqual([]);
	});

	it('warns for a jump over the file question (its files cannot travel in a navigate payload)', () => {
		const converted = convertFormToFlow(form([choice('a', ['x', 'y']), { id: 'id_f', ref: 'f', title: 'Upload', type: 'file_upload', validations: { required: false } }, text('c')], [
			{ type: 'field', ref: 'a', actions: [jump('a', 'is', [{ type: 'choice', value: 'r_x' }], 'c')] },
		]));
		expect(converted.warnings).toContainEqual(expect.stringContaining('it would skip the screen with the file question'));
		expect(converted.validation.errors).toEqual([]);
	});
});

describe('Google Forms go-to-section', () => {
	it.each([
		['"Billing" goes to the Billing section', '0', ['SCREEN_A', 'SCREEN_B', 'SCREEN_C', 'SCREEN_D'], ['What do you need?', 'Invoice number', 'Describe the issue']],
		['"Technical help" skips the Billing section', '1', ['SCREEN_A', 'SCREEN_C', 'SCREEN_D'], ['What do you need?', 'Describe the issue']],
		['"Just browsing" submits (SUBMIT_FORM)', '2', ['SCREEN_A', 'SCREEN_D'], ['What do you need?']],
	])('08-branching: %s', async (_name, option, screens, answered) => {
		expect(await path(fixture('google-forms', '08-branching'), { q1_what_do_you_need: option })).toEqual({ screens, answered });
	});

	it.each([
		['"Free" skips Billing (navigation applies when the section ends, after "Comments")', '0', ['SCREEN_A', 'SCREEN_C']],
		['"Pro" goes on to the next section', '1', ['SCREEN_A', 'SCREEN_B', 'SCREEN_C']],
		['"Start over" (RESTART_FORM, warned) goes on to the next section', '2', ['SCREEN_A', 'SCREEN_B', 'SCREEN_C']],
	])('12-go-to-section: %s', async (_name, option, screens) => {
		expect((await path(fixture('google-forms', '12-go-to-section'), { q2_which_plan: option })).screens).toEqual(screens);
	});

	it('warns for RESTART_FORM', () => {
		expect(convertFormToFlow(fixture('google-forms', '12-go-to-section')).warnings).toContainEqual(
			'"Which plan?": going to RESTART_FORM after "Start over" is not converted: a Flow cannot go back to its first screen; the sections are asked in order.',
		);
	});
});

describe('HubSpot dependent fields', () => {
	// v3 fieldGroups[].fields[].dependentFields[{dependentCondition: {operator, values}, dependentField}]
	// (https://developers.hubspot.com/docs/reference/api/marketing/forms).
	const form = (operator: string) => ({
		id: 'hs-dep',
		name: 'Dependent',
		fieldGroups: [{
			groupType: 'default_group',
			fields: [
				{ objectTypeId: '0-1', name: 'has_car', label: 'Do you have a car?', fieldType: 'single_checkbox', required: true },
				{
					objectTypeId: '0-1', name: 'plan', label: 'Plan', fieldType: 'radio', required: true,
					options: [{ label: 'Basic', value: 'basic' }, { label: 'Fleet', value: 'fleet' }],
					dependentFields: [{ dependentCondition: { operator, values: ['fleet'] }, dependentField: { objectTypeId: '0-1', name: 'fleet_size', label: 'Fleet size', fieldType: 'number', required: true } }],
				},
			],
		}],
	});

	it.each([
		['"Fleet" shows the required "Fleet size"', '1', ['has_car', 'plan', 'fleet_size']],
		['"Basic" leaves it hidden and unanswered', '0', ['has_car', 'plan']],
	])('%s', async (_name, option, answered) => {
		const converted = convertFormToFlow(form('EQ'));
		expect(converted.warnings).toEqual([]);
		const screen = (converted.flowJson.screens as Array<{ layout: { children: Array<Record<string, unknown>> } }>)[0];
		expect(screen.layout.children).toContainEqual(expect.objectContaining({ type: 'If', condition: "(${form.q2_plan} == '1')", then: [expect.objectContaining({ name: 'q3_fleet_size', required: true })] }));
		const run = await fillEveryField(converted.flowJson, undefined, { q2_plan: option });
		expect(converted.fieldMap.fields.filter((e) => e.field in run.filled).map((e) => e.source.name)).toEqual(answered);
	});

	it('"NEQ" shows it for every other option; an operator a Flow cannot test is warned and the field asked always, optional', () => {
		expect((convertFormToFlow(form('NEQ')).flowJson.screens as Array<{ layout: { children: unknown[] } }>)[0].layout.children).toContainEqual(expect.objectContaining({ type: 'If', condition: "(${form.q2_plan} == '0')" }));
		const converted = convertFormToFlow(form('IS_NOT_EMPTY'));
		expect(converted.warnings).toEqual(['"Fleet size" depends on the answer to "Plan": its condition "IS_NOT_EMPTY" has no Flow equivalent, so it is asked always, as optional.']);
		expect(converted.fieldMap.fields.find((e) => e.source.name === 'fleet_size')).toMatchObject({ required: false });
	});
});

describe('every fixture with jumps, in every publishable version and split small', () => {
	const routed = [fixture('typeform', '06-logic-jumps'), fixture('typeform', '11-every-supported-type'), fixture('typeform', '12-logic-branching'), fixture('google-forms', '08-branching'), fixture('google-forms', '12-go-to-section')];
	// (5.1 / 6.0: the website question's URL pattern needs 6.2 — a converter limit apart from jumps, see notes.)
	it.each(['6.2', '7.0', '7.3'])('passes the validator in Flow JSON %s, with two questions per screen too', (version) => {
		for (const json of routed) {
			for (const questionsPerScreen of [8, 2]) {
				const converted = convertFormToFlow(json, { version, questionsPerScreen });
				expect({ form: converted.form.id, questionsPerScreen, errors: converted.validation.errors }).toEqual({ form: converted.form.id, questionsPerScreen, errors: [] });
			}
		}
	});

	it('a Google section split over screens keeps its questions in order and says why its jump is not converted', () => {
		const converted = convertFormToFlow(fixture('google-forms', '12-go-to-section'), { questionsPerScreen: 2 });
		expect(converted.warnings).toContainEqual(expect.stringContaining('the section it ends is split over several screens'));
	});
});
