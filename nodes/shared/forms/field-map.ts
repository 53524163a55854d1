// The field map a conversion outputs and "Map Flow Response" reads: which flow field answers which source field,
// and which option id stands for which source value. Plain JSON, so it can travel between workflow nodes.
import type { FormSource, SourceFieldRef } from './model';

export interface FieldMapOption {
	/** The data-source id the Flow sends back. */
	id: string;
	label: string;
	value: string;
	sourceId?: string;
	ref?: string;
}

export type FieldKind = 'text' | 'choice' | 'yesNo' | 'consent' | 'date' | 'file';

export interface FieldMapEntry {
	/** The component's `name`: the key of its answer in response_json. */
	field: string;
	screen: string;
	kind: FieldKind;
	inputType?: string;
	multiple?: boolean;
	options?: FieldMapOption[];
	required: boolean;
	/** On a screen a logic jump can skip: no answer is then expected. */
	skippable?: boolean;
	source: SourceFieldRef;
}

export interface FieldMap {
	source: FormSource;
	formId: string;
	formTitle: string;
	fields: FieldMapEntry[];
}
