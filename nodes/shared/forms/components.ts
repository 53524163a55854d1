// One form item → the Flow components that ask it (flows/reference/components): the input, plus the full question
// as text above it when the label had to be shortened, or its help when it is longer than helper-text allows.
import type { FlowJsonLimits } from '../flow-json';
import type { FieldMapEntry, FieldMapOption } from './field-map';
import type { FormItem, FormOption, FormQuestion } from './model';
import { shorten } from './text';

export type Component = Record<string, unknown>;

export interface AskedItem {
	components: Component[];
	entry?: FieldMapEntry;
	/** The input component's type (per-screen counts: pickers, OptIns). */
	inputType?: string;
}

const URL_PATTERN = '^(https?://)?[^\\s/$.?#].[^\\s]*$';
/** "Radio buttons: max 20 options" (components#radio); more single-choice options go in a Dropdown (up to 200). */
const RADIO_MAX = 20;

export interface AskContext {
	limits: FlowJsonLimits;
	warnings: string[];
	fieldName: string;
}

function textLimit(ctx: AskContext, component: string, property: string): number {
	return ctx.limits.textLength[component]?.[property]?.value ?? Number.MAX_SAFE_INTEGER;
}

/** Label within the component's limit; the full text goes above it when it does not fit. */
function labelled(ctx: AskContext, question: FormQuestion, component: string, property = 'label'): { label: string; before: Component[] } {
	const max = textLimit(ctx, component, property);
	const full = question.label.trim() || question.source.title || question.source.id;
	if (full.length <= max) return { label: full, before: [] };
	ctx.warnings.push(`"${shorten(full, 60)}": the label is longer than ${component} allows (${max}); shortened, with the full question shown above it.`);
	return { label: shorten(full, max), before: [{ type: 'TextBody', text: shorten(full, textLimit(ctx, 'TextBody', 'text')) }] };
}

/** Help text as helper-text when the component has it and it fits; otherwise as a caption above. */
function helped(ctx: AskContext, question: FormQuestion, component: string): { helper?: string; before: Component[] } {
	const help = question.description?.trim();
	if (!help) return { before: [] };
	const max = ctx.limits.textLength[component]?.['helper-text']?.value;
	if (max !== undefined && help.length <= max) return { helper: help, before: [] };
	return { before: [{ type: 'TextCaption', text: shorten(help, textLimit(ctx, 'TextCaption', 'text')) }] };
}

function optionsFor(ctx: AskContext, question: FormQuestion, component: string, options: FormOption[], max: number): FieldMapOption[] {
	const titleMax = textLimit(ctx, component, 'data-source.title');
	if (options.length > max) {
		ctx.warnings.push(`"${shorten(question.label, 60)}": ${options.length} options, more than ${component} holds (${max}); only the first ${max} are offered: ${options.slice(max).map((o) => o.label).join(', ')} left out.`);
	}
	return options.slice(0, max).map((option, index) => {
		const full = option.label || option.value;
		if (full.length > titleMax) ctx.warnings.push(`"${shorten(question.label, 40)}": option "${shorten(full, 60)}" shortened to ${titleMax} characters.`);
		return { id: String(index), label: shorten(full, titleMax), value: option.value, ...(option.sourceId ? { sourceId: option.sourceId } : {}), ...(option.ref ? { ref: option.ref } : {}) };
	});
}

function entryOf(ctx: AskContext, question: FormQuestion, extra: Partial<FieldMapEntry>): FieldMapEntry {
	return { field: ctx.fieldName, screen: '', kind: question.kind, required: question.required, source: question.source, ...extra };
}

function askText(ctx: AskContext, q: Extract<FormQuestion, { kind: 'text' }>): AskedItem {
	const type = q.multiline ? 'TextArea' : 'TextInput';
	const { label, before } = labelled(ctx, q, type);
	const help = helped(ctx, q, type);
	const component: Component = { type, name: ctx.fieldName, label, required: q.required };
	if (q.multiline) {
		if (q.maxLength !== undefined) component['max-length'] = q.maxLength;
	} else {
		component['input-type'] = q.inputType === 'url' ? 'text' : q.inputType;
		if (q.minLength !== undefined) component['min-chars'] = q.minLength;
		if (q.maxLength !== undefined) component['max-chars'] = q.maxLength;
		const pattern = q.pattern ?? (q.inputType === 'url' ? URL_PATTERN : undefined);
		if (pattern !== undefined) {
			if (q.inputType === 'email' || q.inputType === 'phone') ctx.warnings.push(`"${shorten(q.label, 60)}": its pattern is not checked (Meta allows patterns only on text and number inputs).`);
			else {
				component.pattern = pattern;
				help.helper ??= q.inputType === 'url' ? 'A web address, e.g. https://example.com' : 'In the format the form asks for';
			}
		}
	}
	if (help.helper !== undefined) component['helper-text'] = help.helper;
	return { components: [...before, ...help.before, component], entry: entryOf(ctx, q, { inputType: q.inputType }), inputType: type };
}

function askChoice(ctx: AskContext, q: Extract<FormQuestion, { kind: 'choice' | 'yesNo' }>): AskedItem {
	const choices = q.kind === 'yesNo' ? [q.yes, q.no] : q.options;
	const multiple = q.kind === 'choice' && q.mode === 'multiple';
	const dropdown = q.kind === 'choice' && !multiple && (q.mode === 'dropdown' || choices.length > RADIO_MAX);
	const type = multiple ? 'CheckboxGroup' : dropdown ? 'Dropdown' : 'RadioButtonsGroup';
	if (choices.length === 0) {
		ctx.warnings.push(`"${shorten(q.label, 60)}" has no options and is not converted.`);
		return { components: [] };
	}
	const max = ctx.limits.items[type]?.['data-source']?.max.value ?? RADIO_MAX;
	const options = optionsFor(ctx, q, type, choices, max);
	const { label, before } = labelled(ctx, q, type);
	const help = helped(ctx, q, type);
	const component: Component = {
		type,
		name: ctx.fieldName,
		label,
		required: q.required,
		'data-source': options.map((o) => ({ id: o.id, title: o.label })),
	};
	if (multiple && q.kind === 'choice') {
		if (q.minSelected !== undefined) component['min-selected-items'] = Math.min(q.minSelected, options.length);
		if (q.maxSelected !== undefined) component['max-selected-items'] = Math.min(q.maxSelected, options.length);
	}
	return { components: [...before, ...help.before, component], entry: entryOf(ctx, q, { multiple, options }), inputType: type };
}

function askConsent(ctx: AskContext, q: Extract<FormQuestion, { kind: 'consent' }>): AskedItem {
	const { label, before } = labelled(ctx, q, 'OptIn');
	const help = q.description?.trim() ? [{ type: 'TextCaption', text: shorten(q.description, textLimit(ctx, 'TextCaption', 'text')) }] : [];
	return { components: [...before, ...help, { type: 'OptIn', name: ctx.fieldName, label, required: q.required }], entry: entryOf(ctx, q, {}), inputType: 'OptIn' };
}

function askDate(ctx: AskContext, q: Extract<FormQuestion, { kind: 'date' }>): AskedItem {
	const { label, before } = labelled(ctx, q, 'DatePicker');
	const help = helped(ctx, q, 'DatePicker');
	const component: Component = { type: 'DatePicker', name: ctx.fieldName, label, required: q.required };
	if (help.helper !== undefined) component['helper-text'] = help.helper;
	return { components: [...before, ...help.before, component], entry: entryOf(ctx, q, {}), inputType: 'DatePicker' };
}

function askFile(ctx: AskContext, q: Extract<FormQuestion, { kind: 'file' }>): AskedItem {
	const type = q.picker === 'photo' ? 'PhotoPicker' : 'DocumentPicker';
	const noun = q.picker === 'photo' ? 'photos' : 'documents';
	const { label, before } = labelled(ctx, q, type);
	const range = ctx.limits.integerRange[type];
	const maxFiles = Math.max(1, Math.min(q.maxFiles ?? 1, range?.[`max-uploaded-${noun}`]?.max.value ?? 30));
	const component: Component = { type, name: ctx.fieldName, label, [`min-uploaded-${noun}`]: q.required ? 1 : 0, [`max-uploaded-${noun}`]: maxFiles };
	if (q.maxSizeKb !== undefined) component['max-file-size-kb'] = Math.max(1, Math.min(q.maxSizeKb, range?.['max-file-size-kb']?.max.value ?? 25600));
	const description = q.description?.trim();
	if (description) component.description = shorten(description, textLimit(ctx, type, 'description'));
	return { components: [...before, component], entry: entryOf(ctx, q, {}), inputType: type };
}

function askStatement(ctx: AskContext, item: Extract<FormItem, { kind: 'statement' }>): AskedItem {
	const components: Component[] = [];
	const heading = item.heading?.trim();
	if (heading) {
		const max = textLimit(ctx, 'TextHeading', 'text');
		components.push(heading.length <= max ? { type: 'TextHeading', text: heading } : { type: 'TextBody', text: shorten(heading, textLimit(ctx, 'TextBody', 'text')), 'font-weight': 'bold' });
	}
	const body = item.body?.trim();
	if (body) {
		const max = textLimit(ctx, 'TextBody', 'text');
		if (body.length > max) ctx.warnings.push(`A text of ${body.length} characters is cut to ${max}, TextBody's limit.`);
		components.push({ type: 'TextBody', text: shorten(body, max) });
	}
	return { components };
}

export function ask(ctx: AskContext, item: FormItem): AskedItem {
	switch (item.kind) {
		case 'statement':
			return askStatement(ctx, item);
		case 'text':
			return askText(ctx, item);
		case 'choice':
		case 'yesNo':
			return askChoice(ctx, item);
		case 'consent':
			return askConsent(ctx, item);
		case 'date':
			return askDate(ctx, item);
		case 'file':
			return askFile(ctx, item);
	}
}
