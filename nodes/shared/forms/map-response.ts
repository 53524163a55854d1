// A completed flow's response_json + the field map → the answers in the source's own shape: option ids back to the
// source's values, dates as YYYY-MM-DD, numbers as numbers where the source stores them so.
import { isRecord, recordsOf, textOf, type JsonRecord } from '../webhook-events/json';
import type { FieldMap, FieldMapEntry, FieldMapOption } from './field-map';

export type ResponseTarget = 'hubspot' | 'hubspotNode' | 'sheetRow' | 'typeform' | 'googleForms';

export interface MappedAnswer {
	field: string;
	sourceId: string;
	title: string;
	/** The answer in neutral form: text, number, boolean, option values, or picked files. */
	value: string | number | boolean | string[] | PickedFile[];
	/** Option labels, for choices. */
	labels?: string[];
}

export interface PickedFile {
	id: string;
	fileName?: string;
	mimeType?: string;
}

export interface MappedResponse {
	target: ResponseTarget;
	body: JsonRecord;
	answers: MappedAnswer[];
	/** Required fields with no answer, and answers the map does not know. */
	warnings: string[];
	flowToken?: string;
}

/** What a HubSpot form expects for each target when none is chosen. */
export function defaultTarget(map: FieldMap): ResponseTarget {
	if (map.source === 'hubspotV3' || map.source === 'hubspotV2') return 'hubspot';
	if (map.source === 'typeform') return 'typeform';
	return 'sheetRow';
}

/** DatePicker answers "YYYY-MM-DD" from Flow JSON 5.0; older versions send a timestamp in ms (components#dp). */
function isoDay(value: unknown): string | undefined {
	const text = textOf(value);
	if (text === undefined) return undefined;
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
	if (/^\d{9,}$/.test(text)) return new Date(Number(text)).toISOString().slice(0, 10);
	return text;
}

function optionsFor(entry: FieldMapEntry, raw: unknown, warnings: string[]): FieldMapOption[] {
	// A question on a screen the user's path skipped comes back empty (build-flow carries "" / [] forward).
	const ids = (Array.isArray(raw) ? raw.map(String) : [String(raw)]).filter((id) => id !== '');
	const picked: FieldMapOption[] = [];
	for (const id of ids) {
		const option = entry.options?.find((o) => o.id === id);
		if (option === undefined) warnings.push(`"${entry.source.title}": option id "${id}" is not in the field map.`);
		else picked.push(option);
	}
	return picked;
}

function answerOf(entry: FieldMapEntry, raw: unknown, warnings: string[]): MappedAnswer | undefined {
	const base = { field: entry.field, sourceId: entry.source.id, title: entry.source.title };
	switch (entry.kind) {
		case 'choice':
		case 'yesNo': {
			const picked = optionsFor(entry, raw, warnings);
			if (picked.length === 0) return undefined;
			const labels = picked.map((o) => o.label);
			if (entry.kind === 'yesNo') return { ...base, value: picked[0].value === 'true', labels };
			return { ...base, value: entry.multiple ? picked.map((o) => o.value) : picked[0].value, labels };
		}
		case 'consent':
			return { ...base, value: raw === true || raw === 'true' };
		case 'date': {
			const day = isoDay(raw);
			return day === undefined ? undefined : { ...base, value: day };
		}
		case 'file': {
			const files = recordsOf(raw).map((file) => ({ id: String(file.id ?? ''), fileName: textOf(file.file_name), mimeType: textOf(file.mime_type) }));
			return files.length === 0 ? undefined : { ...base, value: files };
		}
		default: {
			const text = textOf(raw);
			if (text === undefined || text === '') return undefined;
			const number = Number(text);
			return { ...base, value: entry.inputType === 'number' && text.trim() !== '' && Number.isFinite(number) ? number : text };
		}
	}
}

/** One cell / form value as text: lists joined (HubSpot checkboxes use ";", sheets ", "). */
function asText(answer: MappedAnswer, separator: string): string {
	const value = answer.value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : item.id)).join(separator);
	return String(value);
}

function hubspotBody(map: FieldMap, answers: MappedAnswer[]): JsonRecord {
	// Forms submission API v3 (https://legacydocs.hubspot.com/docs/methods/forms/submit_form): fields[{objectTypeId,
	// name, value}], multiple checkboxes as "a;b", dates YYYY-MM-DD; consent under legalConsentOptions.consent.
	const fields: JsonRecord[] = [];
	const communications: JsonRecord[] = [];
	let consentToProcess: boolean | undefined;
	let consentText: string | undefined;
	for (const answer of answers) {
		const entry = map.fields.find((e) => e.field === answer.field);
		if (entry === undefined) continue;
		if (entry.source.type === 'consentToProcess') {
			consentToProcess = answer.value === true;
			consentText = entry.source.title;
		} else if (entry.source.type === 'communicationsCheckbox') {
			const id = entry.source.id.replace(/^communication:/, '');
			communications.push({ value: answer.value === true, subscriptionTypeId: Number.isFinite(Number(id)) ? Number(id) : id, text: entry.source.title });
		} else if (entry.kind !== 'file') {
			fields.push({ objectTypeId: entry.source.objectTypeId ?? '0-1', name: entry.source.name ?? entry.source.id, value: asText(answer, ';') });
		}
	}
	const body: JsonRecord = { fields };
	if (consentToProcess !== undefined || communications.length > 0) {
		body.legalConsentOptions = { consent: { consentToProcess: consentToProcess ?? false, text: consentText ?? '', communications } };
	}
	return body;
}

/** n8n's HubSpot node (Form → Submit) sends each key of its input item as {name, value}: a flat object by name. */
function hubspotNodeItem(map: FieldMap, answers: MappedAnswer[]): JsonRecord {
	const fields = hubspotBody(map, answers).fields as Array<{ name: string; value: string }>;
	return Object.fromEntries(fields.map((field) => [field.name, field.value]));
}

function sheetRow(map: FieldMap, answers: MappedAnswer[]): JsonRecord {
	const row: JsonRecord = {};
	const titles = new Map<string, number>();
	for (const entry of map.fields) titles.set(entry.source.title, (titles.get(entry.source.title) ?? 0) + 1);
	for (const entry of map.fields) {
		const column = (titles.get(entry.source.title) ?? 0) > 1 ? `${entry.source.title} (${entry.source.id})` : entry.source.title;
		const answer = answers.find((a) => a.field === entry.field);
		if (answer === undefined) row[column] = '';
		else if (typeof answer.value === 'boolean') row[column] = answer.labels?.[0] ?? (answer.value ? 'Yes' : 'No');
		else row[column] = asText(answer, ', ');
	}
	return row;
}

const TYPEFORM_ANSWER: Record<string, string> = { email: 'email', phone_number: 'phone_number', number: 'number', website: 'url', date: 'date', legal: 'boolean', yes_no: 'boolean', file_upload: 'file_url' };

function typeformBody(map: FieldMap, answers: MappedAnswer[]): JsonRecord {
	// Responses API answers[] (https://www.typeform.com/developers/responses/reference/retrieve-responses/):
	// {field:{id, ref, type}, type, <type>: value}; choice {label}, choices {labels}.
	return {
		answers: answers.map((answer) => {
			const entry = map.fields.find((e) => e.field === answer.field) as FieldMapEntry;
			const field = { id: entry.source.id, ...(entry.source.ref ? { ref: entry.source.ref } : {}), type: entry.source.type };
			if (entry.kind === 'choice') {
				if (entry.multiple) return { field, type: 'choices', choices: { labels: answer.value } };
				if (entry.source.type === 'opinion_scale' || entry.source.type === 'nps' || entry.source.type === 'rating') return { field, type: 'number', number: Number(answer.value) };
				return { field, type: 'choice', choice: { label: answer.value } };
			}
			if (entry.kind === 'file') return { field, type: 'file_url', file_url: (answer.value as PickedFile[]).map((f) => f.id).join(',') };
			const type = TYPEFORM_ANSWER[entry.source.type] ?? 'text';
			return { field, type, [type]: answer.value };
		}),
	};
}

function googleFormsBody(map: FieldMap, answers: MappedAnswer[]): JsonRecord {
	// forms.responses Answer (https://developers.google.com/forms/api/reference/rest/v1/forms.responses):
	// answers keyed by questionId, each {questionId, textAnswers: {answers: [{value}]}}.
	const out: JsonRecord = {};
	for (const answer of answers) {
		const values = Array.isArray(answer.value) ? answer.value.map((v) => (typeof v === 'string' ? v : v.id)) : [typeof answer.value === 'boolean' ? (answer.labels?.[0] ?? String(answer.value)) : String(answer.value)];
		out[answer.sourceId] = { questionId: answer.sourceId, textAnswers: { answers: values.map((value) => ({ value })) } };
	}
	return { formId: map.formId, answers: out };
}

export function mapFlowResponse(response: unknown, map: FieldMap, target: ResponseTarget = defaultTarget(map)): MappedResponse {
	if (!isRecord(response)) throw new Error('Flow response: expected the response_json object of a completed flow.');
	if (!isRecord(map) || !Array.isArray(map.fields)) throw new Error('Field map: expected the fieldMap output of "Convert Form to Flow".');
	const warnings: string[] = [];
	const answers: MappedAnswer[] = [];
	for (const entry of map.fields) {
		const answer = entry.field in response ? answerOf(entry, response[entry.field], warnings) : undefined;
		if (answer !== undefined) answers.push(answer);
		else if (entry.required && entry.skippable !== true) warnings.push(`"${entry.source.title}" is required but has no answer.`);
	}
	const known = new Set(['flow_token', ...map.fields.map((e) => e.field)]);
	for (const key of Object.keys(response)) if (!known.has(key)) warnings.push(`"${key}" in the response is not in the field map.`);
	const bodies: Record<ResponseTarget, () => JsonRecord> = {
		hubspot: () => hubspotBody(map, answers),
		hubspotNode: () => hubspotNodeItem(map, answers),
		sheetRow: () => sheetRow(map, answers),
		typeform: () => typeformBody(map, answers),
		googleForms: () => googleFormsBody(map, answers),
	};
	const flowToken = textOf(response.flow_token);
	return { target, body: bodies[target](), answers, warnings, ...(flowToken !== undefined ? { flowToken } : {}) };
}
