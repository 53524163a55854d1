// HubSpot forms, as `GET /marketing/v3/forms/{formId}` returns them
// (https://developers.hubspot.com/docs/reference/api/marketing/forms: fieldGroups[].fields[] with objectTypeId,
// name, label, fieldType, required, options; legalConsentOptions) and as the v2 forms API — which n8n's HubSpot
// node reads — returns them (https://legacydocs.hubspot.com/docs/methods/forms/v2/get_form:
// formFieldGroups[].fields[] with name, label, fieldType, type, required, options, richText groups).
import { isRecord, numberOf, recordsOf, textOf, type JsonRecord } from '../../webhook-events/json';
import type { FormDefinition, FormItem, FormOption, FormQuestion, FormSection, QuestionBase, SourceFieldRef } from '../model';
import { yesNoQuestion } from './shared';

function optionsOf(field: JsonRecord): FormOption[] {
	return recordsOf(field.options)
		.filter((option) => option.hidden !== true)
		.map((option) => ({ label: textOf(option.label) ?? textOf(option.value) ?? '', value: textOf(option.value) ?? '' }));
}

/** fieldType names of v3, with v2's spelled the same way where they mean the same. */
function questionOf(fieldType: string, field: JsonRecord, base: QuestionBase, warnings: string[]): FormQuestion | undefined {
	switch (fieldType) {
		case 'single_line_text':
		case 'text':
			if (base.source.name === 'email') return { ...base, kind: 'text', inputType: 'email', multiline: false };
			return { ...base, kind: 'text', inputType: 'text', multiline: false };
		case 'multi_line_text':
		case 'textarea':
			return { ...base, kind: 'text', inputType: 'text', multiline: true };
		case 'email':
			return { ...base, kind: 'text', inputType: 'email', multiline: false };
		case 'phone':
		case 'mobile_phone':
		case 'phonenumber':
			return { ...base, kind: 'text', inputType: 'phone', multiline: false };
		case 'number':
			return { ...base, kind: 'text', inputType: 'number', multiline: false };
		case 'single_checkbox':
		case 'booleancheckbox':
			return yesNoQuestion(base);
		case 'multiple_checkboxes':
		case 'checkbox':
			return { ...base, kind: 'choice', mode: 'multiple', options: optionsOf(field) };
		case 'radio':
			return { ...base, kind: 'choice', mode: 'single', options: optionsOf(field) };
		case 'dropdown':
		case 'select':
			return { ...base, kind: 'choice', mode: 'dropdown', options: optionsOf(field) };
		case 'datepicker':
		case 'date':
			return { ...base, kind: 'date' };
		case 'file':
			warnings.push(`"${base.source.title}": files picked in WhatsApp come back as Cloud API media ids; HubSpot's submission API takes no files.`);
			return { ...base, kind: 'file', picker: 'document', maxFiles: 1 };
		default:
			return undefined;
	}
}

function fieldItem(field: JsonRecord, version: 'v3' | 'v2', warnings: string[]): FormItem | undefined {
	const name = textOf(field.name) ?? '';
	const title = textOf(field.label) || name;
	const fieldType = textOf(field.fieldType) ?? 'unknown';
	if (field.hidden === true) {
		warnings.push(`"${title}" is a hidden field: it is not asked; set it when you submit.`);
		return undefined;
	}
	const source: SourceFieldRef = { id: name, name, objectTypeId: textOf(field.objectTypeId) ?? '0-1', type: fieldType, title };
	const base: QuestionBase = { source, label: title, required: field.required === true, description: textOf(field.description) || undefined };
	const question = questionOf(fieldType, field, base, warnings);
	const validation = isRecord(field.validation) ? field.validation : {};
	const blocked = [...(Array.isArray(validation.blockedEmailDomains) ? validation.blockedEmailDomains : []), ...(Array.isArray(validation.blockedEmailAddresses) ? validation.blockedEmailAddresses : [])];
	if (question !== undefined && (blocked.length > 0 || validation.useDefaultBlockList === true)) {
		warnings.push(`"${title}": HubSpot's blocked email domains are not checked in the Flow; HubSpot checks them on submission.`);
	}
	if (question === undefined) {
		const why = fieldType === 'payment_link_radio' ? 'payments cannot be taken in a Flow' : `HubSpot ${version} field type "${fieldType}" has no Flow equivalent`;
		warnings.push(`"${title}" (${fieldType}) is not converted: ${why}.`);
	}
	return question;
}

function consentItems(consent: JsonRecord, warnings: string[]): FormItem[] {
	const type = textOf(consent.type) ?? 'none';
	if (type === 'none' || type === 'legitimate_interest') {
		if (type === 'legitimate_interest') warnings.push('Legitimate-interest privacy text is shown, not asked.');
		const privacy = textOf(consent.privacyText);
		return privacy === undefined ? [] : [{ kind: 'statement', body: stripHtml(privacy) }];
	}
	const items: FormItem[] = [];
	const intro = textOf(consent.communicationConsentText);
	if (intro !== undefined) items.push({ kind: 'statement', body: stripHtml(intro) });
	for (const box of recordsOf(consent.communicationsCheckboxes)) {
		const label = stripHtml(textOf(box.label) ?? 'I agree to receive communications');
		const id = String(numberOf(box.subscriptionTypeId) ?? textOf(box.subscriptionTypeId) ?? label);
		items.push({ kind: 'consent', label, required: box.required === true, source: { id: `communication:${id}`, type: 'communicationsCheckbox', title: label } });
	}
	if (type === 'explicit_consent_to_process') {
		const label = stripHtml(textOf(consent.consentToProcessCheckboxLabel) ?? 'I agree to allow this company to store and process my personal data.');
		items.push({ kind: 'consent', label, required: true, source: { id: 'consentToProcess', type: 'consentToProcess', title: label } });
	}
	return items;
}

function stripHtml(text: string): string {
	return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

function groupSection(group: JsonRecord, fields: JsonRecord[], version: 'v3' | 'v2', warnings: string[]): FormSection {
	const items: FormItem[] = [];
	const rich = textOf(group.richText) ?? (isRecord(group.richText) ? textOf(group.richText.content) : undefined);
	if (rich !== undefined && stripHtml(rich) !== '') items.push({ kind: 'statement', body: stripHtml(rich) });
	for (const field of fields) {
		const item = fieldItem(field, version, warnings);
		if (item !== undefined) items.push(item);
		items.push(...dependentItems(field, item, version, warnings));
	}
	return { items };
}

/** Operators that keep a dependent field to some of its parent's options (v3 dependentCondition, v2 filters). */
const SHOWN_IF_ANY = new Set(['EQ', 'IN', 'SET_ANY', 'SET_EQ', 'IS_ANY_OF']);
const SHOWN_IF_NONE = new Set(['NEQ', 'NOT_IN', 'SET_NOT_ANY', 'IS_NONE_OF']);

/** The parent's option values the dependent field is shown for, or why that cannot be said in a Flow condition. */
function shownFor(parent: FormItem | undefined, condition: JsonRecord | undefined): string[] | string {
	const options = parent?.kind === 'yesNo' ? [parent.yes, parent.no] : parent?.kind === 'choice' && parent.mode !== 'multiple' ? parent.options : undefined;
	if (options === undefined) return 'a Flow condition can test only a single choice or yes / no answer';
	const operator = textOf(condition?.operator) ?? '?';
	const raw = Array.isArray(condition?.values) ? condition.values : Array.isArray(condition?.strValues) ? condition.strValues : [condition?.strValue ?? condition?.value];
	const values = raw.map((v) => String(v));
	const named = options.filter((o) => values.includes(o.value));
	if (named.length === 0) return `its condition (${operator}) names no option of the parent`;
	if (SHOWN_IF_ANY.has(operator)) return named.map((o) => o.value);
	if (SHOWN_IF_NONE.has(operator)) return options.filter((o) => !named.includes(o)).map((o) => o.value);
	return `its condition "${operator}" has no Flow equivalent`;
}

/**
 * Fields HubSpot shows only after a given answer (v3 dependentFields[{dependentCondition, dependentField}], v2
 * dependentFieldFilters[{filters, dependentFormField}]): right after their parent, shown by an If on the parent's
 * answer (build-flow) when the condition picks options of a single choice / yes-no parent; otherwise always, optional.
 */
function dependentItems(field: JsonRecord, parentItem: FormItem | undefined, version: 'v3' | 'v2', warnings: string[]): FormItem[] {
	const dependents = [
		...recordsOf(field.dependentFields).map((d) => ({ field: d.dependentField, condition: d.dependentCondition })),
		...recordsOf(field.dependentFieldFilters).map((d) => ({ field: d.dependentFormField, condition: recordsOf(d.filters)[0] })),
	].filter((d): d is { field: JsonRecord; condition: unknown } => isRecord(d.field));
	if (dependents.length === 0) return [];
	const parent = textOf(field.label) || textOf(field.name) || '?';
	const items: FormItem[] = [];
	for (const dependent of dependents) {
		const shown = shownFor(parentItem, isRecord(dependent.condition) ? dependent.condition : undefined);
		const item = fieldItem(typeof shown === 'string' ? { ...dependent.field, required: false } : dependent.field, version, warnings);
		if (item === undefined) continue;
		if (typeof shown === 'string' || item.kind === 'statement') {
			warnings.push(`"${textOf(dependent.field.label) || textOf(dependent.field.name)}" depends on the answer to "${parent}": ${typeof shown === 'string' ? shown : 'it is not a question'}, so it is asked always, as optional.`);
			items.push(item);
		} else if (parentItem !== undefined && parentItem.kind !== 'statement') {
			items.push({ ...item, shownWhen: { parent: parentItem, values: shown } });
		}
	}
	return items;
}

/** All field groups on one page (HubSpot forms are single-page); the builder splits them by Meta's limits. */
function definitionOf(form: JsonRecord, version: 'v3' | 'v2', groups: JsonRecord[]): FormDefinition {
	const warnings: string[] = [];
	const items: FormItem[] = [];
	for (const group of groups) items.push(...groupSection(group, recordsOf(group.fields), version, warnings).items);
	if (isRecord(form.legalConsentOptions)) items.push(...consentItems(form.legalConsentOptions, warnings));
	const display = isRecord(form.displayOptions) ? form.displayOptions : {};
	return {
		source: version === 'v3' ? 'hubspotV3' : 'hubspotV2',
		id: textOf(form.id) ?? textOf(form.guid) ?? '',
		title: textOf(form.name) ?? 'Form',
		sections: [{ items }],
		submitLabel: textOf(display.submitButtonText) ?? textOf(form.submitText),
		warnings,
	};
}

export function readHubSpotV3(form: JsonRecord): FormDefinition {
	return definitionOf(form, 'v3', recordsOf(form.fieldGroups));
}

/** v2 keeps the consent options as a JSON string in metaData[{name: "legalConsentOptions", value}]. */
function v2Consent(form: JsonRecord): JsonRecord | undefined {
	const entry = recordsOf(form.metaData).find((meta) => meta.name === 'legalConsentOptions');
	const text = entry === undefined ? undefined : textOf(entry.value);
	if (text === undefined) return undefined;
	try {
		const parsed: unknown = JSON.parse(text);
		return isRecord(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

export function readHubSpotV2(form: JsonRecord): FormDefinition {
	const consent = v2Consent(form);
	const groups = Array.isArray(form.formFieldGroups) ? recordsOf(form.formFieldGroups) : [{ fields: recordsOf(form.fields) }];
	return definitionOf(consent === undefined ? form : { ...form, legalConsentOptions: consent }, 'v2', groups);
}
