// Convert a form definition, as its source's API returns it, into Flow JSON that passes our validator, with the
// field map that brings answers back and every warning about what could not be carried over.
import { RECOMMENDED_FLOW_JSON_VERSION, isPublishableVersion, validateFlowJson, type FlowJsonReport } from '../flow-json';
import { isRecord, recordsOf } from '../webhook-events/json';
import { buildFlow } from './build-flow';
import type { FieldMap } from './field-map';
import type { FormDefinition, FormSource, JsonRecord } from './model';
import { readGenericForm } from './sources/generic';
import { readGoogleForm } from './sources/google-forms';
import { readHubSpotV2, readHubSpotV3 } from './sources/hubspot';
import { readTypeform } from './sources/typeform';

export const FORM_SOURCES: readonly FormSource[] = ['typeform', 'googleForms', 'hubspotV3', 'hubspotV2', 'generic'];

export interface ConvertOptions {
	source?: FormSource | 'auto';
	/** Flow JSON version; 4.0+ is needed to read earlier screens' answers. Default: Meta's recommended one. */
	version?: string;
	questionsPerScreen?: number;
	continueLabel?: string;
	submitLabel?: string;
}

export interface ConvertedForm {
	flowJson: Record<string, unknown>;
	fieldMap: FieldMap;
	warnings: string[];
	validation: FlowJsonReport;
	form: { source: FormSource; id: string; title: string; questions: number; screens: number };
}

/** Which API a definition came from, by the keys only that API uses. */
export function detectFormSource(input: JsonRecord): FormSource {
	if (Array.isArray(input.formFieldGroups)) return 'hubspotV2';
	if (Array.isArray(input.fieldGroups)) return 'hubspotV3';
	if (typeof input.formId === 'string' || (isRecord(input.info) && Array.isArray(input.items))) return 'googleForms';
	const fields = recordsOf(input.fields);
	// n8n's HubSpot node (Form → Get Fields) outputs v2 fields one per item: {fields: $input.all().map(i => i.json)}.
	if (fields.length > 0 && fields.every((field) => typeof field.fieldType === 'string' && typeof field.name === 'string')) return 'hubspotV2';
	if (fields.length > 0 && fields.some((field) => typeof field.ref === 'string' || isRecord(field.properties) || isRecord(field.validations))) return 'typeform';
	if (Array.isArray(input.fields)) return 'generic';
	throw new Error('Form definition: not a Typeform form, Google Form, HubSpot form (v3 or v2) or a generic {fields: [...]} list.');
}

const READERS: Record<FormSource, (form: JsonRecord) => FormDefinition> = {
	typeform: readTypeform,
	googleForms: readGoogleForm,
	hubspotV3: readHubSpotV3,
	hubspotV2: readHubSpotV2,
	generic: readGenericForm,
};

/** A form definition as one of the readers understands it (the item's JSON, or a `form` / `body` inside it). */
export function readFormDefinition(input: unknown, source: FormSource | 'auto' = 'auto'): FormDefinition {
	if (!isRecord(input)) throw new Error('Form definition: expected a JSON object.');
	const chosen = source === 'auto' ? detectFormSource(input) : source;
	return READERS[chosen](input);
}

export function convertFormToFlow(input: unknown, options: ConvertOptions = {}): ConvertedForm {
	const version = options.version ?? RECOMMENDED_FLOW_JSON_VERSION;
	if (!isPublishableVersion(version)) throw new Error(`Flow JSON version "${version}": choose a version Meta publishes (5.1, 6.0–6.3, 7.0–7.3).`);
	const form = readFormDefinition(input, options.source);
	const warnings = [...form.warnings];
	const built = buildFlow(
		form,
		{ version, questionsPerScreen: options.questionsPerScreen ?? 8, continueLabel: options.continueLabel ?? 'Continue', submitLabel: options.submitLabel },
		warnings,
	);
	const validation = validateFlowJson(built.flowJson);
	const screens = (built.flowJson.screens as unknown[]).length;
	return {
		...built,
		warnings,
		validation,
		form: { source: form.source, id: form.id, title: form.title, questions: built.fieldMap.fields.length, screens },
	};
}
