// The limits table: for each publishable Flow JSON version, every numeric limit Meta documents, with the page
// it comes from. Most limits are the same in every publishable version; the ones that changed say so.
import { DOC } from './docs';
import { atLeast, PUBLISHABLE_FLOW_JSON_VERSIONS, type PublishableFlowJsonVersion } from './versions';

export interface Limit {
	readonly value: number;
	readonly doc: string;
}

export interface RangeLimit {
	readonly min: Limit;
	readonly max: Limit;
}

export type CountLimitName =
	| 'screensPerFlow'
	| 'componentsPerScreen'
	| 'routingBranchesPerScreen'
	| 'ifNesting'
	| 'flowJsonBytes'
	| 'imageCarouselsPerFlow';

export interface FlowJsonLimits {
	readonly version: PublishableFlowJsonVersion;
	readonly counts: Readonly<Record<CountLimitName, Limit>>;
	/** Most components of one type on a screen (counted along one rendering path through If / Switch branches). */
	readonly perScreen: Readonly<Record<string, Limit>>;
	/** Maximum characters, by component type, then property ("data-source.title" for an option's title). */
	readonly textLength: Readonly<Record<string, Readonly<Record<string, Limit>>>>;
	/** How many items a list property may hold, by component type, then property. */
	readonly items: Readonly<Record<string, Readonly<Record<string, RangeLimit>>>>;
	/** Integer properties with an allowed range, by component type, then property. */
	readonly integerRange: Readonly<Record<string, Readonly<Record<string, RangeLimit>>>>;
	/** Decoded size of a base64 image, in KiB, by component type, then property. */
	readonly imageKb: Readonly<Record<string, Readonly<Record<string, Limit & { readonly hard: boolean }>>>>;
	/** Dropdown options when any option has an image (200 without). */
	readonly dropdownOptionsWithImages: Limit;
}

const at = (value: number, doc: string): Limit => ({ value, doc });
const range = (min: number, max: number, doc: string): RangeLimit => ({ min: at(min, doc), max: at(max, doc) });

function selectorText(label: number, doc: string): Record<string, Limit> {
	return {
		label: at(label, doc),
		'data-source.title': at(30, doc),
		'data-source.description': at(300, doc),
		'data-source.metadata': at(20, doc),
	};
}

function buildLimits(version: PublishableFlowJsonVersion): FlowJsonLimits {
	// components "CheckboxGroup" / "RadioButtonsGroup" / "Dropdown": option images "Flow JSON versions before 6.0:
	// 300KB, Flow JSON versions after 6.0: 100KB".
	const optionImageKb = atLeast(version, '6.0') ? 100 : 300;
	const optionImage = (doc: string) => ({ 'data-source.image': { ...at(optionImageKb, doc), hard: true } });
	const picker = (min: string, max: string) => ({
		'max-file-size-kb': range(1, 25600, DOC.mediaUpload),
		[min]: range(0, 30, DOC.mediaUpload),
		[max]: range(1, 30, DOC.mediaUpload),
	});
	return {
		version,
		counts: {
			screensPerFlow: at(100, DOC.errors), // MAX_SCREENS_NUMBER
			componentsPerScreen: at(50, DOC.components),
			routingBranchesPerScreen: at(10, DOC.routingModel),
			ifNesting: at(3, DOC.if),
			flowJsonBytes: at(10 * 1024 * 1024, DOC.limitations),
			imageCarouselsPerFlow: at(3, DOC.imageCarousel),
		},
		perScreen: {
			Footer: at(1, DOC.footer),
			EmbeddedLink: at(2, DOC.embeddedLink),
			Image: at(3, DOC.image),
			OptIn: at(5, DOC.optIn),
			PhotoPicker: at(1, DOC.mediaUpload),
			DocumentPicker: at(1, DOC.mediaUpload),
			NavigationList: at(2, DOC.navigationList),
			ImageCarousel: at(2, DOC.imageCarousel),
		},
		textLength: {
			TextHeading: { text: at(80, DOC.text) },
			TextSubheading: { text: at(80, DOC.text) },
			TextBody: { text: at(4096, DOC.text) },
			TextCaption: { text: at(409, DOC.text) },
			TextInput: { label: at(20, DOC.textEntry), 'helper-text': at(80, DOC.textEntry), 'error-message': at(30, DOC.textEntry) },
			TextArea: { label: at(20, DOC.textEntry), 'helper-text': at(80, DOC.textEntry) },
			CheckboxGroup: selectorText(30, DOC.checkbox),
			RadioButtonsGroup: selectorText(30, DOC.radio),
			Dropdown: selectorText(20, DOC.dropdown),
			ChipsSelector: { label: at(80, DOC.chipsSelector), description: at(300, DOC.chipsSelector) },
			Footer: {
				label: at(35, DOC.footer),
				'left-caption': at(15, DOC.footer),
				'center-caption': at(15, DOC.footer),
				'right-caption': at(15, DOC.footer),
			},
			OptIn: { label: at(120, DOC.optIn) },
			EmbeddedLink: { text: at(25, DOC.embeddedLink) },
			DatePicker: { label: at(40, DOC.datePicker), 'helper-text': at(80, DOC.datePicker), 'error-message': at(80, DOC.datePicker) },
			CalendarPicker: {
				title: at(80, DOC.calendarPicker),
				description: at(300, DOC.calendarPicker),
				label: at(40, DOC.calendarPicker),
				'helper-text': at(80, DOC.calendarPicker),
				'error-message': at(80, DOC.calendarPicker),
			},
			PhotoPicker: { label: at(80, DOC.mediaUpload), description: at(300, DOC.mediaUpload) },
			DocumentPicker: { label: at(80, DOC.mediaUpload), description: at(300, DOC.mediaUpload) },
			NavigationList: {
				label: at(80, DOC.navigationList),
				description: at(300, DOC.navigationList),
				'list-items.main-content.title': at(30, DOC.navigationList),
				'list-items.main-content.description': at(20, DOC.navigationList),
				'list-items.main-content.metadata': at(80, DOC.navigationList),
				'list-items.end.title': at(10, DOC.navigationList),
				'list-items.end.description': at(10, DOC.navigationList),
				'list-items.end.metadata': at(10, DOC.navigationList),
				'list-items.badge': at(15, DOC.navigationList),
				'list-items.tags': at(15, DOC.navigationList),
			},
		},
		items: {
			CheckboxGroup: { 'data-source': range(1, 20, DOC.checkbox) },
			RadioButtonsGroup: { 'data-source': range(1, 20, DOC.radio) },
			Dropdown: { 'data-source': range(1, 200, DOC.dropdown) },
			ChipsSelector: { 'data-source': range(2, 20, DOC.chipsSelector) },
			NavigationList: { 'list-items': range(1, 20, DOC.navigationList), 'list-items.tags': range(0, 3, DOC.navigationList) },
			ImageCarousel: { images: range(1, 3, DOC.imageCarousel) },
		},
		integerRange: {
			PhotoPicker: picker('min-uploaded-photos', 'max-uploaded-photos'),
			DocumentPicker: picker('min-uploaded-documents', 'max-uploaded-documents'),
		},
		imageKb: {
			CheckboxGroup: optionImage(DOC.checkbox),
			RadioButtonsGroup: optionImage(DOC.radio),
			Dropdown: optionImage(DOC.dropdown),
			// Recommendations, not refusals: "Recommended image size up to 300kb"; list images over 100KB are replaced
			// by a placeholder.
			Image: { src: { ...at(300, DOC.image), hard: false } },
			NavigationList: { 'list-items.start.image': { ...at(100, DOC.navigationList), hard: false } },
		},
		dropdownOptionsWithImages: at(100, DOC.dropdown),
	};
}

/** One limits table per publishable version. */
export const FLOW_JSON_LIMITS: Readonly<Record<PublishableFlowJsonVersion, FlowJsonLimits>> = Object.fromEntries(
	PUBLISHABLE_FLOW_JSON_VERSIONS.map((v) => [v, buildLimits(v)]),
) as Record<PublishableFlowJsonVersion, FlowJsonLimits>;
