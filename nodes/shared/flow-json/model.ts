// The shape the rules work on: each screen with every component it holds (through Forms, If branches and Switch
// cases), the names of its inputs and every action, each with its JSON pointer.
import { childPointer } from './pointer';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type Container = 'layout' | 'Form' | 'If' | 'Switch';

export interface ComponentVisit {
	readonly node: JsonObject;
	/** The `type` when it is a string. */
	readonly type: string | undefined;
	readonly pointer: string;
	readonly container: Container;
	/** Number of If components around this one. */
	readonly ifDepth: number;
	readonly inForm: boolean;
}

export interface ActionVisit {
	readonly action: JsonObject;
	readonly pointer: string;
	/** "on-click-action", "on-select-action", ... */
	readonly property: string;
	readonly owner: ComponentVisit;
	/** Declared on an item of `data-source` / `list-items` rather than on the component. */
	readonly onItem: boolean;
}

export interface ScreenModel {
	readonly index: number;
	readonly pointer: string;
	readonly node: JsonObject;
	readonly id: string | undefined;
	readonly terminal: boolean;
	/** The `data` model when it is an object. */
	readonly data: JsonObject | undefined;
	/** The layout's `children` when it is an array. */
	readonly children: unknown[] | undefined;
	readonly childrenPointer: string;
	readonly components: ComponentVisit[];
	/** Input components by `name` (the first one, when a name repeats). */
	readonly inputs: Map<string, ComponentVisit>;
	readonly forms: ComponentVisit[];
	readonly actions: ActionVisit[];
}

const ACTION_PROPERTY = /^on-[a-z]+(?:-[a-z]+)*-action$/;
const INPUT_TYPES = new Set([
	'TextInput', 'TextArea', 'CheckboxGroup', 'RadioButtonsGroup', 'OptIn', 'Dropdown', 'DatePicker', 'CalendarPicker',
	'PhotoPicker', 'DocumentPicker', 'ChipsSelector',
]);

export function isInputType(type: string | undefined): boolean {
	return type !== undefined && INPUT_TYPES.has(type);
}

function collectActions(owner: ComponentVisit, node: JsonObject, pointer: string, onItem: boolean, out: ActionVisit[]): void {
	for (const key in node) {
		if (!key.endsWith('-action') || !ACTION_PROPERTY.test(key)) continue;
		const value = node[key];
		if (isObject(value)) out.push({ action: value, pointer: childPointer(pointer, key), property: key, owner, onItem });
	}
}

function walk(children: unknown, pointer: string, container: Container, ifDepth: number, inForm: boolean, screen: ScreenModel): void {
	if (!Array.isArray(children)) return;
	children.forEach((child, index) => {
		if (!isObject(child)) return;
		const here = childPointer(pointer, index);
		const type = typeof child.type === 'string' ? child.type : undefined;
		const visit: ComponentVisit = { node: child, type, pointer: here, container, ifDepth, inForm };
		screen.components.push(visit);
		if (type === 'Form') screen.forms.push(visit);
		if (isInputType(type) && typeof child.name === 'string' && !screen.inputs.has(child.name)) screen.inputs.set(child.name, visit);
		collectActions(visit, child, here, false, screen.actions);
		for (const list of ['data-source', 'list-items']) {
			const items = child[list];
			if (Array.isArray(items)) {
				items.forEach((item, k) => {
					if (isObject(item)) collectActions(visit, item, childPointer(childPointer(here, list), k), true, screen.actions);
				});
			}
		}
		if (type === 'Form') walk(child.children, childPointer(here, 'children'), 'Form', ifDepth, true, screen);
		if (type === 'If') {
			walk(child.then, childPointer(here, 'then'), 'If', ifDepth + 1, inForm, screen);
			walk(child.else, childPointer(here, 'else'), 'If', ifDepth + 1, inForm, screen);
		}
		if (type === 'Switch' && isObject(child.cases)) {
			for (const [name, branch] of Object.entries(child.cases)) {
				walk(branch, childPointer(childPointer(here, 'cases'), name), 'Switch', ifDepth, inForm, screen);
			}
		}
	});
}

export function screenModel(node: JsonObject, index: number): ScreenModel {
	const pointer = `/screens/${index}`;
	const layout = isObject(node.layout) ? node.layout : undefined;
	const children = Array.isArray(layout?.children) ? layout.children : undefined;
	const screen: ScreenModel = {
		index,
		pointer,
		node,
		id: typeof node.id === 'string' ? node.id : undefined,
		terminal: node.terminal === true,
		data: isObject(node.data) ? node.data : undefined,
		children,
		childrenPointer: `${pointer}/layout/children`,
		components: [],
		inputs: new Map(),
		forms: [],
		actions: [],
	};
	walk(children, screen.childrenPointer, 'layout', 0, false, screen);
	return screen;
}

/** Most components matching `match` shown at once: If / Switch branches are alternatives, not additions. */
export function countAlongOnePath(children: unknown, match: (node: JsonObject) => boolean): number {
	if (!Array.isArray(children)) return 0;
	let total = 0;
	for (const child of children) {
		if (!isObject(child)) continue;
		if (match(child)) total += 1;
		if (child.type === 'Form') total += countAlongOnePath(child.children, match);
		else if (child.type === 'If') total += Math.max(countAlongOnePath(child.then, match), countAlongOnePath(child.else, match));
		else if (child.type === 'Switch' && isObject(child.cases)) {
			total += Math.max(0, ...Object.values(child.cases).map((branch) => countAlongOnePath(branch, match)));
		}
	}
	return total;
}

/** Pointers of the matching components on the rendering path that holds the most of them, in document order. */
export function busiestPath(children: unknown, pointer: string, match: (node: JsonObject) => boolean): string[] {
	if (!Array.isArray(children)) return [];
	const out: string[] = [];
	children.forEach((child, k) => {
		if (!isObject(child)) return;
		const here = childPointer(pointer, k);
		if (match(child)) out.push(here);
		const branches: string[][] = [];
		if (child.type === 'Form') branches.push(busiestPath(child.children, childPointer(here, 'children'), match));
		else if (child.type === 'If') {
			branches.push(busiestPath(child.then, childPointer(here, 'then'), match), busiestPath(child.else, childPointer(here, 'else'), match));
		} else if (child.type === 'Switch' && isObject(child.cases)) {
			for (const [name, branch] of Object.entries(child.cases)) branches.push(busiestPath(branch, childPointer(childPointer(here, 'cases'), name), match));
		}
		const best = branches.reduce<string[]>((a, b) => (b.length > a.length ? b : a), []);
		out.push(...best);
	});
	return out;
}
