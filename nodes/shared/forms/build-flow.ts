// A FormDefinition → static Flow JSON: one screen per page of the form, split where Meta's per-screen limits or
// the questions-per-screen setting say so, joined by `navigate`; the last screen `complete`s with every answer,
// read from earlier screens with ${screen.ID.form.name} (flows/reference/flowjson "Global data", 4.0+).
// Jumps (screen-routes.ts) end a screen after the deciding question and start one at each target. Answers on a
// screen a jump can skip are not read from that screen: they travel in the navigate payloads into each later
// screen's data model (flowjson "Navigate": payload → next screen's `data`), "" / [] / false when skipped.
import { FLOW_JSON_LIMITS, type FlowJsonLimits, type PublishableFlowJsonVersion } from '../flow-json';
import { ask, type AskContext, type AskedItem, type Component } from './components';
import type { FieldMap, FieldMapEntry } from './field-map';
import type { FormDefinition, FormItem } from './model';
import { answerIsOneOf, screenRoutes, skippableScreens, targetsOf, type ScreenRoute } from './screen-routes';
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
	items: FormItem[];
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
	const routings = form.routings ?? [];
	const targets = new Set(routings.flatMap((r) => r.routes.map((route) => route.to)));
	const afters = new Set(routings.map((r) => r.after));
	const screenOf = new Map<FormItem, number>();
	const entryOf = new Map<FormItem, FieldMapEntry>();
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
			const asked = askShown(item, { limits, warnings, fieldName }, (parent, candidate) => screen !== undefined && screenOf.get(parent) === drafts.length - 1 && fits(limits, screen, candidate, options.questionsPerScreen), entryOf);
			if (asked.components.length === 0) continue;
			if (asked.entry !== undefined) questionNumber += 1;
			if (screen === undefined || targets.has(item) || !fits(limits, screen, asked, options.questionsPerScreen)) {
				screen = { title: section.title || form.title, components: [], entries: [], types: new Map(), items: [] };
				drafts.push(screen);
			}
			screen.components.push(...asked.components);
			screen.items.push(item);
			screenOf.set(item, drafts.length - 1);
			if (asked.entry !== undefined) {
				screen.entries.push(asked.entry);
				entryOf.set(item, asked.entry);
			}
			if (asked.inputType !== undefined) screen.types.set(asked.inputType, (screen.types.get(asked.inputType) ?? 0) + 1);
			// The deciding question's screen ends with it: its Footer branches on the answer.
			if (afters.has(item)) screen = undefined;
		}
	}
	const routes = screenRoutes(routings, {
		screenOf,
		entryOf,
		itemsOn: drafts.map((d) => d.items),
		pickerScreens: new Set(drafts.flatMap((d, i) => (d.types.has('PhotoPicker') || d.types.has('DocumentPicker') ? [i] : []))),
		end: drafts.length,
	}, warnings);
	const endNeeded = [...routes.values()].some((route) => targetsOf(route).includes(drafts.length));
	if (endNeeded) drafts.push({ title: form.title, components: [{ type: 'TextBody', text: 'Your answers are ready to send.' }], entries: [], types: new Map(), items: [] });
	const screensMax = limits.counts.screensPerFlow.value;
	if (drafts.length > screensMax) throw new Error(`The form needs ${drafts.length} screens; a Flow may have at most ${screensMax} (${limits.counts.screensPerFlow.doc}).`);
	if (questionNumber === 0) throw new Error('The form has no question that a Flow can ask: nothing to convert.');

	const ids = drafts.map((_, index) => `SCREEN_${letters(index)}`);
	const entries: FieldMapEntry[] = [];
	drafts.forEach((draft, index) => draft.entries.forEach((entry) => entries.push({ ...entry, screen: ids[index] })));
	const carried = carriedFields(entries, skippableScreens(routes), ids);
	for (const entry of carried.keys()) entry.skippable = true;
	const screens = drafts.map((draft, index) => {
		const last = index === drafts.length - 1;
		const label = shorten(last ? (options.submitLabel ?? form.submitLabel ?? 'Submit') : options.continueLabel, limits.textLength.Footer.label.value);
		const footerTo = (to: number) => ({ type: 'Footer', label, 'on-click-action': { name: 'navigate', next: { type: 'screen', name: ids[to] }, payload: navigatePayload(carried, index, to) } });
		const complete = () => {
			const payload: Record<string, string> = {};
			for (const entry of entries) payload[entry.field] = entry.screen === ids[index] ? `\${form.${entry.field}}` : carried.has(entry) ? `\${data.${entry.field}}` : `\${screen.${entry.screen}.form.${entry.field}}`;
			return { type: 'Footer', label, 'on-click-action': { name: 'complete', payload } };
		};
		const data = dataModel(carried, index);
		return {
			id: ids[index],
			title: screenTitle(draft.title),
			...(last ? { terminal: true, success: true } : {}),
			...(Object.keys(data).length > 0 ? { data } : {}),
			layout: { type: 'SingleColumnLayout', children: [...draft.components, last ? complete() : routed(routes.get(index), index + 1, footerTo)] },
		};
	});
	return {
		flowJson: { version: options.version, screens },
		fieldMap: { source: form.source, formId: form.id, formTitle: form.title, fields: entries },
	};
}

/**
 * Asks an item; one shown only for some answers of its parent (HubSpot dependent fields) goes in an If on the
 * parent's answer (components "If": a condition on a form field of the same screen) when it fits on the parent's
 * screen — otherwise it is asked always, as optional, with a warning.
 */
function askShown(item: FormItem, ctx: AskContext, onParentScreen: (parent: FormItem, asked: AskedItem) => boolean, entryOf: Map<FormItem, FieldMapEntry>): AskedItem {
	const shown = item.kind === 'statement' ? undefined : item.shownWhen;
	if (item.kind === 'statement' || shown === undefined) return ask(ctx, item);
	const scratch: string[] = [];
	const asked = ask({ ...ctx, warnings: scratch }, item);
	const parent = entryOf.get(shown.parent);
	const ids = (parent?.options ?? []).filter((o) => shown.values.includes(o.value)).map((o) => o.id);
	const picker = asked.inputType === 'PhotoPicker' || asked.inputType === 'DocumentPicker';
	if (parent !== undefined && ids.length > 0 && !picker && asked.entry !== undefined && onParentScreen(shown.parent, asked)) {
		ctx.warnings.push(...scratch);
		asked.entry.skippable = true;
		return { ...asked, components: [{ type: 'If', condition: answerIsOneOf(parent.field, ids), then: asked.components }] };
	}
	const why = picker ? 'a file picker cannot go inside an If' : 'it does not fit on the screen of the question it depends on';
	ctx.warnings.push(`"${shorten(item.label, 60)}" depends on the answer to "${shorten(shown.parent.label, 60)}": ${why}, so it is asked always, as optional.`);
	return ask(ctx, { ...item, required: false, shownWhen: undefined });
}

/** The Footer(s) of a question screen: one Footer, or one per If branch / Switch case (components "If", "Switch"). */
function routed(route: ScreenRoute | undefined, next: number, footerTo: (to: number) => Component): Component {
	if (route === undefined) return footerTo(next);
	if (route.kind === 'always') return footerTo(route.to);
	if (route.kind === 'if') {
		return { type: 'If', condition: answerIsOneOf(route.field, route.ids), then: [footerTo(route.to)], else: [footerTo(route.otherwise)] };
	}
	return { type: 'Switch', value: `\${form.${route.field}}`, cases: Object.fromEntries(route.cases.map((c) => [c.id, [footerTo(c.to)]])) };
}

/** Each answer on a skippable screen, with the index of its screen. */
function carriedFields(entries: FieldMapEntry[], skippable: Set<number>, ids: string[]): Map<FieldMapEntry, number> {
	const carried = new Map<FieldMapEntry, number>();
	for (const entry of entries) {
		const screen = ids.indexOf(entry.screen);
		if (skippable.has(screen)) carried.set(entry, screen);
	}
	return carried;
}

/** What a skipped answer reads as; the data model's __example__ too (flowjson "Screen Data Declaration"). */
function emptyAnswer(entry: FieldMapEntry): string | boolean | string[] {
	if (entry.kind === 'consent') return false;
	return entry.multiple === true ? [] : '';
}

/** A screen's data model: every carried answer asked before it. */
function dataModel(carried: Map<FieldMapEntry, number>, index: number): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const [entry, screen] of carried) {
		if (screen >= index) continue;
		const empty = emptyAnswer(entry);
		data[entry.field] = Array.isArray(empty) ? { type: 'array', items: { type: 'string' }, __example__: empty } : { type: typeof empty, __example__: empty };
	}
	return data;
}

/** The payload from screen `from` to `to`: the next screen's data model, from this form, this data, or empty. */
function navigatePayload(carried: Map<FieldMapEntry, number>, from: number, to: number): Record<string, unknown> {
	const payload: Record<string, unknown> = {};
	for (const [entry, screen] of carried) {
		if (screen >= to) continue;
		payload[entry.field] = screen === from ? `\${form.${entry.field}}` : screen < from ? `\${data.${entry.field}}` : emptyAnswer(entry);
	}
	return payload;
}
