// The mapping rules, one by one: which Flow component asks which kind of question, Meta's limits, what is warned,
// and how answers come back in each source's shape.
import { convertFormToFlow, detectFormSource, mapFlowResponse, type FieldMap } from '../../../nodes/shared/forms';
import { formFixtures } from './support';

type Component = Record<string, unknown>;

function componentsOf(flowJson: Record<string, unknown>): Component[] {
	return (flowJson.screens as Array<{ layout: { children: Component[] } }>).flatMap((screen) => screen.layout.children);
}

function inputFor(form: Record<string, unknown>, name: string): Component | undefined {
	const converted = convertFormToFlow(form);
	const field = converted.fieldMap.fields.find((entry) => entry.source.id === name)?.field;
	return componentsOf(converted.flowJson).find((component) => component.name === field);
}

const generic = (fields: Array<Record<string, unknown>>) => ({ title: 'Test', fields });

describe('Convert Form to Flow: components', () => {
	it.each([
		['text', { type: 'TextInput', 'input-type': 'text' }],
		['textarea', { type: 'TextArea' }],
		['email', { type: 'TextInput', 'input-type': 'email' }],
		['phone', { type: 'TextInput', 'input-type': 'phone' }],
		['number', { type: 'TextInput', 'input-type': 'number' }],
		['date', { type: 'DatePicker' }],
		['consent', { type: 'OptIn' }],
		['file', { type: 'DocumentPicker', 'min-uploaded-documents': 1 }],
		['photo', { type: 'PhotoPicker', 'min-uploaded-photos': 1 }],
	])('%s → %j', (type, expected) => {
		const component = inputFor(generic([{ name: 'f', label: 'Field', type, required: true }]), 'f');
		expect(component).toMatchObject(expected);
		// Pickers are required through their minimum count; the others through "required".
		if (!expected.type.endsWith('Picker')) expect(component?.required).toBe(true);
	});

	it('single choice is a RadioButtonsGroup up to 20 options and a Dropdown above', () => {
		const options = (n: number) => Array.from({ length: n }, (_, i) => `Option ${i + 1}`);
		expect(inputFor(generic([{ name: 'f', label: 'Pick', type: 'radio', options: options(20) }]), 'f')?.type).toBe('RadioButtonsGroup');
		expect(inputFor(generic([{ name: 'f', label: 'Pick', type: 'radio', options: options(21) }]), 'f')?.type).toBe('Dropdown');
		expect(inputFor(generic([{ name: 'f', label: 'Pick', type: 'dropdown', options: options(3) }]), 'f')?.type).toBe('Dropdown');
		expect(inputFor(generic([{ name: 'f', label: 'Pick', type: 'checkbox', options: options(3) }]), 'f')?.type).toBe('CheckboxGroup');
	});

	it('yes / no is two options; statements are TextHeading / TextBody', () => {
		const converted = convertFormToFlow(generic([{ type: 'statement', label: 'Welcome', text: 'Hello there' }, { name: 'f', label: 'Again?', type: 'boolean' }]));
		const components = componentsOf(converted.flowJson);
		expect(components.slice(0, 2)).toEqual([
			{ type: 'TextHeading', text: 'Welcome' },
			{ type: 'TextBody', text: 'Hello there' },
		]);
		expect(components[2]).toMatchObject({ type: 'RadioButtonsGroup', 'data-source': [{ id: '0', title: 'Yes' }, { id: '1', title: 'No' }] });
	});

	it('carries helper text, length limits and patterns', () => {
		expect(inputFor(generic([{ name: 'f', label: 'Code', type: 'text', helperText: 'Like 1000-001', pattern: '^[0-9]{4}-[0-9]{3}$', minLength: 8, maxLength: 8 }]), 'f')).toMatchObject({
			'helper-text': 'Like 1000-001',
			pattern: '^[0-9]{4}-[0-9]{3}$',
			'min-chars': 8,
			'max-chars': 8,
		});
	});

	it('shortens a label Meta would refuse, shows the full question above it, and warns', () => {
		const label = 'Please tell us the full legal name of your registered company';
		const converted = convertFormToFlow(generic([{ name: 'f', label, type: 'text' }]));
		const components = componentsOf(converted.flowJson);
		expect(components[0]).toEqual({ type: 'TextBody', text: label });
		expect(String(components[1].label).length).toBeLessThanOrEqual(20);
		expect(converted.warnings).toEqual([expect.stringContaining('longer than TextInput allows (20)')]);
	});

	it('splits pages into screens joined by navigate; the last one completes with every answer', () => {
		const converted = convertFormToFlow(generic([{ name: 'a', label: 'A', type: 'text' }, { type: 'page', label: 'Two' }, { name: 'b', label: 'B', type: 'text' }]));
		const screens = converted.flowJson.screens as Array<Record<string, unknown> & { layout: { children: Component[] } }>;
		expect(screens.map((s) => s.id)).toEqual(['SCREEN_A', 'SCREEN_B']);
		expect(screens[0].layout.children.at(-1)).toMatchObject({ 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'SCREEN_B' } } });
		expect(screens[1]).toMatchObject({ terminal: true, success: true });
		expect(screens[1].layout.children.at(-1)).toMatchObject({
			'on-click-action': { name: 'complete', payload: { q1_a: '${screen.SCREEN_A.form.q1_a}', q2_b: '${form.q2_b}' } },
		});
	});

	it('splits a long page by questions per screen, within 50 components per screen', () => {
		const fields = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, label: `Field ${i}`, type: 'text' }));
		const converted = convertFormToFlow(generic(fields), { questionsPerScreen: 12 });
		expect(converted.form).toMatchObject({ questions: 30, screens: 3 });
		expect(converted.validation.errors).toEqual([]);
	});

	it('asks one file question per flow (a completion carries one picker) and warns about the others', () => {
		const converted = convertFormToFlow(generic([{ name: 'a', label: 'ID', type: 'file' }, { name: 'b', label: 'Selfie', type: 'photo' }]));
		expect(converted.fieldMap.fields.map((e) => e.source.id)).toEqual(['a']);
		expect(converted.warnings).toEqual([expect.stringContaining('"Selfie" (file upload) is not converted')]);
	});

	it('refuses a form with nothing to ask, and input that is no form', () => {
		expect(() => convertFormToFlow(generic([{ name: 'x', label: 'Sig', type: 'signature' }]))).toThrow('no question');
		expect(() => convertFormToFlow({ hello: 'world' })).toThrow('not a Typeform form');
		expect(() => convertFormToFlow(generic([{ name: 'f', label: 'F', type: 'text' }]), { version: '4.0' })).toThrow('version');
	});
});

describe('source detection', () => {
	it('tells each API apart by its own keys', () => {
		expect(detectFormSource(formFixtures('typeform')[0].json)).toBe('typeform');
		expect(detectFormSource(formFixtures('google-forms')[0].json)).toBe('googleForms');
		expect(detectFormSource(formFixtures('hubspot-v3')[0].json)).toBe('hubspotV3');
		expect(detectFormSource(formFixtures('hubspot-v2')[0].json)).toBe('hubspotV2');
		expect(detectFormSource(formFixtures('generic')[0].json)).toBe('generic');
	});

	it("reads the fields n8n's HubSpot node lists (Form → Get Fields, one v2 field per item)", () => {
		const v2 = formFixtures('hubspot-v2')[0].json as { formFieldGroups: Array<{ fields: unknown[] }> };
		const fields = v2.formFieldGroups.flatMap((group) => group.fields);
		const converted = convertFormToFlow({ fields });
		expect(converted.form.source).toBe('hubspotV2');
		expect(converted.fieldMap.fields.map((e) => e.source.name)).toEqual(['firstname', 'lastname', 'email', 'message']);
	});
});

describe('Map Flow Response', () => {
	const hubspot = convertFormToFlow(formFixtures('hubspot-v3').find((f) => f.name === '04-explicit-consent')?.json).fieldMap;
	const byId = (map: FieldMap, id: string) => map.fields.find((e) => e.source.id === id)?.field as string;

	it('builds a HubSpot submission: fields by name and object type, consent under legalConsentOptions', () => {
		const response = {
			flow_token: 't1',
			[byId(hubspot, 'email')]: 'ada@example.com',
			[byId(hubspot, 'webinar_date')]: '2026-05-16',
			[byId(hubspot, 'attendees')]: '3',
			[byId(hubspot, 'communication:12345')]: true,
			[byId(hubspot, 'consentToProcess')]: true,
		};
		expect(mapFlowResponse(response, hubspot).body).toEqual({
			fields: [
				{ objectTypeId: '0-1', name: 'email', value: 'ada@example.com' },
				{ objectTypeId: '0-1', name: 'webinar_date', value: '2026-05-16' },
				{ objectTypeId: '0-1', name: 'attendees', value: '3' },
			],
			legalConsentOptions: {
				consent: {
					consentToProcess: true,
					text: 'I agree to allow Acme to store and process my personal data.',
					communications: [{ value: true, subscriptionTypeId: 12345, text: 'I agree to receive other communications from Acme.' }],
				},
			},
		});
	});

	it('joins HubSpot multiple checkboxes with ";" and sends option values, not labels', () => {
		const map = convertFormToFlow(formFixtures('hubspot-v3').find((f) => f.name === '03-choices')?.json).fieldMap;
		const body = mapFlowResponse({ [byId(map, 'interests')]: ['0', '2'], [byId(map, 'company_size')]: '3', [byId(map, 'wants_demo')]: '0' }, map).body as { fields: unknown[] };
		expect(body.fields).toEqual([
			{ objectTypeId: '0-1', name: 'company_size', value: '200+' },
			{ objectTypeId: '0-1', name: 'interests', value: 'analytics;integrations' },
			{ objectTypeId: '0-1', name: 'wants_demo', value: 'true' },
		]);
	});

	it("gives n8n's HubSpot node (Form → Submit) one key per field name", () => {
		const map = convertFormToFlow(formFixtures('hubspot-v2').find((f) => f.name === '04-date-number')?.json).fieldMap;
		const response = { [byId(map, 'email')]: 'ada@example.com', [byId(map, 'service_date')]: '2026-06-01', [byId(map, 'vehicles')]: '2' };
		expect(mapFlowResponse(response, map, 'hubspotNode').body).toEqual({ email: 'ada@example.com', service_date: '2026-06-01', vehicles: '2' });
	});

	it('reads the millisecond timestamps older Flow JSON DatePickers send as YYYY-MM-DD', () => {
		const map = convertFormToFlow(generic([{ name: 'd', label: 'Day', type: 'date' }])).fieldMap;
		expect(mapFlowResponse({ [byId(map, 'd')]: '1652659200000' }, map).answers[0].value).toBe('2022-05-16');
	});

	it('gives Typeform-like answers with field id, ref and type; scales as numbers', () => {
		const map = convertFormToFlow(formFixtures('typeform').find((f) => f.name === '02-product-survey')?.json).fieldMap;
		const plan = map.fields[0];
		const nps = map.fields.find((e) => e.source.type === 'nps') as FieldMap['fields'][number];
		const body = mapFlowResponse({ [plan.field]: '2', [nps.field]: '9' }, map).body as { answers: unknown[] };
		expect(body.answers).toEqual([
			{ field: { id: plan.source.id, ref: 'plan', type: 'multiple_choice' }, type: 'choice', choice: { label: 'Pro' } },
			{ field: { id: nps.source.id, ref: 'nps', type: 'nps' }, type: 'number', number: 9 },
		]);
	});

	it('warns about missing required answers and unknown option ids instead of inventing values', () => {
		const map = convertFormToFlow(generic([{ name: 'c', label: 'Colour', type: 'radio', options: ['Red'], required: true }, { name: 'n', label: 'Name', type: 'text', required: true }])).fieldMap;
		const mapped = mapFlowResponse({ [byId(map, 'c')]: '7', extra: 1 }, map, 'sheetRow');
		expect(mapped.body).toEqual({ Colour: '', Name: '' });
		expect(mapped.warnings).toEqual([
			'"Colour": option id "7" is not in the field map.',
			'"Colour" is required but has no answer.',
			'"Name" is required but has no answer.',
			'"extra" in the response is not in the field map.',
		]);
	});
});
