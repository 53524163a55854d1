// Typeform `GET /forms/{form_id}` (Create API, https://www.typeform.com/developers/create/reference/retrieve-form/):
// fields[] of {id, ref, title, type, properties, validations}, groups nesting fields in properties.fields, and
// logic[] of jumps. Field types: https://www.typeform.com/developers/create/reference/create-form/ (fields.type).
import { isRecord, numberOf, recordsOf, textOf, type JsonRecord } from '../../webhook-events/json';
import type { FormDefinition, FormItem, FormOption, FormQuestion, FormSection, SourceFieldRef } from '../model';
import { scaleOptions, yesNoQuestion } from './shared';
import { typeformRoutings } from './typeform-logic';

const UNSUPPORTED: Record<string, string> = {
	matrix: 'a matrix (grid) has no Flow component',
	ranking: 'ranking has no Flow component',
	payment: 'payments cannot be taken in a Flow',
	calendly: 'Calendly scheduling cannot run in a Flow',
	multi_format: 'recorded video / audio answers cannot be given in a Flow',
};

function choicesOf(properties: JsonRecord): FormOption[] {
	return recordsOf(properties.choices).map((choice) => {
		const label = textOf(choice.label) ?? '';
		return { label, value: label, sourceId: textOf(choice.id), ref: textOf(choice.ref) };
	});
}


function questionOf(field: JsonRecord, source: SourceFieldRef, warnings: string[]): FormQuestion | undefined {
	const properties = isRecord(field.properties) ? field.properties : {};
	const validations = isRecord(field.validations) ? field.validations : {};
	const base = { source, label: source.title, required: validations.required === true, description: textOf(properties.description) };
	const maxLength = numberOf(validations.max_length);
	switch (source.type) {
		case 'short_text':
			return { ...base, kind: 'text', inputType: 'text', multiline: false, maxLength };
		case 'long_text':
			return { ...base, kind: 'text', inputType: 'text', multiline: true, maxLength };
		case 'email':
			return { ...base, kind: 'text', inputType: 'email', multiline: false };
		case 'phone_number':
			return { ...base, kind: 'text', inputType: 'phone', multiline: false };
		case 'number':
			if (validations.min_value !== undefined || validations.max_value !== undefined) {
				warnings.push(`"${source.title}": the range ${textOf(validations.min_value) ?? '…'}–${textOf(validations.max_value) ?? '…'} is not checked in the Flow (a number input has no range); check it when mapping back.`);
			}
			return { ...base, kind: 'text', inputType: 'number', multiline: false };
		case 'website':
			return { ...base, kind: 'text', inputType: 'url', multiline: false };
		case 'multiple_choice':
		case 'picture_choice': {
			if (source.type === 'picture_choice') warnings.push(`"${source.title}": the pictures of the choices are not shown; their labels are.`);
			if (properties.allow_other_choice === true) warnings.push(`"${source.title}": the "Other" free-text choice is not offered in the Flow.`);
			const multiple = properties.allow_multiple_selection === true;
			return { ...base, kind: 'choice', mode: multiple ? 'multiple' : 'single', options: choicesOf(properties) };
		}
		case 'dropdown':
			return { ...base, kind: 'choice', mode: 'dropdown', options: choicesOf(properties) };
		case 'yes_no':
			return yesNoQuestion(base);
		case 'legal':
			return { ...base, kind: 'consent' };
		case 'date':
			return { ...base, kind: 'date' };
		case 'file_upload':
			return { ...base, kind: 'file', picker: 'document', maxFiles: 1 };
		case 'opinion_scale':
		case 'nps': {
			const steps = numberOf(properties.steps) ?? 11;
			const from = properties.start_at_one === true ? 1 : 0;
			return { ...base, kind: 'choice', mode: 'single', options: scaleOptions(from, from + steps - 1) };
		}
		case 'rating':
			return { ...base, kind: 'choice', mode: 'single', options: scaleOptions(1, numberOf(properties.steps) ?? 5) };
		default:
			return undefined;
	}
}

interface ReadContext {
	sections: FormSection[];
	warnings: string[];
	/** Each field ref → the first item it produced (logic jumps target refs). */
	refs: Map<string, FormItem>;
}

function itemsOf(fields: JsonRecord[], ctx: ReadContext, current: FormSection): FormSection {
	let section = current;
	for (const field of fields) {
		const start = { section, count: section.items.length };
		section = fieldItems(field, ctx, section);
		const ref = textOf(field.ref);
		// A group sets its own ref (its page starts a new section); anything else starts where it was put.
		const first = start.section === section ? section.items[start.count] : undefined;
		if (ref !== undefined && first !== undefined) ctx.refs.set(ref, first);
	}
	return section;
}

function fieldItems(field: JsonRecord, ctx: ReadContext, current: FormSection): FormSection {
	const { sections, warnings } = ctx;
	const section = current;
	const type = textOf(field.type) ?? 'unknown';
	const title = textOf(field.title) ?? '';
	const properties = isRecord(field.properties) ? field.properties : {};
	if (type === 'group') {
		// A question group is its own page: its statement text first, then its fields.
		if (section.items.length > 0) sections.push(section);
		const page: FormSection = { title, items: [] };
		const body = textOf(properties.description);
		if (body !== undefined) page.items.push({ kind: 'statement', body });
		const group = itemsOf(recordsOf(properties.fields), ctx, page);
		sections.push(group);
		const ref = textOf(field.ref);
		if (ref !== undefined && page.items[0] !== undefined) ctx.refs.set(ref, page.items[0]);
		return { items: [] };
	}
	if (type === 'statement') {
		section.items.push({ kind: 'statement', heading: title || undefined, body: textOf(properties.description) });
		return section;
	}
	if (type === 'inline_group' || type === 'contact_info' || type === 'address') {
		// Sub-questions answered together: each becomes its own question in place.
		const inner = recordsOf(properties.fields);
		if (inner.length === 0) warnings.push(`"${title}" (${type}) has no sub-fields in the definition and is skipped.`);
		return itemsOf(inner, ctx, section);
	}
	const source: SourceFieldRef = { id: textOf(field.id) ?? textOf(field.ref) ?? title, ref: textOf(field.ref), type, title };
	const question = UNSUPPORTED[type] === undefined ? questionOf(field, source, warnings) : undefined;
	if (question === undefined) {
		warnings.push(`"${title}" (${type}) is not converted: ${UNSUPPORTED[type] ?? 'this field type has no Flow equivalent'}.`);
		return section;
	}
	section.items.push(question as FormItem);
	return section;
}

export function readTypeform(form: JsonRecord): FormDefinition {
	const warnings: string[] = [];
	const sections: FormSection[] = [];
	const welcome = recordsOf(form.welcome_screens)[0];
	const first: FormSection = { items: [] };
	if (welcome !== undefined) {
		const properties = isRecord(welcome.properties) ? welcome.properties : {};
		first.items.push({ kind: 'statement', heading: textOf(welcome.title), body: textOf(properties.description) });
	}
	const refs = new Map<string, FormItem>();
	const last = itemsOf(recordsOf(form.fields), { sections, warnings, refs }, first);
	if (last.items.length > 0) sections.push(last);
	const routings = typeformRoutings(form.logic, refs, warnings);
	if (Array.isArray(form.hidden) && form.hidden.length > 0) {
		warnings.push('Hidden fields are not asked; pass them in the flow token or the sheet instead.');
	}
	return { source: 'typeform', id: textOf(form.id) ?? '', title: textOf(form.title) ?? 'Form', sections, routings, warnings };
}
