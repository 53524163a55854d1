// A simple field list for forms kept anywhere else: {title?, fields: [{id | name, label, type, required?, options?,
// helperText?, minLength?, maxLength?, pattern?}]}; a field of type "page" starts a new screen.
import { numberOf, recordsOf, textOf, type JsonRecord } from '../../webhook-events/json';
import type { FormDefinition, FormOption, FormQuestion, FormSection, QuestionBase, TextInputType } from '../model';
import { yesNoQuestion } from './shared';

export const GENERIC_FIELD_TYPES = [
	'text', 'textarea', 'email', 'phone', 'number', 'url', 'radio', 'checkbox', 'dropdown', 'boolean', 'consent', 'date', 'file', 'photo', 'statement', 'page',
] as const;

function optionsOf(field: JsonRecord): FormOption[] {
	if (!Array.isArray(field.options)) return [];
	return field.options.map((option: unknown) => {
		if (typeof option === 'string' || typeof option === 'number') return { label: String(option), value: String(option) };
		const record = option as JsonRecord;
		const value = textOf(record.value) ?? textOf(record.label) ?? '';
		return { label: textOf(record.label) ?? value, value };
	});
}

const TEXT_TYPES: Record<string, TextInputType> = { text: 'text', textarea: 'text', email: 'email', phone: 'phone', number: 'number', url: 'url' };

function questionOf(type: string, field: JsonRecord, base: QuestionBase): FormQuestion | undefined {
	if (TEXT_TYPES[type] !== undefined) {
		return {
			...base,
			kind: 'text',
			inputType: TEXT_TYPES[type],
			multiline: type === 'textarea',
			minLength: numberOf(field.minLength),
			maxLength: numberOf(field.maxLength),
			pattern: textOf(field.pattern),
		};
	}
	switch (type) {
		case 'radio':
			return { ...base, kind: 'choice', mode: 'single', options: optionsOf(field) };
		case 'checkbox':
			return { ...base, kind: 'choice', mode: 'multiple', options: optionsOf(field) };
		case 'dropdown':
			return { ...base, kind: 'choice', mode: 'dropdown', options: optionsOf(field) };
		case 'boolean':
			return yesNoQuestion(base);
		case 'consent':
			return { ...base, kind: 'consent' };
		case 'date':
			return { ...base, kind: 'date' };
		case 'file':
		case 'photo':
			return { ...base, kind: 'file', picker: type === 'photo' ? 'photo' : 'document', maxFiles: numberOf(field.maxFiles) };
		default:
			return undefined;
	}
}

export function readGenericForm(form: JsonRecord): FormDefinition {
	const warnings: string[] = [];
	const sections: FormSection[] = [];
	let section: FormSection = { items: [] };
	recordsOf(form.fields).forEach((field, index) => {
		const type = textOf(field.type) ?? 'text';
		const label = textOf(field.label) ?? textOf(field.name) ?? `Question ${index + 1}`;
		if (type === 'page') {
			if (section.items.length > 0) sections.push(section);
			section = { title: label, items: [] };
			return;
		}
		if (type === 'statement') {
			section.items.push({ kind: 'statement', heading: textOf(field.label), body: textOf(field.text) ?? textOf(field.helperText) });
			return;
		}
		const id = textOf(field.id) ?? textOf(field.name) ?? `field_${index + 1}`;
		const base: QuestionBase = {
			source: { id, name: textOf(field.name) ?? id, type, title: label },
			label,
			required: field.required === true,
			description: textOf(field.helperText) ?? textOf(field.description),
		};
		const question = questionOf(type, field, base);
		if (question === undefined) warnings.push(`"${label}" (${type}) is not converted: known types are ${GENERIC_FIELD_TYPES.join(', ')}.`);
		else section.items.push(question);
	});
	if (section.items.length > 0) sections.push(section);
	return { source: 'generic', id: textOf(form.id) ?? '', title: textOf(form.title) ?? 'Form', sections, warnings };
}
