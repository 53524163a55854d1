// The sandbox's own, smaller Flow JSON rule set (independent of the nodes' validator). It checks what every Flow
// must satisfy (flows/reference/flowjson, flows/reference/components) and reports errors in the shape of the Flows
// API's validation_errors (flows/reference/flowsapi "Update Flow JSON"):
//   {error, error_type, message, line_start, line_end, column_start, column_end, pointers:[{..span, path}]}.
// Error names are the sandbox's (Meta's full list is not published); the shape and the positions are Meta's.
import { JsonSyntaxError, locateJson, pathKey, type JsonPath, type LocatedJson, type TextSpan } from './json-locate';

export interface FlowValidationPointer {
	line_start: number;
	line_end: number;
	column_start: number;
	column_end: number;
	path: string;
}

export interface FlowValidationError {
	error: string;
	error_type: 'FLOW_JSON_ERROR' | 'JSON_SCHEMA_ERROR';
	message: string;
	line_start: number;
	line_end: number;
	column_start: number;
	column_end: number;
	pointers: FlowValidationPointer[];
}

/**
 * Flow JSON versions Meta still accepts for publishing (flows/changelogs, flows/guides/versioning; META-FACTS
 * "Publish versions 5.1, 6.0-6.3, 7.0-7.3").
 */
export const PUBLISHABLE_VERSIONS = ['5.1', '6.0', '6.1', '6.2', '6.3', '7.0', '7.1', '7.2', '7.3'] as const;
/** Older versions (Meta's own examples use 3.1): saved as drafts, refused at publishing. */
export const DRAFT_ONLY_VERSIONS = ['2.1', '3.0', '3.1', '4.0', '5.0'] as const;
/** data_api_version values (flows/reference/flowjson "data_api_version": 3.0; 4.0 since the 2025 changelog). */
export const DATA_API_VERSIONS = ['3.0', '4.0'] as const;

/** flows/reference/flowjson: a screen holds at most 50 components (nested ones included). */
export const MAX_COMPONENTS_PER_SCREEN = 50;
/** flows/reference/flowjson "Screen": id letters and underscores; SUCCESS is reserved. */
const SCREEN_ID = /^[A-Za-z_]+$/;

export interface FlowJsonAnalysis {
	/** Parsed JSON, or undefined when the text is not JSON. */
	json?: unknown;
	/** The top-level `version`, when it is a string. */
	version?: string;
	dataApiVersion?: string;
	/** Whether any action is `data_exchange` (the Flow needs an endpoint). */
	usesDataExchange: boolean;
	errors: FlowValidationError[];
}

type Target = { kind: 'value' | 'key'; path: JsonPath };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Reporter {
	readonly errors: FlowValidationError[] = [];
	constructor(private readonly located: LocatedJson) {}

	private span(target: Target): TextSpan {
		const key = pathKey(target.path);
		const spans = target.kind === 'key' ? this.located.keySpans : this.located.valueSpans;
		return spans.get(key) ?? this.located.valueSpans.get(key) ?? this.located.valueSpans.get('')!;
	}

	add(error: string, message: string, target: Target, type: FlowValidationError['error_type'] = 'FLOW_JSON_ERROR'): void {
		const s = this.span(target);
		const where = { line_start: s.lineStart, line_end: s.lineEnd, column_start: s.columnStart, column_end: s.columnEnd };
		this.errors.push({ error, error_type: type, message, ...where, pointers: [{ ...where, path: pathKey(target.path) }] });
	}
}

const at = (path: JsonPath): Target => ({ kind: 'value', path });
const keyAt = (path: JsonPath): Target => ({ kind: 'key', path });

interface ComponentVisit {
	component: Record<string, unknown>;
	path: JsonPath;
}

/** Every component of a screen, depth first, through Form children and If / Switch branches. */
function walkComponents(children: unknown, path: JsonPath, out: ComponentVisit[]): void {
	if (!Array.isArray(children)) return;
	children.forEach((child, index) => {
		if (!isRecord(child)) return;
		const here = [...path, index];
		out.push({ component: child, path: here });
		walkComponents(child.children, [...here, 'children'], out);
		// If: then / else (flows/reference/components "If"); Switch: cases {value: [components]}.
		walkComponents(child.then, [...here, 'then'], out);
		walkComponents(child.else, [...here, 'else'], out);
		if (isRecord(child.cases)) {
			for (const [name, branch] of Object.entries(child.cases)) walkComponents(branch, [...here, 'cases', name], out);
		}
	});
}

/**
 * The Footers shown at once, on the rendering path that holds the most: If branches and Switch cases are
 * alternatives (flows/reference/components "If": a Footer may sit in both branches, but then not outside the If).
 */
function footersOnOnePath(children: unknown, path: JsonPath): ComponentVisit[] {
	if (!Array.isArray(children)) return [];
	const out: ComponentVisit[] = [];
	children.forEach((child, index) => {
		if (!isRecord(child)) return;
		const here = [...path, index];
		if (child.type === 'Footer') out.push({ component: child, path: here });
		const branches: ComponentVisit[][] = [footersOnOnePath(child.children, [...here, 'children'])];
		branches.push(footersOnOnePath(child.then, [...here, 'then']), footersOnOnePath(child.else, [...here, 'else']));
		if (isRecord(child.cases)) {
			for (const [name, branch] of Object.entries(child.cases)) branches.push(footersOnOnePath(branch, [...here, 'cases', name]));
		}
		out.push(...branches.reduce((a, b) => (b.length > a.length ? b : a), []));
	});
	return out;
}

/** Every `on-click-action` / `on-select-action` / `on-unselect-action` etc. of the screen's components. */
function actionsOf(visit: ComponentVisit): { action: Record<string, unknown>; path: JsonPath }[] {
	return Object.entries(visit.component)
		.filter(([key, value]) => /^on-[a-z-]+-action$/.test(key) && isRecord(value))
		.map(([key, value]) => ({ action: value as Record<string, unknown>, path: [...visit.path, key] }));
}

export function analyseFlowJson(text: string): FlowJsonAnalysis {
	let located: LocatedJson;
	try {
		located = locateJson(text);
	} catch (error: unknown) {
		if (!(error instanceof JsonSyntaxError)) throw error;
		const where = { line_start: error.line, line_end: error.line, column_start: error.column, column_end: error.column };
		return {
			usesDataExchange: false,
			errors: [
				{ error: 'INVALID_JSON', error_type: 'JSON_SCHEMA_ERROR', message: error.message, ...where, pointers: [{ ...where, path: '' }] },
			],
		};
	}
	const report = new Reporter(located);
	const root = located.value;
	const result: FlowJsonAnalysis = { json: root, usesDataExchange: false, errors: report.errors };
	if (!isRecord(root)) {
		report.add('INVALID_PROPERTY_VALUE', 'Flow JSON must be an object.', at([]), 'JSON_SCHEMA_ERROR');
		return result;
	}

	if (root.version === undefined) report.add('MISSING_REQUIRED_PROPERTY', 'The property "version" is required.', at([]), 'JSON_SCHEMA_ERROR');
	else if (typeof root.version !== 'string') report.add('INVALID_PROPERTY_VALUE', 'The property "version" must be a string.', at(['version']), 'JSON_SCHEMA_ERROR');
	else result.version = root.version;
	if (typeof root.data_api_version === 'string') result.dataApiVersion = root.data_api_version;

	const screens = root.screens;
	if (screens === undefined) {
		report.add('MISSING_REQUIRED_PROPERTY', 'The property "screens" is required.', at([]), 'JSON_SCHEMA_ERROR');
		return result;
	}
	if (!Array.isArray(screens) || screens.length === 0) {
		report.add('INVALID_PROPERTY_VALUE', 'The property "screens" must be a non-empty array.', at(['screens']), 'JSON_SCHEMA_ERROR');
		return result;
	}

	const ids = new Map<string, number>();
	const navigations: { target: unknown; path: JsonPath }[] = [];
	let terminalCount = 0;

	screens.forEach((screen, index) => {
		const sp: JsonPath = ['screens', index];
		if (!isRecord(screen)) {
			report.add('INVALID_PROPERTY_VALUE', 'A screen must be an object.', at(sp), 'JSON_SCHEMA_ERROR');
			return;
		}
		const id = screen.id;
		if (typeof id !== 'string') {
			report.add('MISSING_REQUIRED_PROPERTY', `The property "id" is required at "$root/screens/${index}".`, at(sp), 'JSON_SCHEMA_ERROR');
		} else if (id === 'SUCCESS') {
			report.add('RESERVED_SCREEN_ID', 'The screen id "SUCCESS" is reserved and cannot be used.', at([...sp, 'id']));
		} else if (!SCREEN_ID.test(id)) {
			report.add('INVALID_SCREEN_ID', `Screen id "${id}" may contain only letters and underscores.`, at([...sp, 'id']));
		} else if (ids.has(id)) {
			report.add('DUPLICATE_SCREEN_ID', `Screen id "${id}" is used by more than one screen.`, at([...sp, 'id']));
		} else {
			ids.set(id, index);
		}

		if (screen.terminal === true) terminalCount += 1;
		const layout = screen.layout;
		if (!isRecord(layout)) {
			report.add('MISSING_REQUIRED_PROPERTY', `The property "layout" is required at "$root/screens/${index}".`, at(sp), 'JSON_SCHEMA_ERROR');
			return;
		}
		if (layout.type !== 'SingleColumnLayout') {
			report.add('INVALID_PROPERTY_VALUE', 'Invalid value found for property "type": the layout must be "SingleColumnLayout".', at([...sp, 'layout', 'type']));
		}
		const visits: ComponentVisit[] = [];
		walkComponents(layout.children, [...sp, 'layout', 'children'], visits);
		if (!Array.isArray(layout.children)) {
			report.add('MISSING_REQUIRED_PROPERTY', 'The property "children" of the layout must be an array.', at([...sp, 'layout']), 'JSON_SCHEMA_ERROR');
		}
		if (visits.length > MAX_COMPONENTS_PER_SCREEN) {
			report.add('TOO_MANY_COMPONENTS', `A screen may have at most ${MAX_COMPONENTS_PER_SCREEN} components; "${String(id)}" has ${visits.length}.`, at([...sp, 'layout', 'children']));
		}
		const footers = visits.filter((v) => v.component.type === 'Footer');
		const shown = footersOnOnePath(layout.children, [...sp, 'layout', 'children']);
		if (shown.length > 1) {
			report.add('TOO_MANY_FOOTERS', `A screen may have only one Footer; "${String(id)}" shows ${shown.length}.`, at(shown[1].path));
		}
		if (screen.terminal === true) {
			if (footers.length === 0) {
				report.add('MISSING_FOOTER', `Terminal screen "${String(id)}" must have a Footer.`, keyAt([...sp, 'terminal']));
			}
		}
		for (const visit of visits) {
			for (const { action, path } of actionsOf(visit)) {
				if (action.name === 'data_exchange') result.usesDataExchange = true;
				if (action.name === 'navigate') {
					const next = isRecord(action.next) ? action.next.name : undefined;
					navigations.push({ target: next, path: [...path, 'next', 'name'] });
				}
			}
		}
	});

	if (terminalCount === 0) {
		report.add('MISSING_TERMINAL_SCREEN', 'A Flow needs at least one terminal screen ("terminal": true).', at(['screens']));
	}
	for (const nav of navigations) {
		if (typeof nav.target !== 'string' || !ids.has(nav.target)) {
			report.add('INVALID_NAVIGATION', `navigate points at screen "${String(nav.target)}", which does not exist.`, at(nav.path));
		}
	}

	// routing_model (flows/reference/flowjson "Routing model"): required with data_api_version; every key and every
	// route target must be an existing screen.
	if (root.routing_model !== undefined) {
		if (!isRecord(root.routing_model)) {
			report.add('INVALID_PROPERTY_VALUE', 'The property "routing_model" must be an object.', at(['routing_model']), 'JSON_SCHEMA_ERROR');
		} else {
			for (const [from, targets] of Object.entries(root.routing_model)) {
				if (!ids.has(from)) {
					report.add('INVALID_ROUTING_MODEL', `routing_model names screen "${from}", which does not exist.`, keyAt(['routing_model', from]));
				}
				if (!Array.isArray(targets)) {
					report.add('INVALID_ROUTING_MODEL', `routing_model["${from}"] must be an array of screen ids.`, at(['routing_model', from]));
					continue;
				}
				targets.forEach((to, k) => {
					if (typeof to !== 'string' || !ids.has(to)) {
						report.add('INVALID_ROUTING_MODEL', `routing_model routes "${from}" to screen "${String(to)}", which does not exist.`, at(['routing_model', from, k]));
					}
				});
			}
		}
	}

	if (result.dataApiVersion !== undefined && root.routing_model === undefined) {
		report.add('MISSING_ROUTING_MODEL', 'The property "routing_model" is required when "data_api_version" is set.', keyAt(['data_api_version']));
	}
	if (result.usesDataExchange && root.data_api_version === undefined) {
		report.add('MISSING_DATA_API_VERSION', 'The property "data_api_version" is required when a data_exchange action is used.', at([]));
	}
	return result;
}

export function isKnownFlowJsonVersion(version: string): boolean {
	return (PUBLISHABLE_VERSIONS as readonly string[]).includes(version) || (DRAFT_ONLY_VERSIONS as readonly string[]).includes(version);
}

export function isPublishableVersion(version: string | undefined): boolean {
	return version !== undefined && (PUBLISHABLE_VERSIONS as readonly string[]).includes(version);
}
