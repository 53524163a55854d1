// A FormDefinition → static Flow JSON: one screen per page of the form, split where Meta's per-screen limits or
// the questions-per-screen setting say so, joined by `navigate`; the last screen `complete`s with every answer,
// read from earlier screens with ${screen.ID.form.name} (flows/reference/flowjson "Global data", 4.0+).
import { FLOW_JSON_LIMITS, type FlowJsonLimits, type PublishableFlowJsonVersion } from '../flow-json';
import { ask, type AskedItem, type Component } from './components';
import type { FieldMap, FieldMapEntry } from './field-map';
import type { FormDefinition } from './model';
import { letters, shorten, slug } from './text';

export interface BuildOptions {
	version: PublishableFlowJsonVersion;
	/** Most questions on one screen (a page of the source with more is split). */
	questionsPerScreen: number;
	continueLabel: string;
	submitLabel?: string;
}

interface DraftScreen {
	title: string;
	components: Component[];
	entries: FieldMapEntry[];
	types: Map<string, number>;
}

/** Room for one more item: components (the Footer included) and per-type counts within Meta's limits. */
function fits(limits: FlowJsonLimits, screen: DraftScreen, asked: AskedItem, questionsPerScreen: number): boolean {
	if (screen.components.length + asked.components.length + 1 > limits.counts.componentsPerScreen.value) return false;
	if (asked.entry !== undefined && screen.entries.length >= questionsPerScreen) return false;
	const type = asked.inputType;
	if (type === undefined) return true;
	const pickers = (screen.types.get('PhotoPicker') ?? 0) + (screen.types.get('DocumentPicker') ?? 0);
	// "Only one PhotoPicker or DocumentPicker per screen" (flows/reference/media_upload).
	if ((type === 'PhotoPicker' || type === 'DocumentPicker') && pickers > 0) return false;
	const max = limits.perScreen[type]?.value;
	return max === undefined || (screen.types.get(type) ?? 0) < max;
}

function uniqueName(base: string, used: Set<string>): string {
	let name = base;
	for (let n = 2; used.has(name); n += 1) name = `${base}_${n}`;
	used.add(name);
	return name;
}

function screenTitle(title: string): string {
	return shorten(title || 'Form', 30);
}

export interface BuiltFlow {
	flowJson: Record<string, unknown>;
	fieldMap: FieldMap;
}

export function buildFlow(form: FormDefinition, options: BuildOptions, warnings: string[]): BuiltFlow {
	const limits = FLOW_JSON_LIMITS[options.version];
	const used = new Set<string>();
	const drafts: DraftScreen[] = [];
	let questionNumber = 0;
	let picker: string | undefined;
	for (const section of form.sections) {
		let screen: DraftScreen | undefined;
		for (const item of section.items) {
			if (item.kind === 'file') {
				// "Complete action payload can contain either a single PhotoPicker or a single DocumentPicker"
				// (flows/reference/media_upload): one file question per flow.
				if (picker !== undefined) {
					warnings.push(`"${shorten(item.label, 60)}" (file upload) is not converted: a Flow sends the files of one picker only, and "${shorten(picker, 40)}" already asks for files.`);
					continue;
				}
				picker = item.label;
			}
			const fieldName = item.kind === 'statement' ? '' : uniqueName(`q${questionNumber + 1}_${slug(item.label, 24) || 'answer'}`, used);
			const asked = ask({ limits, warnings, fieldName }, item);
			if (asked.components.length === 0) continue;
			if (asked.entry !== undefined) questionNumber += 1;
			if (screen === undefined || !fits(limits, screen, asked, options.questionsPerScreen)) {
				screen = { title: section.title || form.title, components: [], entries: [], types: new Map() };
				drafts.push(screen);
			}
			screen.components.push(...asked.components);
			if (asked.entry !== undefined) screen.entries.push(asked.entry);
			if (asked.inputType !== undefined) screen.types.set(asked.inputType, (screen.types.get(asked.inputType) ?? 0) + 1);
		}
	}
	const screensMax = limits.counts.screensPerFlow.value;
	if (drafts.length > screensMax) throw new Error(`The form needs ${drafts.length} screens; a Flow may have at most ${screensMax} (${limits.counts.screensPerFlow.doc}).`);
	if (questionNumber === 0) throw new Error('The form has no question that a Flow can ask: nothing to convert.');

	const ids = drafts.map((_, index) => `SCREEN_${letters(index)}`);
	const entries: FieldMapEntry[] = [];
	drafts.forEach((draft, index) => draft.entries.forEach((entry) => entries.push({ ...entry, screen: ids[index] })));
	const screens = drafts.map((draft, index) => {
		const last = index === drafts.length - 1;
		const payload: Record<string, string> = {};
		if (last) for (const entry of entries) payload[entry.field] = entry.screen === ids[index] ? `\${form.${entry.field}}` : `\${screen.${entry.screen}.form.${entry.field}}`;
		const footer = {
			type: 'Footer',
			label: shorten(last ? (options.submitLabel ?? form.submitLabel ?? 'Submit') : options.continueLabel, limits.textLength.Footer.label.value),
			'on-click-action': last ? { name: 'complete', payload } : { name: 'navigate', next: { type: 'screen', name: ids[index + 1] }, payload: {} },
		};
		return {
			id: ids[index],
			title: screenTitle(draft.title),
			...(last ? { terminal: true, success: true } : {}),
			layout: { type: 'SingleColumnLayout', children: [...draft.components, footer] },
		};
	});
	return {
		flowJson: { version: options.version, screens },
		fieldMap: { source: form.source, formId: form.id, formTitle: form.title, fields: entries },
	};
}
