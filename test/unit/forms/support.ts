// Test support: the form fixtures, and a simulated WhatsApp user (test/sandbox/client, written without our nodes)
// who fills every field of a converted flow and completes it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFlow, type ComponentView } from '../../sandbox/client';

export const FORM_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'forms');
export const FIXTURE_SOURCES = ['typeform', 'google-forms', 'hubspot-v3', 'hubspot-v2', 'generic'] as const;

export interface FormFixture {
	source: (typeof FIXTURE_SOURCES)[number];
	name: string;
	json: Record<string, unknown>;
}

export function formFixtures(source: FormFixture['source']): FormFixture[] {
	const dir = join(FORM_FIXTURES, source);
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ source, name: file.replace(/\.json$/, ''), json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown> }));
}

export function allFormFixtures(): FormFixture[] {
	return FIXTURE_SOURCES.flatMap(formFixtures);
}

/** Values that satisfy the patterns our converter or the fixtures use. */
const PATTERN_SAMPLES: Record<string, string> = {
	'^([01][0-9]|2[0-3]):[0-5][0-9]$': '09:30',
	'^(https?://)?[^\\s/$.?#].[^\\s]*$': 'https://example.com/me',
	'^[0-9]{4}-[0-9]{3}$': '1000-001',
	'^[0-9]{4}$': '1234',
};

export type FilledValue = string | boolean | string[] | Array<{ fileName: string; bytes: Buffer; mimeType: string }>;

/** What a user enters in one component: the last option (so the first is not right by accident), typed text. */
export function valueFor(component: ComponentView, index: number): FilledValue {
	const props = component.props;
	switch (component.type) {
		case 'RadioButtonsGroup':
		case 'Dropdown': {
			const options = component.options ?? [];
			return options[options.length - 1].id;
		}
		case 'CheckboxGroup': {
			const options = component.options ?? [];
			const max = typeof props['max-selected-items'] === 'number' ? props['max-selected-items'] : 2;
			return options.slice(-Math.min(2, max, options.length)).map((o) => o.id);
		}
		case 'OptIn':
			return true;
		case 'DatePicker':
			return `2026-03-${String(10 + (index % 18)).padStart(2, '0')}`;
		case 'PhotoPicker':
			return [{ fileName: `photo-${index}.jpg`, bytes: Buffer.from(`jpeg bytes ${index}`), mimeType: 'image/jpeg' }];
		case 'DocumentPicker':
			return [{ fileName: `doc-${index}.pdf`, bytes: Buffer.from(`%PDF-1.4 ${index}`), mimeType: 'application/pdf' }];
		case 'TextArea':
			return `Long answer ${index}\nwith two lines`;
		default: {
			const pattern = typeof props.pattern === 'string' ? props.pattern : undefined;
			if (pattern !== undefined) {
				if (PATTERN_SAMPLES[pattern] === undefined) throw new Error(`no sample value for pattern ${pattern}`);
				return PATTERN_SAMPLES[pattern];
			}
			if (component.inputType === 'email') return `user${index}@example.com`;
			if (component.inputType === 'phone') return `+351 912 345 ${String(100 + index)}`;
			if (component.inputType === 'number') return String(40 + index);
			return `Answer ${index}`;
		}
	}
}

export interface FilledFlow {
	response: Record<string, unknown>;
	/** What was entered, by field name. */
	filled: Record<string, FilledValue>;
	screens: string[];
}

/** Opens the flow, fills every input on every screen, presses each Footer, and returns the completion. */
export async function fillEveryField(flowJson: unknown, flowToken = 'forms-test-token'): Promise<FilledFlow> {
	const session = await openFlow({ flowJson: flowJson as never, flowToken });
	const filled: Record<string, FilledValue> = {};
	const screens: string[] = [];
	let index = 0;
	for (let guard = 0; guard < 120 && session.status === 'open'; guard += 1) {
		const screen = session.screen();
		screens.push(screen.id);
		const values: Record<string, FilledValue> = {};
		for (const component of screen.components) {
			if (component.name === undefined || !component.visible || component.type === 'Footer') continue;
			index += 1;
			values[component.name] = valueFor(component, index);
		}
		const result = await session.fill(values as never);
		if (Object.keys(result.errors).length > 0) throw new Error(`screen ${screen.id}: ${JSON.stringify(result.errors)}`);
		Object.assign(filled, values);
		const pressed = await session.pressFooter();
		if (pressed.outcome !== 'navigated' && pressed.outcome !== 'completed') throw new Error(`screen ${screen.id}: ${JSON.stringify(pressed)}`);
	}
	if (session.completion === undefined) throw new Error(`flow not completed (status ${session.status})`);
	return { response: session.completion.response as Record<string, unknown>, filled, screens };
}
