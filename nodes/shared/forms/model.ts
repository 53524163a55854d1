// The source-neutral form every reader (Typeform, Google Forms, HubSpot v3 / v2, a generic list) produces and the
// Flow builder consumes. Readers keep what they cannot express as warnings: nothing is dropped silently.

export type FormSource = 'typeform' | 'googleForms' | 'hubspotV3' | 'hubspotV2' | 'generic';

/** Where an answer goes back to in the source: its id, Typeform ref, HubSpot name / object type, column title. */
export interface SourceFieldRef {
	id: string;
	ref?: string;
	name?: string;
	objectTypeId?: string;
	/** The source's own type name (e.g. "short_text", "RADIO", "single_checkbox"). */
	type: string;
	/** The full question text (a sheet column). */
	title: string;
}

export interface FormOption {
	label: string;
	/** What the source stores for this option (HubSpot option value, Typeform label, Google option value). */
	value: string;
	/** Typeform choice id / ref, kept for Typeform-like answers. */
	sourceId?: string;
	ref?: string;
}

export type TextInputType = 'text' | 'email' | 'phone' | 'number' | 'url';

export interface QuestionBase {
	source: SourceFieldRef;
	label: string;
	required: boolean;
	description?: string;
	/** Asked only when `parent` (a choice / yes-no asked just before) has one of these option values (HubSpot dependent fields). */
	shownWhen?: { parent: FormQuestion; values: string[] };
}

export type FormQuestion =
	| (QuestionBase & { kind: 'text'; inputType: TextInputType; multiline: boolean; minLength?: number; maxLength?: number; pattern?: string })
	| (QuestionBase & { kind: 'choice'; mode: 'single' | 'multiple' | 'dropdown'; options: FormOption[]; minSelected?: number; maxSelected?: number })
	| (QuestionBase & { kind: 'yesNo'; yes: FormOption; no: FormOption })
	| (QuestionBase & { kind: 'consent' })
	| (QuestionBase & { kind: 'date' })
	| (QuestionBase & { kind: 'file'; picker: 'photo' | 'document'; maxFiles?: number; maxSizeKb?: number; mimeTypes?: string[] });

export type FormItem = { kind: 'statement'; heading?: string; body?: string } | FormQuestion;

/** A page of the source (Typeform group, Google section, HubSpot field group). */
export interface FormSection {
	title?: string;
	items: FormItem[];
}

/**
 * A jump the source makes on the answer to one choice / yes-no question (Typeform `logic` jumps, Google Forms
 * "go to section based on answer"). Routes are in the source's order: the first one whose option values hold the
 * answer wins; `always` catches every answer (and no answer).
 */
export interface FormRoute {
	when: { values: string[] } | 'always';
	to: FormItem | 'end';
	/** How the source names the jump, for warnings. */
	describe: string;
}

export interface FormRouting {
	question: FormQuestion;
	/** The item after which the source routes: the question (Typeform), the end of its section (Google Forms). */
	after: FormItem;
	routes: FormRoute[];
}

export interface FormDefinition {
	source: FormSource;
	id: string;
	title: string;
	description?: string;
	sections: FormSection[];
	routings?: FormRouting[];
	submitLabel?: string;
	warnings: string[];
}

export type { JsonRecord } from '../webhook-events/json';
