// What a simulated user types into each kind of Flow component (unit round trips and e2e twins alike): the last
// option (so the first is not right by accident), text of the component's input type, a pattern's sample value.
import type { ComponentView } from '../sandbox/client';

/** Values that satisfy the patterns our converter or the fixtures use. */
const PATTERN_SAMPLES: Record<string, string> = {
	'^([01][0-9]|2[0-3]):[0-5][0-9]$': '09:30',
	'^(https?://)?[^\\s/$.?#].[^\\s]*$': 'https://example.com/me',
	'^[0-9]{4}-[0-9]{3}$': '1000-001',
	'^[0-9]{4}$': '1234',
};

export type FilledValue = string | boolean | string[] | Array<{ fileName: string; bytes: Buffer; mimeType: string }>;

/** The inputs shown on a screen that have no value yet: what a user fills next (an answer can show more). */
export function unfilledInputs(components: ComponentView[], filled: Record<string, unknown>): Array<ComponentView & { name: string }> {
	return components.filter((c): c is ComponentView & { name: string } => c.name !== undefined && c.visible && c.type !== 'Footer' && !(c.name in filled));
}

/** What a user enters in one component: the last option (so the first is not right by accident), typed text. */
export function valueFor(component: ComponentView, index: number): FilledValue {
	const props = component.props;
	switch (component.type) {
		case 'RadioButtonsGroup':
		case 'Dropdown': {
			const options = component.options ?? [];
			return options[options.length - 1].id;
		}
		case 'CheckboxGroup': {
			const options = component.options ?? [];
			const max = typeof props['max-selected-items'] === 'number' ? props['max-selected-items'] : 2;
			return options.slice(-Math.min(2, max, options.length)).map((o) => o.id);
		}
		case 'OptIn':
			return true;
		case 'DatePicker':
			return `2026-03-${String(10 + (index % 18)).padStart(2, '0')}`;
		case 'PhotoPicker':
			return [{ fileName: `photo-${index}.jpg`, bytes: Buffer.from(`jpeg bytes ${index}`), mimeType: 'image/jpeg' }];
		case 'DocumentPicker':
			return [{ fileName: `doc-${index}.pdf`, bytes: Buffer.from(`%PDF-1.4 ${index}`), mimeType: 'application/pdf' }];
		case 'TextArea':
			return `Long answer ${index}\nwith two lines`;
		default: {
			const pattern = typeof props.pattern === 'string' ? props.pattern : undefined;
			if (pattern !== undefined) {
				if (PATTERN_SAMPLES[pattern] === undefined) throw new Error(`no sample value for pattern ${pattern}`);
				return PATTERN_SAMPLES[pattern];
			}
			if (component.inputType === 'email') return `user${index}@example.com`;
			if (component.inputType === 'phone') return `+351 912 345 ${String(100 + index)}`;
			if (component.inputType === 'number') return String(40 + index);
			return `Answer ${index}`;
		}
	}
}
