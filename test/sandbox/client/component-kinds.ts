// Which components hold a user value, and of what kind
// (developers.facebook.com/docs/whatsapp/flows/reference/components; reference/media_upload for the pickers).

export type ValueKind = 'text' | 'single-choice' | 'multi-choice' | 'date' | 'calendar' | 'boolean' | 'media';

export const INPUT_KINDS: Record<string, ValueKind> = {
	TextInput: 'text',
	TextArea: 'text',
	Dropdown: 'single-choice',
	RadioButtonsGroup: 'single-choice',
	CheckboxGroup: 'multi-choice',
	ChipsSelector: 'multi-choice',
	DatePicker: 'date',
	CalendarPicker: 'calendar',
	OptIn: 'boolean',
	PhotoPicker: 'media',
	DocumentPicker: 'media',
};

export function valueKind(type: string): ValueKind | undefined {
	return INPUT_KINDS[type];
}

/** Components that only show text; their `text` is what a test reads. */
export const TEXT_TYPES = new Set(['TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'RichText']);
