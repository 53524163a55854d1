// Which actions a change of selection triggers (developers.facebook.com/docs/whatsapp/flows/reference/components):
// on-select-action on Dropdown, RadioButtonsGroup, CheckboxGroup, ChipsSelector (data_exchange or update_data, 6.0+;
// a data-source item may carry its own), DatePicker / CalendarPicker (data_exchange), OptIn (update_data);
// on-unselect-action (update_data) — for ChipsSelector / CheckboxGroup, without it on-select-action handles both.
import { valueKind } from './component-kinds';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import type { RenderedComponent } from './layout';

export function selectionActions(rc: RenderedComponent, before: JsonValue | undefined, after: JsonValue): JsonObject[] {
	const def = rc.definition;
	const source = Array.isArray(rc.props['data-source']) ? rc.props['data-source'].filter(isJsonObject) : [];
	const rawSource = Array.isArray(def['data-source']) ? def['data-source'].filter(isJsonObject) : source;
	const item = (id: string): JsonObject | undefined => rawSource.find((o) => o.id === id) ?? source.find((o) => o.id === id);
	const onSelect = (id?: string): JsonValue | undefined =>
		(id !== undefined ? item(id)?.['on-select-action'] : undefined) ?? def['on-select-action'];
	// ChipsSelector / CheckboxGroup: without on-unselect-action, on-select-action handles unselection too.
	const onUnselect = (id?: string): JsonValue | undefined =>
		(id !== undefined ? (item(id)?.['on-unselect-action'] ?? item(id)?.['on-select-action']) : undefined) ??
		def['on-unselect-action'] ??
		(valueKind(rc.type) === 'multi-choice' ? def['on-select-action'] : undefined);
	const actions: (JsonValue | undefined)[] = [];
	switch (valueKind(rc.type)) {
		case 'single-choice':
			if (after !== before && typeof after === 'string' && after !== '') actions.push(onSelect(after));
			break;
		case 'multi-choice': {
			const was = new Set(Array.isArray(before) ? before : []);
			const now = Array.isArray(after) ? after : [];
			for (const id of now) if (!was.has(id) && typeof id === 'string') actions.push(onSelect(id));
			for (const id of was) if (!now.includes(id) && typeof id === 'string') actions.push(onUnselect(id));
			break;
		}
		case 'boolean':
			if (after !== before) actions.push(after === true ? def['on-select-action'] : def['on-unselect-action']);
			break;
		case 'date':
		case 'calendar':
			if (JSON.stringify(after) !== JSON.stringify(before)) actions.push(def['on-select-action']);
			break;
		default:
			break;
	}
	return actions.filter(isJsonObject).filter((a) => typeof a.name === 'string');
}
