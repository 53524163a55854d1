// Valid Flow JSON documents the corpus breaks one rule at a time, and pointer-based editing helpers.
export type Doc = Record<string, unknown>;
type Container = Record<string | number, unknown>;

export const complete = (payload: Doc = {}): Doc => ({ name: 'complete', payload });
export const navigate = (screen: string, payload: Doc = {}): Doc => ({ name: 'navigate', next: { type: 'screen', name: screen }, payload });
export const footer = (action: Doc, label = 'Continue'): Doc => ({ type: 'Footer', label, 'on-click-action': action });
export const text = (value: string, type = 'TextBody'): Doc => ({ type, text: value });
export const screen = (id: string, children: unknown[], extra: Doc = {}): Doc => ({ id, ...extra, layout: { type: 'SingleColumnLayout', children } });
export const terminal = (id: string, children: unknown[] = []): Doc => screen(id, [...children, footer(complete(), 'Done')], { terminal: true });
export const options = (n: number): Doc[] => Array.from({ length: n }, (_, k) => ({ id: `o${k}`, title: `Option ${k}` }));
/** A base64 string that decodes to about `kb` KiB. */
export const base64OfKb = (kb: number): string => 'A'.repeat(Math.ceil((kb * 1024 * 4) / 3));
/** Screen ids made of letters only: A, B, ..., Z, BA, BB, ... */
export const letterId = (n: number): string => {
	let out = '';
	do {
		out = String.fromCharCode(65 + (n % 26)) + out;
		n = Math.floor(n / 26);
	} while (n > 0);
	return `S_${out}`;
};

/** One terminal screen: the smallest publishable flow. */
export function minimalFlow(version = '7.3'): Doc {
	return { version, screens: [terminal('ONLY')] };
}

/** Three screens without an endpoint: inputs, selectors, a picker, an If and cross-screen references. */
export function formFlow(): Doc {
	return {
		version: '7.3',
		screens: [
			screen(
				'WELCOME',
				[
					{ type: 'TextHeading', text: '${data.greeting}' },
					{ type: 'TextInput', name: 'first_name', label: 'First name', 'input-type': 'text' },
					{ type: 'Dropdown', name: 'size', label: 'Size', 'data-source': [{ id: 's', title: 'Small' }, { id: 'l', title: 'Large' }] },
					{ type: 'CheckboxGroup', name: 'extras', label: 'Extras', 'data-source': [{ id: 'gift', title: 'Gift wrap' }, { id: 'card', title: 'Card' }] },
					{ type: 'RadioButtonsGroup', name: 'colour', label: 'Colour', 'data-source': [{ id: 'red', title: 'Red' }, { id: 'blue', title: 'Blue' }] },
					{ type: 'ChipsSelector', name: 'tags', label: 'Tags', 'data-source': [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] },
					{ type: 'OptIn', name: 'agree', label: 'I agree to the terms' },
					{ type: 'EmbeddedLink', text: 'Read the terms', 'on-click-action': { name: 'open_url', url: 'https://example.com/terms' } },
					footer(navigate('DETAILS', { first_name: '${form.first_name}' })),
				],
				{ title: 'Welcome', data: { greeting: { type: 'string', __example__: 'Hello' } } },
			),
			screen(
				'DETAILS',
				[
					{ type: 'TextSubheading', text: '${data.first_name}' },
					{ type: 'DatePicker', name: 'day', label: 'Day' },
					{ type: 'PhotoPicker', name: 'photo', label: 'Photo of the item', 'max-uploaded-photos': 1 },
					{ type: 'If', condition: "${form.day} != ''", then: [text('Thank you')], else: [text('Pick a day')] },
					footer(navigate('CONFIRM')),
				],
				{ title: 'Details', data: { first_name: { type: 'string', __example__: 'Ana' } } },
			),
			screen(
				'CONFIRM',
				[
					text('${screen.WELCOME.form.first_name}'),
					footer(complete({ name: '${screen.WELCOME.form.first_name}', photo: '${screen.DETAILS.form.photo}' }), 'Submit'),
				],
				{ title: 'Confirm', terminal: true, success: true, data: {} },
			),
		],
	};
}

/** Three screens behind an endpoint (data_api_version, routing_model, data_exchange). */
export function endpointFlow(): Doc {
	const exchange = { name: 'data_exchange', payload: {} };
	return {
		version: '7.3',
		data_api_version: '4.0',
		routing_model: { START: ['MIDDLE'], MIDDLE: ['END'] },
		screens: [
			screen('START', [footer(exchange)], { data: {} }),
			screen('MIDDLE', [footer(exchange)], { data: {} }),
			screen('END', [footer(complete(), 'Done')], { terminal: true, data: {} }),
		],
	};
}

function locate(doc: Doc, pointer: string): { parent: Container; key: string | number } {
	const segments = pointer.slice(1).split('/');
	let parent = doc as Container;
	for (const segment of segments.slice(0, -1)) parent = parent[Array.isArray(parent) ? Number(segment) : segment] as Container;
	const last = segments[segments.length - 1];
	return { parent, key: Array.isArray(parent) ? Number(last) : last };
}

export function get(doc: Doc, pointer: string): unknown {
	const { parent, key } = locate(doc, pointer);
	return parent[key];
}

export function set(doc: Doc, pointer: string, value: unknown): void {
	const { parent, key } = locate(doc, pointer);
	parent[key] = value;
}

export function remove(doc: Doc, pointer: string): void {
	const { parent, key } = locate(doc, pointer);
	if (Array.isArray(parent)) parent.splice(key as number, 1);
	else delete parent[key];
}

export function insert(doc: Doc, pointer: string, value: unknown): void {
	const { parent, key } = locate(doc, pointer);
	(parent as unknown as unknown[]).splice(key as number, 0, value);
}
