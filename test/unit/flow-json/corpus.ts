// The corpus of broken Flow JSON: each variant breaks one rule of a valid flow and names the rule and the JSON
// pointer the validator must report it at. Every rule the validator knows appears at least once.
import type { FlowJsonRule, FlowJsonValidationOptions } from '../../../nodes/shared/flow-json';
import {
	base64OfKb, complete, endpointFlow, footer, formFlow, get, insert, letterId, minimalFlow, navigate, options, remove, screen, set, terminal, text,
	type Doc,
} from './flows';

export interface CorpusVariant {
	name: string;
	rule: FlowJsonRule;
	pointer: string;
	severity: 'error' | 'warning';
	/** A document (serialised with 2-space indent) or raw text. */
	source: () => Doc | string;
	options?: FlowJsonValidationOptions;
}

type Base = () => Doc;
const W = '/screens/0/layout/children';
const D = '/screens/1/layout/children';
const C = '/screens/2/layout/children';

const variants: CorpusVariant[] = [];
function add(name: string, rule: FlowJsonRule, pointer: string, base: Base, edit: (doc: Doc) => void, extra: Partial<CorpusVariant> = {}): void {
	variants.push({
		name,
		rule,
		pointer,
		severity: 'error',
		source: () => {
			const doc = base();
			edit(doc);
			return doc;
		},
		...extra,
	});
}
const warn = { severity: 'warning' as const };
const json = (textOf: () => string) => ({ source: textOf });

// JSON and the top level
add('a trailing comma', 'json.syntax', '', minimalFlow, () => undefined, json(() => '{\n  "version": "7.3",\n  "screens": [,]\n}'));
add('a property given twice', 'json.duplicate-key', '/version', minimalFlow, () => undefined, {
	...warn,
	...json(() => JSON.stringify(minimalFlow(), null, 2).replace('"version": "7.3",', '"version": "7.3",\n  "version": "7.3",')),
});
add('an array instead of an object', 'root.type', '', minimalFlow, () => undefined, json(() => '[]'));
add('no version', 'version.missing', '', minimalFlow, (d) => remove(d, '/version'));
add('a numeric version', 'version.type', '/version', minimalFlow, (d) => set(d, '/version', 7.3));
add('a version that never existed', 'version.unknown', '/version', minimalFlow, (d) => set(d, '/version', '2024.0'));
add('a version that can only be sent', 'version.not-publishable', '/version', minimalFlow, (d) => set(d, '/version', '4.0'), warn);
add('checked against another version', 'version.target', '/version', minimalFlow, () => undefined, { ...warn, options: { targetVersion: '6.0' } });
add('an unknown target version', 'version.target-unknown', '/version', minimalFlow, () => undefined, { ...warn, options: { targetVersion: '9.9' } });
add('an unknown top-level property', 'flow.unknown-property', '/myNewProp', minimalFlow, (d) => set(d, '/myNewProp', 'hello'));
add('an unknown data_api_version', 'data-api-version.invalid', '/data_api_version', endpointFlow, (d) => set(d, '/data_api_version', '2.0'));
add('data_channel_uri after 3.0', 'flow.data-channel-uri', '/data_channel_uri', minimalFlow, (d) => set(d, '/data_channel_uri', 'https://example.com'));
add('more than 10 MB', 'flow.too-large', '', minimalFlow, (d) =>
	set(d, '/screens/0/data', { blob: { type: 'string', __example__: 'x'.repeat(10 * 1024 * 1024) } }),
);
add('no screens', 'screens.missing', '', minimalFlow, (d) => remove(d, '/screens'));
add('screens as an object', 'screens.type', '/screens', minimalFlow, (d) => set(d, '/screens', {}));
add('an empty screens array', 'screens.empty', '/screens', minimalFlow, (d) => set(d, '/screens', []));
add('101 screens', 'screens.too-many', '/screens', minimalFlow, (d) =>
	set(d, '/screens', Array.from({ length: 101 }, (_, k) => (k === 100 ? terminal(letterId(k)) : screen(letterId(k), [footer(navigate(letterId(k + 1)))], { data: {} })))),
);

// Screens and layouts
add('a screen that is a string', 'screen.type', '/screens/1', minimalFlow, (d) => insert(d, '/screens/1', 'SECOND'));
add('an unknown screen property', 'screen.unknown-property', '/screens/0/colour', minimalFlow, (d) => set(d, '/screens/0/colour', 'red'));
add('terminal as a string', 'screen.property-type', '/screens/2/terminal', formFlow, (d) => set(d, '/screens/2/terminal', 'true'));
add('sensitive before 5.1', 'screen.property-unavailable', '/screens/0/sensitive', minimalFlow, (d) => {
	set(d, '/version', '5.0');
	set(d, '/screens/0/sensitive', []);
});
add('a screen without id', 'screen.id-missing', '/screens/0', minimalFlow, (d) => remove(d, '/screens/0/id'));
add('the reserved id SUCCESS', 'screen.id-reserved', '/screens/0/id', minimalFlow, (d) => set(d, '/screens/0/id', 'SUCCESS'));
add('a screen id with a digit', 'screen.id-pattern', '/screens/0/id', minimalFlow, (d) => set(d, '/screens/0/id', 'END1'));
add('a screen id with a hyphen', 'screen.id-pattern', '/screens/0/id', minimalFlow, (d) => set(d, '/screens/0/id', 'THE-END'));
add('two screens with one id', 'screen.id-duplicate', '/screens/1/id', formFlow, (d) => set(d, '/screens/1/id', 'WELCOME'));
add('a screen without layout', 'layout.missing', '/screens/0', minimalFlow, (d) => remove(d, '/screens/0/layout'));
add('an unknown layout property', 'layout.unknown-property', '/screens/0/layout/columns', minimalFlow, (d) => set(d, '/screens/0/layout/columns', 2));
add('a layout that is not SingleColumnLayout', 'layout.type', '/screens/0/layout/type', minimalFlow, (d) => set(d, '/screens/0/layout/type', 'TwoColumnLayout'));
add('a layout without children', 'layout.children', '/screens/0/layout/children', minimalFlow, (d) => remove(d, '/screens/0/layout/children'));
add('success on a screen that is not terminal', 'screen.success-not-terminal', '/screens/0/success', formFlow, (d) => set(d, '/screens/0/success', true));
add('refresh_on_back without an endpoint', 'screen.refresh-on-back', '/screens/1/refresh_on_back', formFlow, (d) => set(d, '/screens/1/refresh_on_back', true));
add('sensitive names a field that is not there', 'screen.sensitive-unknown', '/screens/0/sensitive/0', formFlow, (d) => set(d, '/screens/0/sensitive', ['password']), warn);
add('no terminal screen', 'flow.no-terminal-screen', '/screens', minimalFlow, (d) => {
	set(d, '/screens/0/terminal', false);
	set(d, `${W}/0/on-click-action`, { name: 'open_url', url: 'https://example.com' });
});
add('every terminal screen unsuccessful', 'flow.no-successful-terminal', '/screens/2/success', formFlow, (d) => set(d, '/screens/2/success', false));

// Components: type, version, properties
add('a component that is a string', 'component.not-object', `${W}/0`, minimalFlow, (d) => insert(d, `${W}/0`, 'Hello'));
add('a string among the children of an If', 'component.not-object', `${D}/3/else/1`, formFlow, (d) => insert(d, `${D}/3/else/1`, 'oops'));
add('a component without type', 'component.type-missing', `${W}/0`, formFlow, (d) => remove(d, `${W}/0/type`));
add('an unknown component type', 'component.type-unknown', `${W}/0/type`, formFlow, (d) => set(d, `${W}/0/type`, 'Heading'));
add('ChipsSelector before 6.3', 'component.unavailable', `${W}/5/type`, formFlow, (d) => set(d, '/version', '6.2'));
add('ImageCarousel before 7.1', 'component.unavailable', `${W}/0/type`, minimalFlow, (d) => {
	set(d, '/version', '7.0');
	insert(d, `${W}/0`, { type: 'ImageCarousel', images: [{ src: 'AAAA', 'alt-text': 'a' }] });
});
add('a Footer without label', 'component.property-missing', `${W}/8`, formFlow, (d) => remove(d, `${W}/8/label`));
add('a RadioButtonsGroup without label from 4.0', 'component.property-missing', `${W}/4`, formFlow, (d) => remove(d, `${W}/4/label`));
add('a property Meta does not list', 'component.unknown-property', `${W}/1/placeholder`, formFlow, (d) => set(d, `${W}/1/placeholder`, 'Ana'), warn);
add('label-variant before 7.0', 'component.property-unavailable', `${W}/1/label-variant`, formFlow, (d) => {
	set(d, '/version', '6.3');
	set(d, `${W}/1/label-variant`, 'large');
});
add('an unknown input-type', 'component.enum', `${W}/1/input-type`, formFlow, (d) => set(d, `${W}/1/input-type`, 'url'));
add('an unknown MIME type', 'component.enum', `${D}/2/allowed-mime-types/0`, formFlow, (d) =>
	set(d, `${D}/2`, { type: 'DocumentPicker', name: 'photo', label: 'Contract', 'max-uploaded-documents': 1, 'allowed-mime-types': ['application/x-msdownload'] }),
);
add('If branches that are not arrays', 'component.property-type', `${D}/3/then`, formFlow, (d) => set(d, `${D}/3/then`, text('x')));
add('required as a string', 'component.property-type', `${W}/1/required`, formFlow, (d) => set(d, `${W}/1/required`, 'yes'));

// The limits table
add('a TextInput label over 20 characters', 'text.too-long', `${W}/1/label`, formFlow, (d) => set(d, `${W}/1/label`, 'Your full legal first name'));
add('a TextHeading over 80 characters', 'text.too-long', `${W}/0/text`, formFlow, (d) => set(d, `${W}/0/text`, 'H'.repeat(81)));
add('a TextCaption over 409 characters', 'text.too-long', `${W}/0/text`, formFlow, (d) => set(d, `${W}/0`, text('c'.repeat(410), 'TextCaption')));
add('a Footer label over 35 characters', 'text.too-long', `${W}/8/label`, formFlow, (d) => set(d, `${W}/8/label`, 'Continue to the next step of this form'));
add('a Dropdown option title over 30 characters', 'text.too-long', `${W}/2/data-source/0/title`, formFlow, (d) => set(d, `${W}/2/data-source/0/title`, 'A very small size for the youngest'));
add('an OptIn label over 120 characters', 'text.too-long', `${W}/6/label`, formFlow, (d) => set(d, `${W}/6/label`, 'I agree '.repeat(16)));
add('an EmbeddedLink over 25 characters', 'text.too-long', `${W}/7/text`, formFlow, (d) => set(d, `${W}/7/text`, 'Read the terms and conditions'));
add('a PhotoPicker description over 300 characters', 'text.too-long', `${D}/2/description`, formFlow, (d) => set(d, `${D}/2/description`, 'd'.repeat(301)));
add('a blank heading', 'text.blank', `${W}/0/text`, formFlow, (d) => set(d, `${W}/0/text`, '   '));
add('a ChipsSelector with one option', 'items.too-few', `${W}/5/data-source`, formFlow, (d) => set(d, `${W}/5/data-source`, options(1)));
add('a RadioButtonsGroup with 21 options', 'items.too-many', `${W}/4/data-source`, formFlow, (d) => set(d, `${W}/4/data-source`, options(21)));
add('a Dropdown with images and 101 options', 'items.too-many', `${W}/2/data-source`, formFlow, (d) =>
	set(d, `${W}/2/data-source`, options(101).map((o) => ({ ...o, image: 'AAAA' }))),
);
add('a PhotoPicker file size over 25600 KiB', 'value.out-of-range', `${D}/2/max-file-size-kb`, formFlow, (d) => set(d, `${D}/2/max-file-size-kb`, 30000));
add('a negative min-uploaded-photos', 'value.out-of-range', `${D}/2/min-uploaded-photos`, formFlow, (d) => set(d, `${D}/2/min-uploaded-photos`, -1));
add('min-uploaded-photos above max', 'value.min-greater-than-max', `${D}/2/min-uploaded-photos`, formFlow, (d) => set(d, `${D}/2/min-uploaded-photos`, 2));
add('min-selected-items above max', 'value.min-greater-than-max', `${W}/3/min-selected-items`, formFlow, (d) => {
	set(d, `${W}/3/min-selected-items`, 2);
	set(d, `${W}/3/max-selected-items`, 1);
});
add('a 150 KB option image in 7.3', 'image.too-large', `${W}/2/data-source/0/image`, formFlow, (d) => set(d, `${W}/2/data-source/0/image`, base64OfKb(150)));
add('a 400 KB Image', 'image.too-large', `${W}/0/src`, formFlow, (d) => set(d, `${W}/0`, { type: 'Image', src: base64OfKb(400) }), warn);

// Component rules
add('center-caption with left-caption', 'footer.captions', `${W}/8/center-caption`, formFlow, (d) => {
	set(d, `${W}/8/center-caption`, 'Step 1');
	set(d, `${W}/8/left-caption`, 'Back');
});
add('left-caption without right-caption', 'footer.captions', `${W}/8/left-caption`, formFlow, (d) => set(d, `${W}/8/left-caption`, 'Step 1'));
add('a pattern without helper-text', 'text-input.pattern', `${W}/1/pattern`, formFlow, (d) => set(d, `${W}/1/pattern`, '^[A-Z]'));
add('two inputs named first_name', 'component.name-duplicate', `${W}/2/name`, formFlow, (d) => set(d, `${W}/2/name`, 'first_name'));
add('an input outside a Form before 4.0', 'form.required', `${W}/0`, minimalFlow, (d) => {
	set(d, '/version', '3.1');
	insert(d, `${W}/0`, { type: 'TextInput', name: 'a', label: 'A' });
});
add('an input outside the Form of its screen', 'form.components-outside', `${W}/1`, minimalFlow, (d) => {
	insert(d, `${W}/0`, { type: 'Form', name: 'f', children: [{ type: 'TextInput', name: 'a', label: 'A' }] });
	insert(d, `${W}/1`, { type: 'TextInput', name: 'b', label: 'B' });
});
add('a PhotoPicker in Form init-values', 'picker.init-values', `${W}/0/init-values/photo`, minimalFlow, (d) =>
	insert(d, `${W}/0`, { type: 'Form', name: 'f', 'init-values': { photo: 'x' }, children: [{ type: 'PhotoPicker', name: 'photo', label: 'Photo' }] }),
);
add('an If on a literal', 'if.condition', `${D}/3/condition`, formFlow, (d) => set(d, `${D}/3/condition`, 'true'));
add('an If with an empty then', 'if.then-empty', `${D}/3/then`, formFlow, (d) => set(d, `${D}/3/then`, []));
add('four nested If components', 'if.nesting', `${D}/3/then/0/then/0/then/0`, formFlow, (d) => {
	const nest = (inner: unknown): Doc => ({ type: 'If', condition: "${form.day} != ''", then: [inner] });
	set(d, `${D}/3/then`, [nest(nest(nest(text('deep'))))]);
});
add('a Footer in a nested If', 'if.footer-nested', `${D}/3/then/0`, formFlow, (d) => {
	remove(d, `${D}/4`);
	const inner = { type: 'If', condition: "${form.day} != ''", then: [footer(navigate('CONFIRM'))], else: [footer(navigate('CONFIRM'))] };
	set(d, `${D}/3/then`, [inner]);
	set(d, `${D}/3/else`, [footer(navigate('CONFIRM'))]);
});
add('a Footer in then without else', 'if.footer-branches', `${D}/3`, formFlow, (d) => {
	remove(d, `${D}/4`);
	set(d, `${D}/3/then`, [footer(navigate('CONFIRM'))]);
	remove(d, `${D}/3/else`);
});
add('a Footer in then only', 'if.footer-branches', `${D}/3/else`, formFlow, (d) => {
	remove(d, `${D}/4`);
	set(d, `${D}/3/then`, [footer(navigate('CONFIRM'))]);
});
add('a Switch without cases', 'switch.cases-empty', `${D}/3/cases`, formFlow, (d) => set(d, `${D}/3`, { type: 'Switch', value: '${form.day}', cases: {} }));
add('a Footer in one Switch case only', 'switch.footer-branches', `${D}/3/cases/b`, formFlow, (d) => {
	remove(d, `${D}/4`);
	set(d, `${D}/3`, { type: 'Switch', value: '${form.day}', cases: { a: [footer(navigate('CONFIRM'))], b: [text('b')] } });
});
add('a PhotoPicker inside an If', 'branch.component-not-allowed', `${D}/3/then/0/type`, formFlow, (d) =>
	set(d, `${D}/3/then`, [{ type: 'PhotoPicker', name: 'photo_two', label: 'Photo', 'max-uploaded-photos': 1 }]),
);
add('a ChipsSelector in a Switch before 7.1', 'branch.component-not-allowed', `${D}/3/cases/a/0/type`, formFlow, (d) => {
	set(d, '/version', '7.0');
	set(d, `${D}/3`, { type: 'Switch', value: '${form.day}', cases: { a: [{ type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': options(2) }] } });
});
const navList = (extra: Doc = {}): Doc => ({
	type: 'NavigationList',
	name: 'menu',
	'list-items': [
		{ id: 'one', 'main-content': { title: 'One' } },
		{ id: 'two', 'main-content': { title: 'Two' } },
	],
	'on-click-action': navigate('CONFIRM'),
	...extra,
});
const navListFlow = (list: Doc): Doc => ({ version: '7.3', screens: [screen('MENU', [list]), terminal('CONFIRM')] });
add('a NavigationList on a terminal screen', 'navigation-list.terminal', `${W}/0`, minimalFlow, (d) => insert(d, `${W}/0`, navList()));
add('a NavigationList beside a TextBody', 'navigation-list.alone', `${W}/0`, () => navListFlow(navList()), (d) => insert(d, `${W}/0`, text('Pick one')));
add('two badges in one NavigationList', 'navigation-list.badges', `${W}/0/list-items/1/badge`, () => navListFlow(navList()), (d) => {
	set(d, `${W}/0/list-items/0/badge`, 'New');
	set(d, `${W}/0/list-items/1/badge`, 'Hot');
});
add('on-click-action on the list and on an item', 'navigation-list.action', `${W}/0/on-click-action`, () => navListFlow(navList()), (d) =>
	set(d, `${W}/0/list-items/0/on-click-action`, navigate('CONFIRM')),
);
add('a NavigationList item without main-content', 'navigation-list.item', `${W}/0/list-items/0`, () => navListFlow(navList()), (d) => remove(d, `${W}/0/list-items/0/main-content`));
add('RichText with a Footer before 6.3', 'rich-text.alone', `${W}/1`, minimalFlow, (d) => {
	set(d, '/version', '6.2');
	insert(d, `${W}/0`, { type: 'RichText', text: ['# Terms', 'Be nice.'] });
});

// How many per screen
add('51 components on a screen', 'screen.too-many-components', W, minimalFlow, (d) => {
	for (let k = 0; k < 50; k += 1) insert(d, `${W}/0`, text(`line ${k}`));
});
add('two Footers', 'footer.count', `${W}/9`, formFlow, (d) => insert(d, `${W}/9`, footer(navigate('DETAILS'))));
add('a Footer beside one inside If branches', 'footer.count', `${D}/4`, formFlow, (d) => {
	set(d, `${D}/3/then`, [footer(navigate('CONFIRM'))]);
	set(d, `${D}/3/else`, [footer(navigate('CONFIRM'))]);
});
add('two PhotoPickers', 'picker.count', `${D}/3`, formFlow, (d) => insert(d, `${D}/3`, { type: 'PhotoPicker', name: 'photo_two', label: 'Second photo' }));
add('a PhotoPicker and a DocumentPicker', 'picker.count', `${D}/3`, formFlow, (d) => insert(d, `${D}/3`, { type: 'DocumentPicker', name: 'doc', label: 'Contract' }));
add('three EmbeddedLinks', 'screen.component-count', `${W}/9`, formFlow, (d) => {
	insert(d, `${W}/8`, { type: 'EmbeddedLink', text: 'Privacy', 'on-click-action': { name: 'open_url', url: 'https://example.com/p' } });
	insert(d, `${W}/9`, { type: 'EmbeddedLink', text: 'Help', 'on-click-action': { name: 'open_url', url: 'https://example.com/h' } });
});
add('four Images', 'screen.component-count', `${W}/3`, minimalFlow, (d) => {
	for (let k = 0; k < 4; k += 1) insert(d, `${W}/0`, { type: 'Image', src: 'AAAA' });
});
add('a terminal screen without Footer', 'terminal.footer-missing', '/screens/0/terminal', minimalFlow, (d) => set(d, `${W}/0`, text('Bye')));
add('four ImageCarousels in one flow', 'flow.image-carousel-count', `${C}/1`, formFlow, (d) => {
	const carousel = { type: 'ImageCarousel', images: [{ src: 'AAAA', 'alt-text': 'a' }] };
	insert(d, `${C}/0`, carousel);
	insert(d, `${C}/0`, carousel);
	insert(d, `${W}/0`, carousel);
	insert(d, `${W}/0`, carousel);
});

// Actions
add('an unknown action', 'action.name', `${W}/8/on-click-action/name`, formFlow, (d) => set(d, `${W}/8/on-click-action/name`, 'go'));
add('open_url before 6.0', 'action.unavailable', `${W}/6/on-click-action/name`, formFlow, (d) => {
	set(d, '/version', '5.1');
	remove(d, `${W}/5`); // ChipsSelector needs 6.3
});
add('update_data on a ChipsSelector before 7.1', 'action.unavailable', `${W}/5/on-select-action/name`, formFlow, (d) => {
	set(d, '/version', '7.0');
	set(d, `${W}/5/on-select-action`, { name: 'update_data', payload: { greeting: 'Hi' } });
});
add('complete on an EmbeddedLink', 'action.not-allowed', `${W}/7/on-click-action/name`, formFlow, (d) => set(d, `${W}/7/on-click-action`, complete()));
add('data_exchange on an unselect action', 'action.not-allowed', `${W}/6/on-unselect-action/name`, formFlow, (d) => set(d, `${W}/6/on-unselect-action`, { name: 'data_exchange', payload: {} }));
add('a payload that is an array', 'action.payload-type', `${C}/1/on-click-action/payload`, formFlow, (d) => set(d, `${C}/1/on-click-action/payload`, []));
add('complete on a screen that is not terminal', 'action.complete-not-terminal', `${W}/8/on-click-action/name`, formFlow, (d) => set(d, `${W}/8/on-click-action`, complete()));
add('navigate without next', 'action.navigate-next', `${W}/8/on-click-action`, formFlow, (d) => remove(d, `${W}/8/on-click-action/next`));
add('navigate to its own screen', 'action.navigate-self', `${W}/8/on-click-action/next/name`, formFlow, (d) => set(d, `${W}/8/on-click-action/next/name`, 'WELCOME'));
add('navigate to a screen that does not exist', 'action.navigate-unknown-screen', `${W}/8/on-click-action/next/name`, formFlow, (d) => set(d, `${W}/8/on-click-action/next/name`, 'NOWHERE'));
add('navigate on the Footer of a terminal screen', 'action.navigate-on-terminal', `${C}/1/on-click-action`, formFlow, (d) => set(d, `${C}/1/on-click-action`, navigate('DETAILS')), warn);
add('data_exchange without data_api_version', 'action.data-exchange-without-endpoint', `${D}/4/on-click-action/name`, formFlow, (d) => set(d, `${D}/4/on-click-action`, { name: 'data_exchange', payload: {} }));
add('open_url without url', 'action.open-url', `${W}/7/on-click-action`, formFlow, (d) => remove(d, `${W}/7/on-click-action/url`));
add('update_data of a field not in the data model', 'action.update-data-unknown', `${W}/6/on-select-action/payload/missing`, formFlow, (d) =>
	set(d, `${W}/6/on-select-action`, { name: 'update_data', payload: { missing: true } }),
);
add('a PhotoPicker in a navigate payload', 'picker.in-navigate', `${D}/4/on-click-action/payload/photo`, formFlow, (d) => set(d, `${D}/4/on-click-action/payload/photo`, '${form.photo}'));
add('a PhotoPicker nested in a complete payload', 'picker.payload-top-level', `${C}/1/on-click-action/payload/media/photo`, formFlow, (d) => {
	remove(d, `${C}/1/on-click-action/payload/photo`);
	set(d, `${C}/1/on-click-action/payload/media`, { photo: '${screen.DETAILS.form.photo}' });
});
add('a PhotoPicker and a DocumentPicker in one complete payload', 'picker.complete-both', `${C}/1/on-click-action/payload`, formFlow, (d) => {
	insert(d, `${W}/8`, { type: 'DocumentPicker', name: 'doc', label: 'Contract', 'max-uploaded-documents': 1 });
	set(d, `${C}/1/on-click-action/payload/doc`, '${screen.WELCOME.form.doc}');
});
add('a 20-photo PhotoPicker in a complete payload', 'picker.complete-max', `${C}/1/on-click-action/payload/photo`, formFlow, (d) => set(d, `${D}/2/max-uploaded-photos`, 20));
add('a 5-photo PhotoPicker in a complete payload', 'picker.complete-max', `${C}/1/on-click-action/payload/photo`, formFlow, (d) => set(d, `${D}/2/max-uploaded-photos`, 5), warn);

// Routing
add('data_api_version without routing_model', 'routing.missing', '/data_api_version', endpointFlow, (d) => remove(d, '/routing_model'));
add('routing_model as an array', 'routing.type', '/routing_model', endpointFlow, (d) => set(d, '/routing_model', []));
add('a route to a screen that does not exist', 'routing.unknown-screen', '/routing_model/START/0', endpointFlow, (d) => set(d, '/routing_model/START', ['NOWHERE', 'MIDDLE']));
add('a route from a screen that does not exist', 'routing.unknown-screen', '/routing_model/NOWHERE', endpointFlow, (d) => set(d, '/routing_model/NOWHERE', []));
add('a route to itself', 'routing.self', '/routing_model/START/0', endpointFlow, (d) => set(d, '/routing_model/START', ['START', 'MIDDLE']));
add('11 branches from one screen', 'routing.too-many-branches', '/routing_model/START', endpointFlow, (d) => {
	const ids = Array.from({ length: 11 }, (_, k) => letterId(k));
	set(d, '/routing_model', { START: ids });
	set(d, '/screens', [get(d, '/screens/0'), ...ids.map((id) => ({ ...terminal(id), data: {} }))]);
});
add('a backward route', 'routing.backward-route', '/routing_model/MIDDLE/1', endpointFlow, (d) => set(d, '/routing_model/MIDDLE', ['END', 'START']));
add('a loop through three screens', 'routing.loop', '/routing_model/END', endpointFlow, (d) => set(d, '/routing_model/END', ['START']));
add('a screen left out of routing_model', 'routing.missing-screen', '/routing_model', endpointFlow, (d) => insert(d, '/screens/3', { ...terminal('EXTRA'), data: {} }));
add('no entry screen via navigate actions', 'routing.no-entry', '/screens', formFlow, (d) => set(d, `${C}/1/on-click-action`, navigate('WELCOME')));
add('no entry screen in routing_model', 'routing.no-entry', '/routing_model', endpointFlow, (d) =>
	set(d, '/routing_model', { START: ['MIDDLE', 'END'], MIDDLE: ['END'], END: ['START'] }),
);
add('a screen no navigate action reaches', 'routing.unconnected', '/screens/3/id', formFlow, (d) => insert(d, '/screens/3', terminal('ORPHAN')));
add('a screen routing_model does not connect', 'routing.unconnected', '/screens/3/id', endpointFlow, (d) => {
	insert(d, '/screens/3', { ...terminal('EXTRA'), data: {} });
	set(d, '/routing_model/EXTRA', []);
});
add('a navigate action routing_model lacks', 'routing.missing-route', '/screens/0/layout/children/0/on-click-action/next/name', endpointFlow, (d) =>
	set(d, `${W}/0/on-click-action`, navigate('END')),
);

// Data models
add('a data field that is a string', 'data.schema', '/screens/0/data/greeting', formFlow, (d) => set(d, '/screens/0/data/greeting', 'string'));
add('a data field without type', 'data.type', '/screens/0/data/greeting', formFlow, (d) => remove(d, '/screens/0/data/greeting/type'));
add('an array without items', 'data.items', '/screens/0/data/list', formFlow, (d) => set(d, '/screens/0/data/list', { type: 'array', __example__: [] }));
add('__example__ below the top level', 'data.example-nested', '/screens/0/data/obj/properties/n/__example__', formFlow, (d) =>
	set(d, '/screens/0/data/obj', { type: 'object', properties: { n: { type: 'number', __example__: 1 } }, __example__: { n: 1 } }),
);
add('a data field without __example__', 'data.example-missing', '/screens/0/data/greeting', formFlow, (d) => remove(d, '/screens/0/data/greeting/__example__'));
add('an __example__ of the wrong type', 'data.example-type', '/screens/0/data/greeting/__example__', formFlow, (d) => set(d, '/screens/0/data/greeting/__example__', 5));

// References
add('${data.x} not in the data model', 'binding.data-unknown', `${W}/0/text`, formFlow, (d) => set(d, `${W}/0/text`, '${data.title}'));
add('${data.x.y} into an array', 'binding.data-unknown', `${W}/0/text`, formFlow, (d) => {
	set(d, '/screens/0/data/items', { type: 'array', items: { type: 'object', properties: { title: { type: 'string' } } }, __example__: [] });
	set(d, `${W}/0/text`, '${data.items.title}');
});
add('${form.x} naming the Form itself', 'binding.form-is-form', `${W}/1/on-click-action/payload/all`, minimalFlow, (d) => {
	insert(d, `${W}/0`, { type: 'Form', name: 'f', children: [{ type: 'TextInput', name: 'a', label: 'A' }] });
	set(d, `${W}/1/on-click-action/payload/all`, '${form.f}');
});
add('${form.x} not an input of the screen', 'binding.form-unknown', `${W}/8/on-click-action/payload/first_name`, formFlow, (d) =>
	set(d, `${W}/8/on-click-action/payload/first_name`, '${form.firstname}'),
);
add('${screen…} before 4.0', 'binding.screen-unavailable', `${W}/0/text`, minimalFlow, (d) => {
	set(d, '/version', '3.1');
	insert(d, `${W}/0`, text('${screen.ONLY.data.x}'));
});
add('${screen.X…} for a screen that does not exist', 'binding.screen-unknown', `${C}/0/text`, formFlow, (d) => set(d, `${C}/0/text`, '${screen.NOPE.form.first_name}'));
add('${screen.X…} for the current screen', 'binding.screen-self', `${C}/0/text`, formFlow, (d) => set(d, `${C}/0/text`, '${screen.CONFIRM.data.x}'));
add('${screen.X.form.y} for an input X lacks', 'binding.screen-form-unknown', `${C}/0/text`, formFlow, (d) => set(d, `${C}/0/text`, '${screen.WELCOME.form.last_name}'));
add('${screen.X.data.y} for a field X lacks', 'binding.screen-data-unknown', `${C}/0/text`, formFlow, (d) => set(d, `${C}/0/text`, '${screen.WELCOME.data.missing}'));
add('a misspelt reference', 'binding.syntax', `${W}/0/text`, formFlow, (d) => set(d, `${W}/0/text`, '${date.greeting}'));
add('a navigate payload field the next screen lacks', 'navigate.payload-unknown-field', `${W}/8/on-click-action/payload/extra`, formFlow, (d) =>
	set(d, `${W}/8/on-click-action/payload/extra`, 'x'),
);
add('a navigate payload field of the wrong type', 'navigate.payload-type', `${W}/8/on-click-action/payload/first_name`, formFlow, (d) =>
	set(d, `${W}/8/on-click-action/payload/first_name`, 42),
);
add('a navigate payload missing a field of the next screen', 'navigate.payload-missing-field', `${W}/8/on-click-action`, formFlow, (d) => set(d, `${W}/8/on-click-action/payload`, {}));

export const CORPUS: readonly CorpusVariant[] = variants;
