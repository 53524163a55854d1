// Test support: the form fixtures, and a simulated WhatsApp user (test/sandbox/client, written without our nodes)
// who fills every field of a converted flow and completes it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unfilledInputs, valueFor, type FilledValue } from '../../harness/form-answers';
import { openFlow } from '../../sandbox/client';

export type { FilledValue };

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

export interface FilledFlow {
	response: Record<string, unknown>;
	/** What was entered, by field name. */
	filled: Record<string, FilledValue>;
	screens: string[];
}

/**
 * Opens the flow, fills every input on every screen it is shown, presses each Footer, and returns the completion.
 * `choices` picks the option id of given fields (to take a jump's branch); other fields get valueFor's value.
 */
export async function fillEveryField(flowJson: unknown, flowToken = 'forms-test-token', choices: Record<string, string> = {}): Promise<FilledFlow> {
	const session = await openFlow({ flowJson: flowJson as never, flowToken });
	const filled: Record<string, FilledValue> = {};
	const screens: string[] = [];
	let index = 0;
	for (let guard = 0; guard < 120 && session.status === 'open'; guard += 1) {
		const screen = session.screen();
		screens.push(screen.id);
		// Fill what is shown; answers can show more (an If on an answer), so look again until nothing new appears.
		for (let round = 0; round < 5; round += 1) {
			const values: Record<string, FilledValue> = {};
			for (const component of unfilledInputs(session.screen().components, filled)) {
				index += 1;
				values[component.name] = choices[component.name] ?? valueFor(component, index);
			}
			if (Object.keys(values).length === 0) break;
			const result = await session.fill(values as never);
			if (Object.keys(result.errors).length > 0) throw new Error(`screen ${screen.id}: ${JSON.stringify(result.errors)}`);
			Object.assign(filled, values);
		}
		const pressed = await session.pressFooter();
		if (pressed.outcome !== 'navigated' && pressed.outcome !== 'completed') throw new Error(`screen ${screen.id}: ${JSON.stringify(pressed)}`);
	}
	if (session.completion === undefined) throw new Error(`flow not completed (status ${session.status})`);
	return { response: session.completion.response as Record<string, unknown>, filled, screens };
}

/** A field some screen branches on (an If condition or a Switch value over ${form.field}), with its option ids. */
export interface DecidingField {
	screen: string;
	field: string;
	options: string[];
}

export function decidingFields(flowJson: Record<string, unknown>): DecidingField[] {
	const found: DecidingField[] = [];
	for (const screen of flowJson.screens as Array<{ id: string; layout: { children: Array<Record<string, unknown>> } }>) {
		const children = screen.layout.children;
		for (const child of children) {
			const text = child.type === 'If' ? child.condition : child.type === 'Switch' ? child.value : undefined;
			const field = typeof text === 'string' ? /\$\{form\.(\w+)\}/.exec(text)?.[1] : undefined;
			if (field === undefined) continue;
			const input = children.find((c) => c.name === field) as { 'data-source': Array<{ id: string }> } | undefined;
			found.push({ screen: screen.id, field, options: (input?.['data-source'] ?? []).map((o) => o.id) });
		}
	}
	return found;
}
