// The component catalogue (flows/reference/components, flows/reference/media_upload): which version introduced
// each component, which properties it takes and needs, and which of them are newer than the component.
import { DOC } from './docs';

export type ActionName = 'navigate' | 'complete' | 'data_exchange' | 'update_data' | 'open_url';

export interface ComponentSpec {
	readonly since: string;
	readonly doc: string;
	/** Holds a user's answer under its `name` (what `${form.name}` reads). */
	readonly input: boolean;
	readonly required: readonly string[];
	/** Required only from this version on (CheckboxGroup / RadioButtonsGroup label: optional before 4.0). */
	readonly requiredSince?: Readonly<Record<string, string>>;
	readonly properties: readonly string[];
	/** Properties newer than the component itself. */
	readonly propertySince?: Readonly<Record<string, string>>;
	/** Actions each `on-…-action` property accepts, and from which version. */
	readonly actions?: Readonly<Record<string, Readonly<Partial<Record<ActionName, string>>>>>;
	/** Properties whose static value must be one of these. */
	readonly enums?: Readonly<Record<string, readonly string[]>>;
}

const TEXT = ['text', 'visible'];
const RICH_TEXT = [...TEXT, 'font-weight', 'strikethrough', 'markdown'];
const FONT_WEIGHT = { 'font-weight': ['bold', 'italic', 'bold_italic', 'normal'] };
const INPUT_EXTRAS = ['init-value', 'error-message'];
const SELECTOR = ['data-source', 'name', 'enabled', 'label', 'required', 'visible', 'on-select-action', 'on-unselect-action', 'description', 'media-size', ...INPUT_EXTRAS];
const SELECT_ACTIONS = { 'on-select-action': { data_exchange: '2.1', update_data: '6.0' }, 'on-unselect-action': { update_data: '6.0' } };
const LINK_ACTIONS = { data_exchange: '2.1', navigate: '2.1', open_url: '6.0' } as const;
const MEDIA_SIZE = { 'media-size': ['regular', 'large'] };

/** CheckboxGroup and RadioButtonsGroup: the same properties, label optional before 4.0. */
function choiceGroup(doc: string, extra: string[]): ComponentSpec {
	return {
		since: '2.1',
		doc,
		input: true,
		required: ['data-source', 'name'],
		requiredSince: { label: '4.0' },
		properties: [...SELECTOR, ...extra],
		propertySince: { description: '4.0', 'media-size': '5.0', 'on-unselect-action': '6.0', 'init-value': '4.0', 'error-message': '4.0' },
		actions: SELECT_ACTIONS,
		enums: MEDIA_SIZE,
	};
}

export const COMPONENTS: Readonly<Record<string, ComponentSpec>> = {
	TextHeading: { since: '2.1', doc: DOC.text, input: false, required: ['text'], properties: TEXT },
	TextSubheading: { since: '2.1', doc: DOC.text, input: false, required: ['text'], properties: TEXT },
	TextBody: { since: '2.1', doc: DOC.text, input: false, required: ['text'], properties: RICH_TEXT, propertySince: { markdown: '5.1' }, enums: FONT_WEIGHT },
	TextCaption: { since: '2.1', doc: DOC.text, input: false, required: ['text'], properties: RICH_TEXT, propertySince: { markdown: '5.1' }, enums: FONT_WEIGHT },
	RichText: { since: '5.1', doc: DOC.richText, input: false, required: ['text'], properties: TEXT },
	TextInput: {
		since: '2.1',
		doc: DOC.textEntry,
		input: true,
		required: ['label', 'name'],
		properties: ['label', 'label-variant', 'input-type', 'pattern', 'required', 'min-chars', 'max-chars', 'helper-text', 'name', 'visible', 'enabled', ...INPUT_EXTRAS],
		propertySince: { pattern: '6.2', 'label-variant': '7.0', 'init-value': '4.0', 'error-message': '4.0' },
		enums: { 'input-type': ['text', 'number', 'email', 'password', 'passcode', 'phone'], 'label-variant': ['large'] },
	},
	TextArea: {
		since: '2.1',
		doc: DOC.textEntry,
		input: true,
		required: ['label', 'name'],
		properties: ['label', 'label-variant', 'required', 'max-length', 'name', 'helper-text', 'enabled', 'visible', ...INPUT_EXTRAS],
		propertySince: { 'label-variant': '7.0', 'init-value': '4.0', 'error-message': '4.0' },
		enums: { 'label-variant': ['large'] },
	},
	CheckboxGroup: choiceGroup(DOC.checkbox, ['min-selected-items', 'max-selected-items']),
	RadioButtonsGroup: choiceGroup(DOC.radio, []),
	Dropdown: {
		since: '2.1',
		doc: DOC.dropdown,
		input: true,
		required: ['label', 'data-source', 'name'],
		properties: ['label', 'data-source', 'name', 'required', 'enabled', 'visible', 'on-select-action', 'on-unselect-action', ...INPUT_EXTRAS],
		propertySince: { 'on-unselect-action': '6.0' },
		actions: SELECT_ACTIONS,
	},
	ChipsSelector: {
		since: '6.3',
		doc: DOC.chipsSelector,
		input: true,
		required: ['data-source', 'name', 'label'],
		properties: ['data-source', 'name', 'min-selected-items', 'max-selected-items', 'enabled', 'label', 'required', 'visible', 'description', 'on-select-action', 'on-unselect-action', ...INPUT_EXTRAS],
		propertySince: { 'on-unselect-action': '7.1' },
		actions: { 'on-select-action': { data_exchange: '6.3', update_data: '7.1' }, 'on-unselect-action': { update_data: '7.1' } },
	},
	Footer: {
		since: '2.1',
		doc: DOC.footer,
		input: false,
		required: ['label', 'on-click-action'],
		properties: ['label', 'left-caption', 'center-caption', 'right-caption', 'enabled', 'on-click-action'],
		// flows/reference/error-codes INVALID_ENUM_VALUE: "Action complete can only be specified on Footer"; open_url
		// only on EmbeddedLink and OptIn (flowjson "open_url action").
		actions: { 'on-click-action': { navigate: '2.1', complete: '2.1', data_exchange: '2.1' } },
	},
	OptIn: {
		since: '2.1',
		doc: DOC.optIn,
		input: true,
		required: ['label', 'name'],
		properties: ['label', 'required', 'name', 'on-click-action', 'on-select-action', 'on-unselect-action', 'visible', 'enabled', 'init-value'],
		propertySince: { 'on-select-action': '6.0', 'on-unselect-action': '6.0', 'init-value': '4.0' },
		actions: { 'on-click-action': LINK_ACTIONS, 'on-select-action': { update_data: '6.0' }, 'on-unselect-action': { update_data: '6.0' } },
	},
	EmbeddedLink: {
		since: '2.1',
		doc: DOC.embeddedLink,
		input: false,
		required: ['text', 'on-click-action'],
		properties: ['text', 'on-click-action', 'visible'],
		actions: { 'on-click-action': LINK_ACTIONS },
	},
	DatePicker: {
		since: '2.1',
		doc: DOC.datePicker,
		input: true,
		required: ['label', 'name'],
		properties: ['label', 'min-date', 'max-date', 'name', 'unavailable-dates', 'visible', 'helper-text', 'enabled', 'required', 'on-select-action', ...INPUT_EXTRAS],
		propertySince: { 'init-value': '4.0', 'error-message': '4.0' },
		actions: { 'on-select-action': { data_exchange: '2.1' } },
	},
	CalendarPicker: {
		since: '6.1',
		doc: DOC.calendarPicker,
		input: true,
		required: ['name', 'label'],
		properties: ['name', 'title', 'description', 'label', 'helper-text', 'required', 'visible', 'enabled', 'mode', 'min-date', 'max-date', 'unavailable-dates', 'include-days', 'min-days', 'max-days', 'on-select-action', ...INPUT_EXTRAS],
		actions: { 'on-select-action': { data_exchange: '6.1' } },
		enums: { mode: ['single', 'range'] },
	},
	Image: {
		since: '2.1',
		doc: DOC.image,
		input: false,
		required: ['src'],
		properties: ['src', 'width', 'height', 'scale-type', 'aspect-ratio', 'alt-text', 'visible'],
		enums: { 'scale-type': ['cover', 'contain'] },
	},
	ImageCarousel: {
		since: '7.1',
		doc: DOC.imageCarousel,
		input: false,
		required: ['images'],
		properties: ['images', 'aspect-ratio', 'scale-type', 'visible'],
		enums: { 'aspect-ratio': ['4:3', '16:9'], 'scale-type': ['contain', 'cover'] },
	},
	If: { since: '4.0', doc: DOC.if, input: false, required: ['condition', 'then'], properties: ['condition', 'then', 'else'] },
	Switch: { since: '4.0', doc: DOC.switch, input: false, required: ['value', 'cases'], properties: ['value', 'cases'] },
	Form: { since: '2.1', doc: DOC.forms, input: false, required: ['name', 'children'], properties: ['name', 'children', 'init-values', 'error-messages'] },
	PhotoPicker: {
		since: '4.0',
		doc: DOC.mediaUpload,
		input: true,
		required: ['name', 'label'],
		properties: ['name', 'label', 'description', 'photo-source', 'max-file-size-kb', 'min-uploaded-photos', 'max-uploaded-photos', 'enabled', 'visible', 'error-message'],
		enums: { 'photo-source': ['camera_gallery', 'camera', 'gallery'] },
	},
	DocumentPicker: {
		since: '4.0',
		doc: DOC.mediaUpload,
		input: true,
		required: ['name', 'label'],
		properties: ['name', 'label', 'description', 'max-file-size-kb', 'min-uploaded-documents', 'max-uploaded-documents', 'allowed-mime-types', 'enabled', 'visible', 'error-message'],
	},
	NavigationList: {
		since: '6.2',
		doc: DOC.navigationList,
		input: false,
		required: ['name', 'list-items'],
		properties: ['name', 'list-items', 'label', 'description', 'media-size', 'on-click-action', 'visible'],
		actions: { 'on-click-action': { data_exchange: '6.2', navigate: '6.2' } },
		enums: MEDIA_SIZE,
	},
};

/** Components an If branch may hold (components "If" then / else); ChipsSelector from 7.1. */
export const IF_BRANCH_COMPONENTS = [
	'TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'CheckboxGroup', 'DatePicker', 'Dropdown', 'EmbeddedLink',
	'Footer', 'Image', 'OptIn', 'RadioButtonsGroup', 'Switch', 'TextArea', 'TextInput', 'If',
];
/** Components a Switch case may hold (components "Switch" cases); ChipsSelector from 7.1. */
export const SWITCH_CASE_COMPONENTS = IF_BRANCH_COMPONENTS.filter((type) => type !== 'Switch' && type !== 'If');
export const CHIPS_IN_BRANCHES_SINCE = '7.1';

/** components "DocumentPicker" allowed-mime-types. */
export const DOCUMENT_MIME_TYPES = [
	'application/gzip', 'application/msword', 'application/pdf', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint',
	'application/vnd.oasis.opendocument.presentation', 'application/vnd.oasis.opendocument.spreadsheet',
	'application/vnd.oasis.opendocument.text', 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/x-7z-compressed', 'application/zip',
	'image/avif', 'image/gif', 'image/heic', 'image/heif', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp', 'text/plain',
	'video/mp4', 'video/mpeg',
];
